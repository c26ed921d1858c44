// The burst: N members press "submit" on one poll at the same moment (some twice), as signed
// block_actions requests. Measured per press from the client's side: request sent to answer read.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ViewStateValue } from '@slack/bolt';
import { SlackSender, findAction } from '../../test/support/slack-requests.js';

export interface Press {
  userId: string;
  channel: string;
  ts: string;
  blocks: unknown[];
  state: Record<string, Record<string, ViewStateValue>>;
}

export interface BurstResult {
  ackMs: number[];
  /** From the first press sent to the last answer read. */
  burstMs: number;
  /** When the first press was sent (epoch milliseconds, high resolution: comparable across threads). */
  startedAt: number;
  statuses: number[];
}

/** The presses of a burst: one per member, and a second one for the first `twice` members. */
export function pressesFor(dms: { userId: string; channel: string; message: { ts: string; blocks: unknown[] } }[], twice: number): Press[] {
  const presses = dms.map(({ userId, channel, message }, i) => {
    const choice = findAction(message.blocks, 'poll_choice');
    const options = choice.element.options as { value: string }[];
    const option = options[i % options.length]!.value;
    const state = { [choice.block_id]: { poll_choice: { type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: option }, value: option } } as ViewStateValue } };
    return { userId, channel, ts: message.ts, blocks: message.blocks, state };
  });
  return [...presses, ...presses.slice(0, twice)];
}

/** Sends every press at once (each with its own trigger id: a second press is a new press). */
export async function fire(sender: SlackSender, presses: Press[]): Promise<BurstResult> {
  const started = performance.now();
  const results = await Promise.all(
    presses.map(async (press) => {
      const action = findAction(press.blocks, 'poll_submit');
      const t0 = performance.now();
      // A connection the server dropped counts as a failed press (status 0), as Slack would see it.
      const status = await sender
        .blockAction(press.userId, action, { message: { channel: press.channel, ts: press.ts, blocks: press.blocks } }, press.state, { triggerId: `trig-${randomUUID()}` })
        .then((sent) => sent.status, () => 0);
      return { ms: performance.now() - t0, status };
    }),
  );
  return { ackMs: results.map((r) => r.ms), burstMs: performance.now() - started, startedAt: performance.timeOrigin + started, statuses: results.map((r) => r.status) };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Resolves with the time (epoch ms) at which the poll holds `expected` ballots, watched from a thread of
 * its own (watch-worker.ts); `stop` ends the watch early (the burst failed).
 */
export function watchBallots(databaseUrl: string, pollId: string, expected: number): { stored: Promise<number>; stop: () => Promise<void> } {
  const worker = new Worker(new URL('./watch-worker.ts', import.meta.url), { workerData: { databaseUrl, pollId, expected } });
  const stored = new Promise<number>((resolve, reject) => {
    worker.once('message', (result: { at: number }) => resolve(result.at));
    worker.once('error', reject);
  });
  return { stored, stop: async () => void (await worker.terminate()) };
}

/** Fires the burst from a worker thread (see client-worker.ts). */
export function fireFromWorker(target: { url: string; secret: string; team: { id: string; domain: string }; responseBase: string }, presses: Press[]): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./client-worker.ts', import.meta.url), { workerData: { ...target, presses } });
    worker.once('message', (result: BurstResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
