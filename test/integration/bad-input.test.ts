import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castBallot,
  closePoll,
  createBacklogItem,
  createPoll,
  listContributions,
  myContributions,
  openIdeaRound,
  planMeeting,
  submitContribution,
  withdrawContribution,
  editContribution,
  type PollRecord,
} from '../../src/core/index.js';
import { errorMessage } from '../../src/i18n/errors.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

describe.each(testDatabases())('bad input loses nothing and answers in the member language on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;
  let other: TestPanel;
  let poll: PollRecord;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps);
    other = await makePanel(h.deps);
    poll = await createPoll(h.deps, p.actor('fac'), {
      question: 'Schaal?',
      kind: 'scale',
      anonymity: 'anonymous',
      resultsVisibility: 'live',
    });
  });
  afterAll(async () => h?.close());

  const count = async (panelName = p) =>
    h.deps.store.transaction(async (repos) => ({
      contributions: (await repos.contributions.listByPanel(panelName.panel.id)).length,
      polls: (await repos.polls.listByPanel(panelName.panel.id)).length,
      ballots: (await repos.polls.listBallots(poll.id)).length,
    }));

  it('rejects empty and very long text with a message in the member language, storing nothing', async () => {
    const before = await count();
    const fr = p.actor('e2'); // e2 speaks French
    const empty = submitContribution(h.deps, fr, { whatHappens: '   ', idea: '\u0000' });
    await expect(empty).rejects.toMatchObject({ code: 'text_empty' });
    const tooLong = submitContribution(h.deps, fr, { idea: 'x'.repeat(2001) });
    await expect(tooLong).rejects.toMatchObject({ code: 'text_too_long', params: { field: 'idea', max: 2000 } });
    const error = await tooLong.catch((e: unknown) => e);
    expect(errorMessage('fr', error)).toBe('« idée » est trop long : 2000 caractères au maximum.');
    expect(errorMessage('nl', error)).toBe('"idee" is te lang: hoogstens 2000 tekens.');
    await expect(createPoll(h.deps, p.actor('fac'), { question: 'q', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['one'] })).rejects.toMatchObject({ code: 'invalid_input', params: { field: 'options' } });
    await expect(createPoll(h.deps, p.actor('fac'), { question: 'q'.repeat(501), kind: 'scale', anonymity: 'named', resultsVisibility: 'live' })).rejects.toMatchObject({ code: 'text_too_long' });
    await expect(createPoll(h.deps, p.actor('fac'), { question: 'q', kind: 'ranking', anonymity: 'named', resultsVisibility: 'live' })).rejects.toMatchObject({ code: 'invalid_input', params: { field: 'kind' } });
    expect(await count()).toEqual(before);
  });

  it('rejects unknown options, unknown domain tags and out-of-range scores', async () => {
    const single = await createPoll(h.deps, p.actor('fac'), { question: 'Kies', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['a', 'b'] });
    await expect(castBallot(h.deps, p.actor('e1'), single.id, { optionIds: ['nope'] })).rejects.toMatchObject({ code: 'unknown_option' });
    await expect(castBallot(h.deps, p.actor('e1'), single.id, { optionIds: single.options.map((o) => o.id) })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(castBallot(h.deps, p.actor('e1'), poll.id, { value: 6 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(castBallot(h.deps, p.actor('e1'), poll.id, { value: '2.5' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(submitContribution(h.deps, p.actor('e1'), { idea: 'Goed idee', domainKeys: ['astrology'], attribution: 'named' })).rejects.toMatchObject({ code: 'unknown_option' });
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(single.id));
    expect(ballots).toHaveLength(0);
  });

  it('refuses voting after close and keeps the earlier ballot', async () => {
    const closing = await createPoll(h.deps, p.actor('fac'), { question: 'Akkoord?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' });
    await castBallot(h.deps, p.actor('e1'), closing.id, { vote: 'object', reason: 'Te duur', reasonAttribution: 'anonymous' });
    await closePoll(h.deps, p.actor('fac'), closing.id);
    await expect(castBallot(h.deps, p.actor('e1'), closing.id, { vote: 'agree' })).rejects.toMatchObject({ code: 'poll_closed' });
    await expect(closePoll(h.deps, p.actor('fac'), closing.id)).rejects.toMatchObject({ code: 'poll_closed' });
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(closing.id));
    expect(ballots.map((b) => b.choice)).toEqual([{ kind: 'consent', vote: 'object' }]);
  });

  it('isolates tenants: another zone cannot vote in, close or see this poll', async () => {
    await expect(castBallot(h.deps, other.actor('e1'), poll.id, { value: 3 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(closePoll(h.deps, other.actor('fac'), poll.id)).rejects.toMatchObject({ code: 'not_found' });
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Vraag' });
    await expect(submitContribution(h.deps, other.actor('e1'), { roundId: round.id, idea: 'inbraak', attribution: 'named' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await count(other)).contributions).toBe(0);
  });

  it('refuses members acting outside their role', async () => {
    await expect(createPoll(h.deps, p.actor('e1'), { question: 'q', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(planMeeting(h.deps, p.actor('board'), { title: 't', scheduledAt: '2027-01-01' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createBacklogItem(h.deps, p.actor('e1'), { level: 'pillar', title: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listContributions(h.deps, p.actor('board'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(submitContribution(h.deps, p.actor('board'), { idea: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets only the author edit or withdraw, including anonymous contributions', async () => {
    const mine = await submitContribution(h.deps, p.actor('e3'), { idea: 'Anoniem idee', attribution: 'anonymous' });
    await expect(withdrawContribution(h.deps, p.actor('e1'), mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(editContribution(h.deps, p.actor('fac'), mine.id, { idea: 'gekaapt' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await myContributions(h.deps, p.actor('e3'))).map((c) => c.id)).toContain(mine.id);
    expect((await myContributions(h.deps, p.actor('e1'))).map((c) => c.id)).not.toContain(mine.id);
    const edited = await editContribution(h.deps, p.actor('e3'), mine.id, { idea: 'Beter geformuleerd anoniem idee' });
    expect(edited.idea).toBe('Beter geformuleerd anoniem idee');
    await withdrawContribution(h.deps, p.actor('e3'), mine.id);
    await expect(withdrawContribution(h.deps, p.actor('e3'), mine.id)).rejects.toMatchObject({ code: 'already_withdrawn' });
  });
});
