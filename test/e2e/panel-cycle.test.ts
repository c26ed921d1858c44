import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptPrivacy, actAs, alertText, countContributions, findChromium, statusText, submit, useBrowserApp } from './helpers.js';

const chromiumPath = findChromium();

const AN = 'Ik zorg elke dag voor mijn moeder en vind in het weekend geen hulp.';
const AN_IDEA = 'Een vaste contactpersoon voor mantelzorgers in elke gemeente, ook in het weekend, zou echt veel helpen.';
const BART = 'Mijn huisarts en mijn specialist praten niet met elkaar.';
const CHANTAL = "J'attends trois mois pour un rendez-vous, et je ne peux pas payer le transport.";
const ELS = 'Bij de dokter durf ik niet te zeggen dat ik psychisch ziek ben.';
const RESPONSE = 'We starten in maart met een vast aanspreekpunt voor mantelzorgers in elke gemeente.';

describe.skipIf(!chromiumPath)('the whole panel cycle in a real browser', () => {
  const run = useBrowserApp(chromiumPath);
  beforeAll(() => void mkdirSync('test-results', { recursive: true }));

  async function vote(name: string, option: string): Promise<void> {
    const { page, base } = run;
    await actAs(page, base, name);
    await acceptPrivacy(page);
    const poll = page.locator('article', { hasText: 'Welke avond past het best' });
    await poll.getByLabel(option, { exact: true }).check();
    await poll.getByRole('button').first().click();
    await page.waitForURL(/done=vote/);
    expect(await statusText(page)).toMatch(/(bewaard|enregistrée)/);
  }

  async function contribute(name: string, fields: { whatHappens?: string; idea?: string }, domain: string, attribution: string): Promise<void> {
    const { page, base } = run;
    await actAs(page, base, name);
    await acceptPrivacy(page);
    const form = page.locator('article[id^=round-]');
    if (fields.whatHappens) await form.locator('textarea[name=whatHappens]').fill(fields.whatHappens);
    if (fields.idea) await form.locator('textarea[name=idea]').fill(fields.idea);
    await form.getByLabel(domain).check();
    await form.getByLabel(attribution).check();
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/done=contributed/);
    expect(await statusText(page)).toMatch(/(bewaard|enregistrée)/);
  }

  async function answerConsent(name: string, button: string, expectQuote: string, absent?: string): Promise<void> {
    const { page, base } = run;
    await actAs(page, base, name);
    const card = page.locator('article[id^=consent-]').first();
    expect(await card.locator('blockquote.mine').textContent()).toContain(expectQuote);
    if (absent) expect(await card.textContent()).not.toContain(absent);
    await card.getByRole('button', { name: button, exact: true }).click();
    await page.waitForURL(/done=consent_/);
  }

  it('runs from planning to "you said, we did"', { timeout: 300_000 }, async () => {
    const { app, base, page } = run;
    // The facilitator plans a meeting, opens a poll and a question of the month.
    await page.goto(`${base}/`);
    await page.screenshot({ path: 'test-results/picker.png', fullPage: true });
    await actAs(page, base, 'Sofie (facilitator)');
    await page.goto(`${base}/panel`);
    await page.locator('summary', { hasText: 'Plan een bijeenkomst' }).click();
    const meeting = page.locator('form#plan-meeting');
    await meeting.getByLabel('Titel').fill('Panel november');
    await meeting.getByLabel('Datum en uur').fill('2030-11-20T19:00');
    await meeting.getByLabel('Agenda').fill('1. Welkom\n2. Vraag van de maand');
    await meeting.getByRole('button').click();
    expect(await statusText(page)).toContain('De bijeenkomst is gepland.');
    expect(await page.locator('article[id^=meeting-]').textContent()).toContain('20 november 2030 om 19:00');

    await page.locator('summary', { hasText: 'Open een stemming' }).click();
    const poll = page.locator('form#create-poll');
    await poll.getByLabel('Vraag', { exact: true }).fill('Welke avond past het best voor de bijeenkomst?');
    await poll.getByLabel('Opties').fill('Maandag\nWoensdag\nZaterdag');
    await poll.getByRole('button').click();
    expect(await statusText(page)).toContain('De stemming is open.');

    await page.locator('summary', { hasText: 'Open een vraag van de maand' }).click();
    const round = page.locator('form#open-round');
    await round.getByLabel('Vraag', { exact: true }).fill('Wat loopt er mis als je zorg zoekt, en wat zou helpen?');
    await round.getByRole('button').click();
    expect(await statusText(page)).toContain('De vraag van de maand is open.');

    // Experts vote; Bart changes his vote; Chantal votes in French.
    await vote('An', 'Maandag');
    expect(await page.locator('article', { hasText: 'Welke avond' }).textContent()).toContain('Jouw antwoord: Maandag');
    await vote('Bart', 'Woensdag');
    await vote('Bart', 'Zaterdag');
    expect(await page.locator('article', { hasText: 'Welke avond' }).textContent()).toContain('Jouw antwoord: Zaterdag');
    await vote('Chantal', 'Zaterdag');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('article', { hasText: 'Welke avond' }).textContent()).toContain('Votre réponse : Zaterdag');

    // Bad input shows the message in the member's language, keeps the input, and stores nothing.
    const before = await countContributions(app);
    await actAs(page, base, 'Chantal');
    const long = 'a'.repeat(3000);
    const form = page.locator('article[id^=round-]');
    await form.locator('textarea[name=whatHappens]').fill(long);
    await form.getByLabel('Avec mon nom').check();
    expect(await submit(page, form.locator('button[type=submit]'))).toBe(400);
    expect(await alertText(page)).toMatch(/« ce qui se passe » est trop long : 2000 caractères au maximum/);
    expect(await page.locator('article[id^=round-] textarea[name=whatHappens]').inputValue()).toHaveLength(3000);
    await page.screenshot({ path: 'test-results/expert-error-fr.png' });
    await actAs(page, base, 'Dirk');
    await acceptPrivacy(page);
    await page.locator('article[id^=round-]').getByLabel('Met mijn naam').check();
    await page.locator('article[id^=round-] button[type=submit]').click();
    expect(await alertText(page)).toBe('Schrijf iets in "je bijdrage".');
    expect(await page.locator('#mine-h + p').textContent()).toBe('Je hebt nog niets geschreven.');
    expect(await countContributions(app)).toBe(before);

    // Four experts contribute, Bart anonymously, Chantal in French.
    await contribute('An', { whatHappens: AN, idea: AN_IDEA }, 'Mantelzorg', 'Met mijn naam');
    // The offline extract quotes the experience first ("what happens"), so An's first sentence is the one she approves.
    await contribute('Bart', { whatHappens: BART }, 'Chronische ziekte', 'Anoniem');
    await contribute('Chantal', { whatHappens: CHANTAL }, 'Pauvreté', 'Avec mon nom');
    await contribute('Els', { whatHappens: ELS }, 'Psychische kwetsbaarheid', 'Met mijn naam');
    expect(await countContributions(app)).toBe(4);

    // The facilitator closes the poll and drafts a summary.
    await actAs(page, base, 'Sofie (facilitator)');
    await page.goto(`${base}/panel`);
    await page.getByRole('button', { name: 'Sluit de stemming' }).click();
    await page.waitForURL(/\/confirm\?/);
    await page.getByRole('button', { name: 'Ja, sluit de stemming' }).click();
    await page.waitForURL(/\/polls\//);
    expect(await page.locator('tr', { hasText: 'Zaterdag' }).locator('td').first().textContent()).toBe('2');
    expect(await page.locator('tr', { hasText: 'Maandag' }).locator('td').first().textContent()).toBe('1');
    await page.goto(`${base}/panel`);
    await page.getByRole('link', { name: 'Bekijk de bijdragen' }).click();
    expect(await page.locator('article[id^=contribution-]').count()).toBe(4);
    await page.getByRole('button', { name: 'Stel een samenvatting op' }).click();
    await page.waitForURL(/\/panel\/versions\//);
    const v1 = await page.locator('main').textContent();
    expect(v1).toContain('Offline uittreksel (geen AI)');
    expect(v1).toContain('Versie 1');
    for (const quote of [AN, BART, CHANTAL, ELS]) expect(v1).toContain(quote);
    expect(await submit(page, page.getByRole('button', { name: 'Stuur naar het bestuur' }))).toBe(409);
    expect(await alertText(page)).toContain('Nog niet iedereen die geciteerd wordt, heeft deze versie goedgekeurd');
    await page.screenshot({ path: 'test-results/summary-version.png', fullPage: true });

    // Everyone quoted answers; Chantal without her name; Els withdraws, which re-issues the summary.
    await actAs(page, base, 'An');
    await page.locator('#consent-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/expert-consent.png' });
    // Before anyone approved, An reads the others' quotes without their names.
    const othersForAn = await page.locator('article[id^=consent-]').first().locator('blockquote:not(.mine) footer').allTextContents();
    expect(othersForAn.length).toBeGreaterThan(0);
    for (const footer of othersForAn) expect(footer).not.toMatch(/Chantal|Els|Bart/);
    await answerConsent('An', 'Ja, dit is goed', AN);
    await answerConsent('Chantal', 'Oui, mais sans mon nom', CHANTAL);
    await answerConsent('Bart', 'Ja, dit is goed', BART);
    // An approved with her name, so Els now sees it; Chantal approved without hers, so it stays hidden.
    await actAs(page, base, 'Els');
    const forEls = page.locator('article[id^=consent-]').first();
    expect(await forEls.locator('blockquote', { hasText: AN }).locator('footer').textContent()).toContain('An');
    expect(await forEls.locator('blockquote', { hasText: CHANTAL }).locator('footer').textContent()).not.toContain('Chantal');
    // Withdrawing cannot be undone: Els confirms it on the confirm page, and that one "yes" withdraws.
    const elsCard = page.locator('article[id^=consent-]').first();
    expect(await elsCard.locator('blockquote.mine').textContent()).toContain(ELS);
    await elsCard.getByRole('button', { name: 'Trek mijn inbreng in', exact: true }).click();
    await page.waitForURL(/\/confirm\?what=withdraw_consent/);
    expect(await page.locator('#confirm').textContent()).toContain('Dit kan niet ongedaan gemaakt worden.');
    await page.getByRole('button', { name: 'Ja, trek mijn inbreng in' }).click();
    await page.waitForURL(/done=consent_withdraw/);
    expect(await statusText(page)).toContain('Je inbreng is ingetrokken.');
    expect(await page.locator('article[id^=contribution-]').textContent()).toContain('Ingetrokken');
    // The others' quotes did not change: their answers carry over to version 2, nobody is asked again.
    for (const name of ['An', 'Bart', 'Chantal']) {
      await actAs(page, base, name);
      expect(await page.locator('article[id^=consent-]').count()).toBe(0);
    }

    // The facilitator sends version 2 to the board.
    await actAs(page, base, 'Sofie (facilitator)');
    await page.goto(`${base}/panel`);
    await page.getByRole('link', { name: 'Open de samenvatting' }).click();
    const v2 = await page.locator('main').textContent();
    expect(v2).toContain('Versie 2');
    expect(v2).toContain('de auteur trok de inbreng in');
    expect(v2).not.toContain(ELS);
    await page.getByRole('button', { name: 'Stuur naar het bestuur' }).click();
    expect(await statusText(page)).toContain('De samenvatting is naar het bestuur gestuurd.');

    // A board member reads it and turns a statement into an action with an answer.
    await actAs(page, base, 'Peter (bestuur)');
    await page.goto(`${base}/board`);
    const summaries = page.locator('section[aria-labelledby=summaries-h]');
    const board = await summaries.textContent();
    expect(board).toContain(AN);
    expect(board).toContain(BART);
    expect(board).not.toContain(ELS);
    expect(board).not.toContain('Chantal');
    expect(await summaries.locator('blockquote', { hasText: CHANTAL }).locator('footer').textContent()).toBe('anoniem');
    expect(await summaries.locator('blockquote', { hasText: BART }).locator('footer').textContent()).toBe('anoniem');
    expect(await summaries.locator('blockquote', { hasText: AN }).locator('footer').textContent()).toBe('An');
    expect(await page.locator('section[aria-labelledby=polls-h]').textContent()).toContain('Welke avond past het best');

    await page.locator('div.item', { hasText: 'Zorgzame buurten' }).getByRole('link', { name: 'Voeg een punt toe hieronder' }).click();
    expect(await page.getByLabel('Niveau').inputValue()).toBe('strategic_goal');
    await page.getByLabel('Titel', { exact: true }).fill('Mantelzorgers beter ondersteunen');
    await page.getByRole('button', { name: 'Zet in het actieplan' }).click();
    expect(await statusText(page)).toContain('Het punt staat nu in het actieplan.');
    await page.goto(`${base}/board`);
    await page.locator('div.item', { hasText: 'Mantelzorgers beter ondersteunen' }).getByRole('link', { name: 'Voeg een punt toe hieronder' }).click();
    expect(await page.getByLabel('Niveau').inputValue()).toBe('operational_goal');
    await page.getByLabel('Titel', { exact: true }).fill('Eén aanspreekpunt per gemeente');
    await page.getByRole('button', { name: 'Zet in het actieplan' }).click();

    await page.goto(`${base}/board`);
    await summaries.locator('section.card', { hasText: AN }).getByRole('link', { name: /een punt in het actieplan/ }).click();
    expect(await page.getByLabel('Niveau').inputValue()).toBe('action');
    await page.getByLabel('Hoort bij').selectOption({ label: 'Operationele doelstelling: Eén aanspreekpunt per gemeente' });
    await page.getByLabel('Titel', { exact: true }).fill('Vast aanspreekpunt voor mantelzorgers');
    await page.getByRole('button', { name: 'Zet in het actieplan' }).click();
    await page.getByLabel('Stand van zaken').selectOption('in_progress');
    await page.getByLabel('Wie neemt het op').fill('Welzijnsraad');
    await page.getByLabel('Tegen wanneer').fill('2031-03-01');
    await page.getByLabel('Voortgang (0 tot 100 %)').fill('40');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    expect(await statusText(page)).toContain('De wijzigingen zijn bewaard.');
    await page.getByLabel('Antwoord aan het panel').fill(RESPONSE);
    await page.getByRole('button', { name: 'Stuur het antwoord' }).click();
    expect(await statusText(page)).toContain('De panelleden van wie de inbreng kwam, hebben een bericht gekregen.');
    await page.goto(`${base}/board#plan-h`);
    const action = page.locator('div.item', { hasText: 'Vast aanspreekpunt voor mantelzorgers' });
    const text = await action.textContent();
    expect(text).toContain('Bezig');
    expect(text).toContain('1 maart 2031');
    expect(text).toContain(RESPONSE);
    expect(text).toContain('een uitspraak van het panel');
    await page.screenshot({ path: 'test-results/board.png', fullPage: true });
    await page.locator('section[aria-labelledby=plan-h]').screenshot({ path: 'test-results/board-plan.png' });

    // The expert sees what became of her input.
    await actAs(page, base, 'An');
    const outcomes = await page.locator('#outcomes-h').locator('..').textContent();
    expect(outcomes).toContain('Vast aanspreekpunt voor mantelzorgers');
    expect(outcomes).toContain('Bezig');
    expect(outcomes).toContain(RESPONSE);
    expect(await page.locator('#notifications-h').locator('..').textContent()).toContain('Het bestuur');
    await page.screenshot({ path: 'test-results/expert-home.png', fullPage: true });
  });
});
