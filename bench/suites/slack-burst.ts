import { roundsOnBothDatabases } from '../burst-rounds.js';
import { SlackApiThread } from '../slack-burst/api.js';
import { SlackSender } from '../../test/support/slack-requests.js';
import { startBareBolt } from '../slack-burst/bare.js';
import { fireFromWorker, percentile, pressesFor, watchBallots, type BurstResult } from '../slack-burst/burst.js';
import { countBallots, enrolAndOpenPoll } from '../slack-burst/setup.js';
import { startStemmenSlack } from '../slack-burst/stemmen.js';
import type { Benchmark, Row } from '../types.js';

/**
 * Issue 9's Slack burst: 300 enrolled members press "submit" on one poll at once (60 of them twice),
 * against a bare Bolt app that only acknowledges and against Stemmen in Slack HTTP mode, in the same
 * run on the same machine. Slack shows the member an error (and retries) after 3 s without an answer.
 */
const MEMBERS = 300;
const TWICE = 60;
const SECRET = 'bench-signing-secret-0123456789abcdef';
const SLACK_LIMIT_MS = 3000;
/**
 * Each database gets this many rounds (a fresh database, app and stand-in each). One burst takes about a
 * second, so a busy moment of the machine in one of them moves its ratio by a third: the verdict uses the
 * median round, and every round is printed. The bare app's row is both of its bursts (its presses counted
 * twice, its burst time their mean).
 */
const ROUNDS = 5;
/** The bare app's row: its two bursts, before and after Stemmen's. */
const BARE = 'bare Bolt x2';

function row(database: string, round: number, app: string, r: BurstResult, extra: { ballots: number | string; storedMs: number | null; doneMs?: number }): Row {
  return {
    database,
    round,
    app,
    presses: r.ackMs.length,
    'non-200': r.statuses.filter((s) => s !== 200).length,
    'ack p50 ms': Math.round(percentile(r.ackMs, 50)),
    'ack p99 ms': Math.round(percentile(r.ackMs, 99)),
    'over 3 s': r.ackMs.filter((ms) => ms > SLACK_LIMIT_MS).length,
    'burst ms': Math.round(r.burstMs),
    ballots: extra.ballots,
    'all stored ms': extra.storedMs === null ? '-' : Math.round(extra.storedMs),
    'ballots/s': extra.storedMs === null ? '-' : Math.round(Number(extra.ballots) / (extra.storedMs / 1000)),
    // Until the app is idle: every message redrawn after its vote, too.
    'all done ms': extra.doneMs === undefined ? '-' : Math.round(extra.doneMs),
  };
}

async function burstOn(database: string, round: number, databaseUrl: string): Promise<Row[]> {
  // Slack's side runs in a thread of its own, as Slack's servers are not on the bot's machine.
  const api = await SlackApiThread.start();
  const stemmen = await startStemmenSlack(databaseUrl, SECRET, api.url);
  const team = { id: api.team.id, domain: 'zone-bench' };
  try {
    const { pollId, dms } = await enrolAndOpenPoll(stemmen, api, new SlackSender(stemmen.url, SECRET, team, api.url), MEMBERS);
    const presses = pressesFor(dms, TWICE);
    // The bare app's burst runs before and after Stemmen's, and its mean is the baseline: a busy moment of the
    // machine during one of them moves the ratio less.
    const bareBurst = async () => {
      const bare = await startBareBolt(SECRET, api.url);
      try {
        return await fireFromWorker({ url: bare.url, secret: SECRET, team, responseBase: api.url }, presses);
      } finally {
        await bare.close();
      }
    };
    const bareBefore = await bareBurst();
    const watch = watchBallots(databaseUrl, pollId, MEMBERS);
    let result: BurstResult;
    let storedMs: number;
    let doneMs: number;
    try {
      result = await fireFromWorker({ url: stemmen.url, secret: SECRET, team, responseBase: api.url }, presses);
      await stemmen.runtime.idle();
      doneMs = performance.timeOrigin + performance.now() - result.startedAt;
      const storedAt = await Promise.race([watch.stored, new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 2000))]);
      storedMs = storedAt - result.startedAt;
    } finally {
      await watch.stop();
    }
    const bareAfter = await bareBurst();
    const bareResult: BurstResult = {
      ackMs: [...bareBefore.ackMs, ...bareAfter.ackMs],
      burstMs: (bareBefore.burstMs + bareAfter.burstMs) / 2,
      startedAt: bareBefore.startedAt,
      statuses: [...bareBefore.statuses, ...bareAfter.statuses],
    };
    const ballots = await countBallots(databaseUrl, pollId);
    return [row(database, round, BARE, bareResult, { ballots: '-', storedMs: null }), row(database, round, 'Stemmen', result, { ballots, storedMs, doneMs })];
  } finally {
    await stemmen.close();
    await api.close();
  }
}

export const benchmark: Benchmark = {
  name: `Slack burst: ${MEMBERS} members press submit at once (${TWICE} twice), bare Bolt vs Stemmen`,
  run: () => roundsOnBothDatabases(ROUNDS, burstOn),
  notes(rows) {
    const notes: string[] = [];
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = (a: unknown, b: unknown) => Number(a) / Math.max(1, Number(b));
    for (const db of ['sqlite', 'postgresql']) {
      const rounds: { p99: number; stored: number; done: number; over: number; ballots: number }[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const bare = rows.find((r) => r.database === db && r.round === round && r.app === BARE);
        const stemmen = rows.find((r) => r.database === db && r.round === round && r.app === 'Stemmen');
        if (!bare || !stemmen) continue;
        rounds.push({
          p99: ratio(stemmen['ack p99 ms'], bare['ack p99 ms']),
          stored: ratio(stemmen['all stored ms'], bare['burst ms']),
          done: ratio(stemmen['all done ms'], bare['burst ms']),
          over: Number(stemmen['over 3 s']),
          ballots: Number(stemmen.ballots),
        });
      }
      if (rounds.length === 0) continue;
      const list = (key: 'p99' | 'stored' | 'done') => rounds.map((r) => r[key].toFixed(2)).join(', ');
      notes.push(
        `${db} (median of ${rounds.length} rounds): Stemmen ack p99 = ${median(rounds.map((r) => r.p99)).toFixed(2)}x bare Bolt [${list('p99')}] (target <= 1.5x); ` +
          `${Math.max(...rounds.map((r) => r.over))} presses over 3 s at most (target 0); ballots ${rounds.map((r) => r.ballots).join(', ')} (target ${MEMBERS}); ` +
          `all stored in ${median(rounds.map((r) => r.stored)).toFixed(2)}x the bare app's burst time [${list('stored')}] (target <= 1.5x); ` +
          `all work done (messages redrawn) in ${median(rounds.map((r) => r.done)).toFixed(2)}x [${list('done')}]`,
      );
    }
    return notes;
  },
};
