import { mkdirSync, rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { listWebIdentities, openIdeaRound, resolveActor } from '../../src/core/index.js';
import { actAs, findChromium, launchBrowser, startApp, statusText, submit } from './helpers.js';

const chromiumPath = findChromium();
if (!chromiumPath && process.env.CI) throw new Error('Chromium is required in CI: apt-get install -y chromium');

/** Consent to take part, the guard's "let the bot redact", support, withdraw everything and erasure, in a real browser. */
describe.skipIf(!chromiumPath)('privacy in a real browser', () => {
  let app: App;
  let base: string;
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ app, base, dir } = await startApp());
    const [tenant] = await listWebIdentities(app.deps);
    const sofie = tenant!.members.find((m) => m.displayName.startsWith('Sofie'))!;
    await openIdeaRound(app.deps, await resolveActor(app.deps, { tenantId: tenant!.tenantId, channel: 'web', externalId: sofie.id }), { question: 'Wat zou jou helpen?' });
    context = await launchBrowser(chromiumPath!, dir);
    page = await context.newPage();
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an expert accepts the privacy text, lets the bot redact, asks for support, withdraws and erases', { timeout: 180_000 }, async () => {
    await actAs(page, base, 'Els');
    await page.locator('#privacy-banner').getByRole('link', { name: 'Lees en kies' }).click();
    expect(await page.locator('#notice').textContent()).toContain('Wie het ziet');
    await page.screenshot({ path: 'test-results/privacy-notice.png', fullPage: true });
    await page.getByRole('button', { name: 'Ik ga akkoord en doe mee' }).click();
    expect(await statusText(page)).toContain('Je doet nu mee');
    expect(await page.locator('#privacy-banner').count()).toBe(0);

    const form = page.locator('article[id^=round-]');
    await form.locator('textarea[name=whatHappens]').fill('Mijn buurman Jef heeft dementie. Bel zijn dochter op 0476 55 44 33.');
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
    expect(await statusText(page)).toContain('Al je bijdragen zijn ingetrokken.');
    await page.getByLabel('Ja, ik wil dat alles gewist wordt').check();
    await page.getByRole('button', { name: 'Wis al mijn gegevens' }).click();
    await page.waitForURL(/\/erased/);
    expect(await page.locator('main').textContent()).toContain('Je gegevens zijn gewist');
    await page.goto(`${base}/`);
    expect(await page.getByRole('button', { name: /^Els(\s|$)/ }).count()).toBe(0);
  });
});
