// In Teams' poll card, a reason comes with the member's own choice of whether their name goes with it:
// a choice set with nothing selected; without it the core refuses and the card keeps what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  createPoll,
  currentPrivacyNotice,
  DomainError,
  pollResults,
} from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { cardText, personalChat, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const chris = teamsUser('Chris', 'en-GB');

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

/** The Input.ChoiceSet with this id on a card. */
function choiceSet(card: unknown, id: string): Record<string, unknown> | undefined {
  if (!card || typeof card !== 'object') return undefined;
  if (Array.isArray(card)) return card.map((c) => choiceSet(c, id)).find(Boolean);
  const node = card as Record<string, unknown>;
  if (node.type === 'Input.ChoiceSet' && node.id === id) return node;
  return Object.values(node).map((v) => choiceSet(v, id)).find(Boolean);
}

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  await t0.client.post(t0.client.installed(fien));
  await standIn.waitFor((r) => r.conversationId === personalChat(fien));
  await t0.client.say(chris, 'start');
  const who = await actorOf(chris);
  await acceptParticipation(t0.app.deps, who, { version: currentPrivacyNotice(t0.app.deps, who.language).version });
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('the name with an objection reason, in Teams', () => {
  it('asks with nothing selected, refuses a reason without the choice (keeping the text), and names only when chosen', async () => {
    const { client } = t0;
    const poll = await createPoll(t0.app.deps, await actorOf(fien), { question: 'Do we start the shuttle?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' });
    const card = await client.press(chris, 'poll.show', { pollId: poll.id });
    const set = choiceSet(card, 'reasonAttribution')!;
    expect(set.value).toBeUndefined();
    expect(set.isRequired).toBeUndefined(); // only needed with a reason: the core decides
    expect((set.choices as { value: string }[]).map((c) => c.value)).toEqual(['named', 'anonymous']);

    const refused = await client.press(chris, 'poll.vote', { pollId: poll.id, vote: 'object', reason: 'Too expensive for families.' });
    expect(cardText(refused)).toContain(errorMessage('en', new DomainError('reason_name_choice_required')));
    expect(cardText(refused)).toContain('Too expensive for families.');
    expect((await pollResults(t0.app.deps, await actorOf(fien), poll.id)).turnout).toBe(0);

    await client.press(chris, 'poll.vote', { pollId: poll.id, vote: 'object', reason: 'Too expensive for families.', reasonAttribution: 'named' });
    const results = await client.press(chris, 'poll.results', { pollId: poll.id });
    expect(cardText(results)).toContain(t('en', 'common:reasonAttribution.by', { name: 'Chris' }));
    expect(choiceSet(await client.press(chris, 'poll.show', { pollId: poll.id }), 'reasonAttribution')?.value).toBe('named');

    await client.press(chris, 'poll.vote', { pollId: poll.id, vote: 'object', reason: 'Too expensive for families.', reasonAttribution: 'anonymous' });
    expect(cardText(await client.press(chris, 'poll.results', { pollId: poll.id }))).not.toContain(t('en', 'common:reasonAttribution.by', { name: 'Chris' }));
  });
});
