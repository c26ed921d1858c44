import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { castBallot, createPoll } from '../../src/core/index.js';
import { actorOf } from '../../src/core/use-cases/members.js';
import { createPanel } from '../../src/core/seed-demo.js';
import { participationRecord, privacyNotice } from '../../src/core/privacy/notice.js';
import { openDatabase } from '../../src/store/client.js';
import { createPrismaStore } from '../../src/store/prisma-store.js';
import { OfflineSynthesizer } from '../../src/synthesis/offline.js';
import { measure } from '../measure.js';
import type { Benchmark, Row } from '../types.js';

/** The target for the core alone: castBallot from 1,000 members at once on SQLite. */
const TARGET_PER_SECOND = 1000;

/**
 * Ballots cast at the same moment on the default SQLite file (WAL, BEGIN IMMEDIATE, one queue per file):
 * "before" stores and commits each vote in its own transaction (as main did), "after" stores votes that
 * arrive together in one transaction (ballot-box.ts) and commits queued transactions together. Both run in
 * this process on fresh files, so the ratio holds whatever else the machine is doing; CPU ms per ballot is
 * printed too, since wall time on a shared machine mostly measures the neighbours.
 */
async function burst(members: number, anonymity: 'named' | 'anonymous', batched: boolean): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-bench-'));
  const db = await openDatabase(`file:${join(dir, 'bench.db')}`, { groupCommit: batched });
  const store = createPrismaStore(db);
  const deps = {
    store,
    clock: { now: () => new Date() },
    secret: 'bench-secret-bench-secret-bench-secret',
    synthesizer: new OfflineSynthesizer(),
    batchBallots: batched,
  };
  try {
    const created = await store.transaction(async (repos) => {
      const panel = await createPanel(repos, {
        tenantSlug: 'bench',
        tenantName: 'Bench',
        panelName: 'Bench',
        defaultLanguage: 'nl',
        members: [
          { displayName: 'fac', role: 'facilitator', language: 'nl' },
          ...Array.from({ length: members }, (_, i) => ({ displayName: `e${i}`, role: 'expert' as const, language: 'nl' as const })),
        ],
      });
      // Every voter has accepted the privacy text, as they must before a vote counts.
      const notice = privacyNotice('nl');
      for (const member of panel.members) {
        await repos.consent.appendRecord(participationRecord(member, notice, 'granted', 'web'));
      }
      return panel;
    });
    const [fac, ...voters] = created.members.map((m) => actorOf(m, 'web'));
    const poll = await createPoll(deps, fac!, { question: 'Q', kind: 'single', anonymity, resultsVisibility: 'live', options: ['a', 'b', 'c'] });
    const cpu = process.cpuUsage();
    const m = await measure(() =>
      Promise.all(voters.map((actor, i) => castBallot(deps, actor, poll.id, { optionIds: [poll.options[i % 3]!.id] }))),
    );
    const used = process.cpuUsage(cpu);
    const stored = await store.transaction((repos) => repos.polls.listBallots(poll.id));
    return {
      run: batched ? 'after (batched votes, group commit)' : 'before (one transaction per vote)',
      ballots: members,
      stored: stored.length,
      anonymity,
      'total ms': Math.round(m.ms),
      'ballots/s': Math.round(members / (m.ms / 1000)),
      'cpu ms per ballot': ((used.user + used.system) / 1000 / members).toFixed(2),
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
    return [
      await burst(1000, 'named', false),
      await burst(1000, 'named', true),
      await burst(200, 'anonymous', false),
      await burst(200, 'anonymous', true),
    ];
  },
  notes: (rows) => {
    const perSecond = (i: number) => Number(rows[i]!['ballots/s']);
    const cpu = (i: number) => Number(rows[i]!['cpu ms per ballot']);
    return [
      `1,000 ballots: before ${perSecond(0)}/s, after ${perSecond(1)}/s: ${(perSecond(1) / perSecond(0)).toFixed(2)}x; CPU per ballot ${(cpu(1) / cpu(0)).toFixed(2)}x`,
      `target ${TARGET_PER_SECOND}/s: ${perSecond(1) >= TARGET_PER_SECOND ? 'met' : 'not met'} in this run (1-minute load average ${(Math.round(loadavg()[0]! * 10) / 10).toFixed(1)} on ${cpus().length} cores)`,
    ];
  },
};
