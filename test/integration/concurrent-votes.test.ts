import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, createPoll, pollResults } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

describe.each(testDatabases())('200 members voting at the same moment on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: 200 });
  });
  afterAll(async () => h?.close());

  it.each(['named', 'anonymous'] as const)('leaves exactly 200 %s ballots when some click twice', async (anonymity) => {
    const poll = await createPoll(h.deps, p.actor('fac'), {
      question: 'Welke dag past het best?',
      kind: 'single',
      anonymity,
      resultsVisibility: 'live',
      options: ['Maandag', 'Woensdag', 'Zaterdag'],
    });
    const experts = Array.from({ length: 200 }, (_, i) => p.actor(`e${i + 1}`));
    const votes = experts.flatMap((actor, i) => {
      const option = poll.options[i % 3]!.id;
      const once = castBallot(h.deps, actor, poll.id, { optionIds: [option] });
      // every fourth member double-clicks, and every tenth changes their mind at the same moment
      if (i % 10 === 0) return [once, castBallot(h.deps, actor, poll.id, { optionIds: [poll.options[(i + 1) % 3]!.id] })];
      if (i % 4 === 0) return [once, castBallot(h.deps, actor, poll.id, { optionIds: [option] })];
      return [once];
    });
    const settled = await Promise.allSettled(votes);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(ballots).toHaveLength(200);
    const participants = await h.deps.store.transaction((repos) => repos.polls.listParticipants(poll.id));
    expect(new Set(participants).size).toBe(200);
    const results = await pollResults(h.deps, p.actor('fac'), poll.id);
    expect(results.options.reduce((sum, o) => sum + o.count, 0)).toBe(200);
    if (anonymity === 'anonymous') expect(ballots.every((b) => b.memberId === null)).toBe(true);
  });

  it.each(['named', 'anonymous'] as const)('changes %s answers in place when members press again in a later batch', async (anonymity) => {
    const poll = await createPoll(h.deps, p.actor('fac'), {
      question: 'Welk thema eerst?',
      kind: 'single',
      anonymity,
      resultsVisibility: 'live',
      options: ['Vervoer', 'Wachttijden'],
    });
    const [first, second] = poll.options.map((o) => o.id) as [string, string];
    const experts = Array.from({ length: 30 }, (_, i) => p.actor(`e${i + 1}`));
    await Promise.all(experts.map((actor) => castBallot(h.deps, actor, poll.id, { optionIds: [first] })));
    const before = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    // The second batch: every other member changes their mind, all at the same moment.
    await Promise.all(experts.filter((_, i) => i % 2 === 0).map((actor) => castBallot(h.deps, actor, poll.id, { optionIds: [second] })));
    const after = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    expect(after.filter((b) => b.choice.kind === 'options' && b.choice.optionIds[0] === second)).toHaveLength(15);
    const results = await pollResults(h.deps, p.actor('fac'), poll.id);
    expect(results.options.map((o) => o.count)).toEqual([15, 15]);
    // An anonymous ballot keeps only the day, also when its answer changes.
    if (anonymity === 'anonymous') expect(after.every((b) => b.updatedAt.getUTCHours() === 0 && b.updatedAt.getUTCMinutes() === 0)).toBe(true);
    else expect(after.every((b) => Number.isFinite(b.updatedAt.getTime()))).toBe(true);
  });
});
