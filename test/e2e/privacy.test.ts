import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIdeaRound } from '../../src/core/index.js';
import { actAs, demoActor, findChromium, statusText, submit, useBrowserApp } from './helpers.js';

const chromiumPath = findChromium();

/** Consent to take part, the guard's "let the bot redact", support, withdraw everything and erasure, in a real browser. */
describe.skipIf(!chromiumPath)('privacy in a real browser', () => {
  const run = useBrowserApp(chromiumPath, {
    seed: async (app) => {
      await openIdeaRound(app.deps, await demoActor(app, 'Sofie'), { question: 'Wat zou jou helpen?' });
    },
  });
  beforeAll(() => void mkdirSync('test-results', { recursive: true }));

  it('an expert accepts the privacy text, lets the bot redact, asks for support, withdraws and erases', { timeout: 180_000 }, async () => {
    const { base, page } = run;
    await actAs(page, base, 'Els');
    // The privacy step comes before any form: no vote or contribution form until Els answers.
    expect(await page.locator('#privacy-banner').textContent()).toContain('Wil je meedoen aan het panel?');
    expect(await page.locator('article[id^=round-]').count()).toBe(0);
    await page.locator('#privacy-banner').getByRole('link', { name: 'Lees de volledige tekst' }).click();
    expect(await page.locator('#notice').textContent()).toContain('Wie het ziet');
    await page.screenshot({ path: 'test-results/privacy-notice.png', fullPage: true });
    await page.getByRole('button', { name: 'Ik ga akkoord en doe mee' }).click();
    expect(await statusText(page)).toContain('Je doet nu mee');
    expect(await page.locator('#privacy-banner').count()).toBe(0);

    const form = page.locator('article[id^=round-]');
    await form.locator('textarea[name=whatHappens]').fill('Mijn buurman Jef heeft dementie. Bel zijn dochter op 0476 55 44 33.');
    await form.getByLabel('Met mijn naam').check();
    expect(await submit(page, form.locator('button[type=submit]'))).toBe(422);
    const guard = page.locator('section.guard');
    expect(await guard.textContent()).toContain('een telefoonnummer');
    expect(await guard.locator('mark').allTextContents()).toEqual(['Jef', '0476 55 44 33']);
    await page.screenshot({ path: 'test-results/guard.png', fullPage: true });
    await guard.getByRole('button', { name: 'Laat de bot deze gegevens weglaten' }).click();
    await page.waitForURL(/done=contributed/);
    const mine = (await page.locator('article[id^=contribution-]').textContent()) ?? '';
    expect(mine).toContain('Mijn buurman [naam verwijderd] heeft dementie. Bel zijn dochter op [telefoonnummer verwijderd].');

    await page.locator('#support').getByRole('button', { name: 'Ik heb steun nodig' }).click();
    await page.waitForURL(/\/support\?done=/);
    expect(await statusText(page)).toContain('De begeleider weet het nu');
    await actAs(page, base, 'Sofie (facilitator)');
    await page.goto(`${base}/panel`);
    expect(await page.locator('section[aria-labelledby=support-h]').textContent()).toContain('Els vroeg om steun');

    await actAs(page, base, 'Els');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('button', { name: 'Trek al mijn inbreng in' }).click();
    await page.getByRole('button', { name: 'Ja, trek alles in' }).click();
    expect(await statusText(page)).toContain('Al je bijdragen zijn ingetrokken.');
    await page.getByLabel('Ja, ik wil dat alles gewist wordt').check();
    await page.getByRole('button', { name: 'Wis al mijn gegevens' }).click();
    await page.waitForURL(/\/erased/);
    expect(await page.locator('main').textContent()).toContain('Je gegevens zijn gewist');
    await page.goto(`${base}/`);
    expect(await page.getByRole('button', { name: /^Els(\s|$)/ }).count()).toBe(0);
  });
});
