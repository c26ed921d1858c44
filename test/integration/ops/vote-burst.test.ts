import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, createPoll } from '../../../src/core/index.js';
import { Limiter } from '../../../src/store/limiter.js';
import { makePostgresUrl, testPostgresUrl } from '../../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../../support/harness.js';

/** Processes that keep every core busy until killed: the "busy machine" of a real burst. */
function burnCpu(): ChildProcess[] {
  return Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

describe('the transaction limiter', () => {
  it('runs at most `limit` at once, in order, and hands each slot straight on', async () => {
    const limiter = new Limiter(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => Promise.withResolvers<void>());
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(3);
    gates[1]!.resolve();
    await runs[1];
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.active).toBe(0);
    expect(limiter.queued).toBe(0);
  });
});

describe.runIf(Boolean(testPostgresUrl()))('500 members voting at once on PostgreSQL with the CPU busy', () => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makePostgresUrl());
    p = await makePanel(h.deps, { experts: 500 });
  }, 240_000);
  afterAll(async () => h?.close());

  it('stores every vote and refuses none', async () => {
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke dag past het best?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['Maandag', 'Woensdag', 'Zaterdag'] });
    const burners = burnCpu();
    let settled: PromiseSettledResult<unknown>[];
    try {
      settled = await Promise.allSettled(
        Array.from({ length: 500 }, (_, i) => castBallot(h.deps, p.actor(`e${i + 1}`), poll.id, { optionIds: [poll.options[i % 3]!.id] })),
      );
    } finally {
      for (const burner of burners) burner.kill('SIGKILL');
    }
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => (s.reason as { code?: string }).code ?? String(s.reason));
    expect(refused).toEqual([]);
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(ballots).toHaveLength(500);
  }, 300_000);
});
