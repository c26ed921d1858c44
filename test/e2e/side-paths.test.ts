import { describe, expect, it } from 'vitest';
import { acceptParticipation, openIdeaRound, planMeeting, submitContribution } from '../../src/core/index.js';
import { acceptPrivacy, actAs, alertText, demoActor, findChromium, statusText, submit, useBrowserApp } from './helpers.js';

const chromiumPath = findChromium();

/** The paths around the main cycle, in a real browser: the rest of what members and facilitators do. */
describe.skipIf(!chromiumPath)('side paths in a real browser', () => {
  const run = useBrowserApp(chromiumPath, {
    seed: async (app) => {
      const sofie = await demoActor(app, 'Sofie');
      await planMeeting(app.deps, sofie, { title: 'Panel december', scheduledAt: '2030-12-18T18:00:00Z', agenda: 'Welkom' });
      const round = await openIdeaRound(app.deps, sofie, { question: 'Wat maakt zorg betaalbaar?' });
      const omer = await demoActor(app, 'Omer');
      await acceptParticipation(app.deps, omer);
      await submitContribution(app.deps, omer, { roundId: round.id, whatHappens: 'Ik stel de tandarts uit omdat ik het niet kan betalen.', domainKeys: ['poverty'], attribution: 'named' });
    },
  });

  it('switches language, records decisions, edits a contribution, asks for a change and edits a version', { timeout: 180_000 }, async () => {
    const { base, page } = run;
    await actAs(page, base, 'Lieve');
    await acceptPrivacy(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(/\/home$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('My page');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(await page.locator('h1').textContent()).toBe('Mijn pagina');

    const form = page.locator('article[id^=round-]');
    await form.locator('textarea[name=whatIsNeeded]').fill('Meer uitleg over de premies voor mantelzorgers.');
    await form.getByLabel('Ouderenzorg').check();
    // Nothing is ticked for the member: sending without choosing how to be mentioned is refused, input kept.
    expect(await form.locator('input[name=attribution]:checked').count()).toBe(0);
    expect(await submit(page, form.locator('button[type=submit]'))).toBe(400);
    expect(await alertText(page)).toContain('Kies hoe we je woorden mogen gebruiken');
    const again = page.locator('article[id^=round-]');
    expect(await again.locator('textarea[name=whatIsNeeded]').inputValue()).toBe('Meer uitleg over de premies voor mantelzorgers.');
    await again.getByLabel('Met mijn naam').check();
    await again.locator('button[type=submit]').click();
    await page.waitForURL(/done=contributed/);
    await page.locator('article[id^=contribution-]').getByRole('link', { name: 'Aanpassen' }).click();
    await page.locator('textarea[name=whatIsNeeded]').fill('Duidelijke uitleg over de premies voor mantelzorgers, op papier.');
    await page.getByRole('button', { name: 'Bewaar mijn wijzigingen' }).click();
    expect(await statusText(page)).toContain('Je wijzigingen zijn bewaard.');
    expect(await page.locator('article[id^=contribution-]').textContent()).toContain('op papier');

    await actAs(page, base, 'Sofie (facilitator)');
    await page.goto(`${base}/panel`);
    const meeting = page.locator('article[id^=meeting-]');
    await meeting.locator('summary').click();
    await meeting.getByLabel('Beslissingen').fill('We kiezen voor zaterdag.');
    await meeting.getByLabel('Stand van zaken').selectOption('held');
    await meeting.getByRole('button', { name: 'Beslissingen noteren' }).click();
    expect(await statusText(page)).toContain('De beslissingen zijn bewaard.');
    expect(await page.locator('article[id^=meeting-]').textContent()).toContain('Gehouden');
    await page.screenshot({ path: 'test-results/panel.png', fullPage: true });
    await page.getByRole('button', { name: 'Sluit de vraag' }).click();
    await page.getByRole('button', { name: 'Ja, sluit de vraag' }).click();
    expect(await statusText(page)).toContain('De vraag is gesloten.');
    await page.getByRole('link', { name: 'Bekijk de bijdragen' }).click();
    await page.getByLabel('Titel van de samenvatting').fill('Tweede ronde');
    await page.getByRole('button', { name: 'Stel een samenvatting op' }).click();
    expect(await page.locator('main').textContent()).toContain('op papier');

    await actAs(page, base, 'Lieve');
    expect(await page.locator('#round-h + p').textContent()).toBe('Er is nu geen open vraag.');
    const card = page.locator('article[id^=consent-]');
    await card.getByLabel('Wat moet er anders?').fill('Laat mijn zin liever weg.');
    await card.getByRole('button', { name: 'Pas iets aan, graag' }).click();
    expect(await statusText(page)).toContain('We hebben de begeleider gevraagd om de tekst aan te passen.');

    await actAs(page, base, 'Sofie (facilitator)');
    expect(await page.locator('#notifications-h').locator('..').textContent()).toContain('Een panellid vroeg een aanpassing');
    await page.locator('form[action="/notifications/read"] button').click();
    expect(await page.locator('#notifications-h').count()).toBe(0);
    await page.goto(`${base}/panel`);
    await page.locator('article', { hasText: 'Tweede ronde' }).getByRole('link', { name: 'Open de samenvatting' }).click();
    expect(await page.locator('main').textContent()).toContain('1 vroegen een aanpassing of trokken in');
    await page.getByRole('link', { name: 'Pas deze versie aan' }).click();
    await page.locator('label.choice', { hasText: 'op papier' }).locator('input').uncheck();
    await page.getByRole('button', { name: 'Bewaar als nieuwe versie' }).click();
    const v2 = (await page.locator('main').textContent()) ?? '';
    expect(await statusText(page)).toContain('Er is een nieuwe versie.');
    expect(v2).toContain('Versie 2');
    expect(v2).not.toContain('op papier');
  });
});
