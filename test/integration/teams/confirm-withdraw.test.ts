// Destructive member actions in Teams: withdrawing from a consent request and "withdraw all my input" show a
// confirm card first; its "yes" does it in that one step, and "no" changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  currentPrivacyNotice,
  draftSummary,
  myConsentRequests,
  myContributions,
  openIdeaRound,
  participationStatus,
  submitContribution,
} from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { button, buttonsOf, cardText, meetInTeams, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const an = teamsUser('An', 'nl-BE');
const chris = teamsUser('Chris', 'en-GB');

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  await meetInTeams(t0, standIn, fien, [an, chris]);
  const deps = t0.app.deps;
  const round = await openIdeaRound(deps, await actorOf(fien), { question: 'Wat maakt de weg naar zorg moeilijk?' });
  for (const [user, texts] of [[an, ['De bus rijdt maar één keer per uur.']], [chris, ['The forms are too hard.', 'Nobody explains the letters.']]] as const) {
    const who = await actorOf(user);
    await acceptParticipation(deps, who, { version: currentPrivacyNotice(deps, who.language).version });
    for (const text of texts) await submitContribution(deps, who, { roundId: round.id, whatHappens: text, attribution: 'named' });
  }
  await draftSummary(deps, await actorOf(fien), { roundId: round.id });
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('confirm steps in Teams', () => {
  it('asks before withdrawing from a consent request; "yes" withdraws at once', async () => {
    const { client } = t0;
    const nl = (key: string) => t('nl', key);
    const [review] = await myConsentRequests(t0.app.deps, await actorOf(an));
    const card = await client.press(an, 'consent.show', { requestId: review!.request.id });
    const withdraw = buttonsOf(card, 'consent.respond').find((d) => d.decision === 'withdraw')!;

    const confirm = await client.press(an, 'consent.respond', withdraw);
    expect(cardText(confirm)).toContain(nl('common:confirm.withdraw_consent.body'));
    expect(cardText(confirm)).toContain(nl('common:confirm.noUndo'));
    expect((await myContributions(t0.app.deps, await actorOf(an)))[0]!.status).toBe('live');
    // "No, go back" leads home and changes nothing.
    expect(buttonsOf(confirm, 'home')).toHaveLength(1);

    const yes = button(confirm, 'consent.respond');
    expect(yes).toMatchObject({ requestId: review!.request.id, decision: 'withdraw', confirm: 'yes' });
    expect(cardText(await client.press(an, 'consent.respond', yes))).toContain(nl('teams:consent.done.withdraw'));
    expect((await myContributions(t0.app.deps, await actorOf(an)))[0]!.status).toBe('withdrawn');
  });

  it('offers "withdraw all my input" on the privacy card, behind a confirm card', async () => {
    const { client } = t0;
    const en = (key: string) => t('en', key);
    const privacy = await client.press(chris, 'privacy.show');
    expect(cardText(privacy)).toContain(en('privacy:mydata.withdrawAllButton'));
    const confirm = await client.press(chris, 'input.withdrawAll', button(privacy, 'input.withdrawAll'));
    expect(cardText(confirm)).toContain(en('common:confirm.withdraw_all.body'));
    expect((await myContributions(t0.app.deps, await actorOf(chris))).every((c) => c.status === 'live')).toBe(true);

    const after = await client.press(chris, 'input.withdrawAll', button(confirm, 'input.withdrawAll'));
    expect(cardText(after)).toContain(en('privacy:done.withdrawn_all'));
    expect((await myContributions(t0.app.deps, await actorOf(chris))).map((c) => c.status)).toEqual(['withdrawn', 'withdrawn']);
    // He still takes part: only his input went.
    expect((await participationStatus(t0.app.deps, await actorOf(chris))).state).toBe('accepted');
  });
});
