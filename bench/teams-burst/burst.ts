// The burst: N members press "vote" on one poll's card at the same moment, as Teams sends it: an
// `adaptiveCard/action` invoke POSTed to /api/messages with Bot Service's bearer token. Some invokes are
// delivered twice (the same activity id), as Teams redelivers when an answer is slow or lost. Measured per
// invoke from the client's side: request sent to answer read.
import { Worker } from 'node:worker_threads';

export interface BurstResult {
  answerMs: number[];
  /** From the first invoke sent to the last answer read. */
  burstMs: number;
  /** When the first invoke was sent (epoch milliseconds, high resolution: comparable across threads). */
  startedAt: number;
  statuses: number[];
}

export interface BurstTarget {
  /** The app's POST /api/messages. */
  url: string;
  /** One Bot Service token for the whole burst (Bot Service reuses its token too; signing is not the app's cost). */
  token: string;
}

/** Sends every invoke at once. */
export async function fire(target: BurstTarget, invokes: Record<string, unknown>[]): Promise<BurstResult> {
  const started = performance.now();
  const results = await Promise.all(
    invokes.map(async (activity) => {
      const t0 = performance.now();
      // A connection the server dropped counts as a failed invoke (status 0), as Teams would see it.
      const status = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: JSON.stringify(activity),
      }).then(
        async (res) => (await res.arrayBuffer(), res.status),
        () => 0,
      );
      return { ms: performance.now() - t0, status };
    }),
  );
  return { answerMs: results.map((r) => r.ms), burstMs: performance.now() - started, startedAt: performance.timeOrigin + started, statuses: results.map((r) => r.status) };
}

/**
 * Fires the burst from a worker thread (client-worker.ts): timing an invoke from the app's own event loop
 * would count the app's work as the client's waiting.
 */
export function fireFromWorker(target: BurstTarget, invokes: Record<string, unknown>[]): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./client-worker.ts', import.meta.url), { workerData: { target, invokes } });
    worker.once('message', (result: BurstResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
