// A member's change request reaches the facilitator in Teams (tools card and version card) and stays, on
// every version, until the facilitator marks it handled, through the same core use case as the web.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  currentPrivacyNotice,
  DomainError,
  draftSummary,
  listSummaries,
  myConsentRequests,
  myContributions,
  openChangeRequests,
  openIdeaRound,
  submitContribution,
  withdrawContribution,
} from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { button, buttonsOf, cardText, meetInTeams, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const an = teamsUser('An', 'nl-BE');
const benoit = teamsUser('Benoit', 'fr-BE');

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  await meetInTeams(t0, standIn, fien, [an, benoit]);
  // The way to a draft is covered by panel-cycle.test.ts; here it is set up through the core.
  const deps = t0.app.deps;
  const round = await openIdeaRound(deps, await actorOf(fien), { question: 'Wat maakt de weg naar zorg moeilijk?' });
  for (const [user, text] of [[an, 'De bus rijdt maar één keer per uur.'], [benoit, 'Le médecin est trop loin.']] as const) {
    const who = await actorOf(user);
    await acceptParticipation(deps, who, { version: currentPrivacyNotice(deps, who.language).version });
    await submitContribution(deps, who, { roundId: round.id, whatHappens: text, attribution: 'named' });
  }
  await draftSummary(deps, await actorOf(fien), { roundId: round.id });
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('change requests in Teams', () => {
  it('shows the request on the tools and version cards until the facilitator marks it handled', async () => {
    const { client } = t0;
    const nl = (key: string, params?: Record<string, unknown>) => t('nl', key, params);
    const [review] = await myConsentRequests(t0.app.deps, await actorOf(an));
    await client.press(an, 'consent.respond', { requestId: review!.request.id, decision: 'request_change', comment: 'Noem de [bus](https://evil.example) niet.' });
    // Benoit withdraws: a new version, but An's request on version 1 stays with the facilitator.
    const benoitActor = await actorOf(benoit);
    const [mine] = await myContributions(t0.app.deps, benoitActor);
    await withdrawContribution(t0.app.deps, benoitActor, mine!.id);
    const summary = (await listSummaries(t0.app.deps, await actorOf(fien)))[0]!;
    expect(summary.latest!.number).toBe(2);

    const tools = await client.press(fien, 'facilitator');
    expect(cardText(tools)).toContain(nl('common:changeRequests.waiting', { count: 1 }));
    const version = await client.press(fien, 'summary.show', button(tools, 'summary.show'));
    expect(cardText(version)).toContain(nl('common:changeRequests.from', { name: 'An', number: 1 }));
    expect(cardText(version)).toContain('“Noem de [bus](https://evil.example) niet.”');
    const handled = button(version, 'change.handled');

    // An expert pressing the same button is refused by the core; the request stays open.
    expect(cardText(await client.press(an, 'change.handled', handled))).toContain(errorMessage('nl', new DomainError('forbidden')));
    expect(await openChangeRequests(t0.app.deps, await actorOf(fien), summary.summary.id)).toHaveLength(1);

    const after = await client.press(fien, 'change.handled', handled);
    expect(cardText(after)).toContain(nl('common:changeRequests.done'));
    expect(buttonsOf(after, 'change.handled')).toEqual([]);
    expect(cardText(await client.press(fien, 'facilitator'))).not.toContain(nl('common:changeRequests.waiting', { count: 1 }));
    expect(await openChangeRequests(t0.app.deps, await actorOf(fien), summary.summary.id)).toEqual([]);
  });
});
