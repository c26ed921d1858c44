import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myBallot } from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { button, choiceValues, startTeamsApp, teamsActor, teamsUser, type TeamsTestApp } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const ann = teamsUser('Ann', 'nl-BE');

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  const { client } = t0;
  await client.say(fien, 'start'); // first member: facilitator
  await client.say(ann, 'start');
  await client.press(ann, 'participation.accept', button(await client.press(ann, 'privacy.show'), 'participation.accept'));
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

type Answer = { status: number; type: string; text: string };

describe('Teams: a vote delivered more than once', () => {
  it('is stored once, and each repeat is answered with the poll as it stands', async () => {
    const { client } = t0;
    const created = await client.press(fien, 'poll.create', { question: 'Welke dag?', kind: 'single', anonymity: 'confidential', resultsVisibility: 'live', options: 'Dinsdag\nDonderdag' });
    const pollId = button(created, 'poll.close').pollId as string;
    const shown = await client.press(ann, 'poll.show', { pollId });
    const tuesday = choiceValues(shown, 'optionIds').get('Dinsdag')!;
    const vote = client.invoke(ann, 'poll.vote', { pollId, optionIds: tuesday });
    const send = async (): Promise<Answer> => {
      const res = await client.post(vote);
      const body = (await res.json()) as { type: string; value: unknown };
      return { status: res.status, type: body.type, text: JSON.stringify(body.value) };
    };

    // Teams redelivers an invoke it got no answer to in time: here once at the same moment, once later.
    const answers = [...(await Promise.all([send(), send()])), await send()];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(answer.text).toContain('Welke dag?');
      expect(answer.text).toContain(t('nl', 'teams:poll.yourAnswer'));
    }
    expect(answers.filter((a) => a.text.includes(t('nl', 'teams:done.vote')))).toHaveLength(1);
    expect(answers.filter((a) => a.text.includes(t('nl', 'teams:card.duplicate')))).toHaveLength(2);

    const actor = await teamsActor(t0.app, ann);
    expect((await myBallot(t0.app.deps, actor, pollId))?.choice).toEqual({ kind: 'options', optionIds: [tuesday] });
    const effects = await t0.app.deps.store.transaction((repos) => repos.audit.list(actor.tenantId, { objectId: pollId }));
    expect(effects.filter((e) => e.action.startsWith('ballot.')).map((e) => e.action)).toEqual(['ballot.cast']);
  });
});
