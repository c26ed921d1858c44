import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { castBallot, createPoll } from '../../src/core/index.js';
import { actorOf } from '../../src/core/use-cases/members.js';
import { createPanel } from '../../src/core/seed-demo.js';
import { openDatabase } from '../../src/store/client.js';
import { createPrismaStore } from '../../src/store/prisma-store.js';
import { OfflineSynthesizer } from '../../src/synthesis/offline.js';
import { measure } from '../measure.js';
import type { Benchmark, Row } from '../types.js';

/**
 * Ballots cast at the same moment on the default SQLite file (WAL, BEGIN IMMEDIATE, one queue per file):
 * how long a panel's burst of votes takes and how many per second the embedded default sustains.
 */
async function burst(members: number, anonymity: 'named' | 'anonymous'): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-bench-'));
  const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
  const store = createPrismaStore(db);
  const deps = { store, clock: { now: () => new Date() }, secret: 'bench-secret-bench-secret-bench-secret', synthesizer: new OfflineSynthesizer() };
  try {
    const created = await store.transaction((repos) =>
      createPanel(repos, {
        tenantSlug: 'bench',
        tenantName: 'Bench',
        panelName: 'Bench',
        defaultLanguage: 'nl',
        members: [
          { displayName: 'fac', role: 'facilitator', language: 'nl' },
          ...Array.from({ length: members }, (_, i) => ({ displayName: `e${i}`, role: 'facilitator' as const, language: 'nl' as const })),
        ],
      }),
    );
    const [fac, ...voters] = created.members.map((m) => actorOf(m, 'web'));
    const poll = await createPoll(deps, fac!, { question: 'Q', kind: 'single', anonymity, resultsVisibility: 'live', options: ['a', 'b', 'c'] });
    const m = await measure(() =>
      Promise.all(voters.map((actor, i) => castBallot(deps, actor, poll.id, { optionIds: [poll.options[i % 3]!.id] }))),
    );
    return {
      ballots: members,
      anonymity,
      'total ms': Math.round(m.ms),
      'ballots/s': Math.round(members / (m.ms / 1000)),
      'ms per ballot': (m.ms / members).toFixed(2),
      'peak heap MiB': m.peakMiB.toFixed(1),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'ballots on SQLite (concurrent burst)',
  async run() {
    // Voters are facilitators here so that no privacy notice is needed: the path measured is the ballot.
    return [await burst(200, 'named'), await burst(200, 'anonymous'), await burst(1000, 'named')];
  },
  notes: (rows) => [`1000 vs 200 ballots: ${(Number(rows[2]!['total ms']) / Number(rows[0]!['total ms'])).toFixed(1)}x the time for 5x the ballots`],
};
