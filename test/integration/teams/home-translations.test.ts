// The Teams home card shows what the member's home shows on the web in their language: the open poll's
// question and options, the summary that quotes them and the plan item that came from their input, each
// translation marked as one (the web's words), an original marked "original, in Dutch", and never a
// model's draft that nobody confirmed. Signed activities over HTTP, answered by the Bot Connector stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMemberRole } from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { cardText, meetInTeams, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';
import { DRAFTS, HOME_TEXT, seedHomeTranslations } from '../../support/home-translations.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const bruno = teamsUser('Bruno', 'fr-FR');
const bert = teamsUser('Bert', 'nl-BE');

/** Each paragraph of the card as one line: a text and its mark are runs of the same paragraph. */
function paragraphs(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as { type?: string; inlines?: { text: string }[] };
    if (o.type === 'RichTextBlock' && o.inlines) out.push(o.inlines.map((r) => r.text).join(''));
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  await meetInTeams(t0, standIn, fien, [bruno, bert]);
  const deps = t0.app.deps;
  const fac = await teamsActor(t0.app, fien);
  await setMemberRole(deps, fac, (await teamsActor(t0.app, bert)).memberId, 'board');
  await seedHomeTranslations(deps, { fac, board: await teamsActor(t0.app, bert), expert: await teamsActor(t0.app, bruno) });
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('translations on the Teams home card', () => {
  it('shows confirmed translations marked, originals marked, and no unconfirmed draft, to a member who reads French', async () => {
    const card = await t0.client.press(bruno, 'home');
    const lines = paragraphs(card);
    const mark = ` (${t('fr', 'translate:translated')})`;
    expect(lines).toContain(`${HOME_TEXT.questionFr}${mark}`);
    expect(lines).toContain(HOME_TEXT.optionBusFr);
    // The option whose only translation is an unconfirmed draft shows in the original.
    expect(lines).toContain(HOME_TEXT.optionTaxi);
    expect(cardText(card)).toContain(t('fr', 'thread:summaries'));
    expect(lines).toContain(`${t('fr', 'translate:translated')}: ${HOME_TEXT.statementFr}`);
    expect(lines).toContain(`${HOME_TEXT.itemTitleFr}${mark}`);
    expect(lines).toContain(`${t('fr', 'teams:outcomes.response')} ${HOME_TEXT.response} (${t('fr', 'translate:original', { language: t('fr', 'common:language.nl') })})`);
    const all = JSON.stringify(card);
    for (const draft of DRAFTS) expect(all).not.toContain(draft);
    expect(all).not.toContain(t('fr', 'translate:draft'));

    // The list of outcomes behind the home's button draws the same texts.
    const outcomes = await t0.client.press(bruno, 'outcomes');
    expect(paragraphs(outcomes)).toContain(`${HOME_TEXT.itemTitleFr}${mark}`);
    expect(JSON.stringify(outcomes)).not.toContain(DRAFTS[2]);
  });

  it('shows the originals, unmarked, to a member who reads the panel language', async () => {
    const lines = paragraphs(await t0.client.press(fien, 'home'));
    expect(lines).toContain(HOME_TEXT.question);
    expect(lines.join('\n')).not.toContain(HOME_TEXT.questionFr);
  });
});
