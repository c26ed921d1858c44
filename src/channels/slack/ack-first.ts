// Acknowledge first: Slack gives every request 3 seconds, and under a burst (a whole panel pressing
// "submit" at once) any database work before the answer queues the answers behind each other. Commands,
// button presses and shortcuts answer with nothing, so they are acknowledged before Bolt runs any
// middleware; the delivery-key claim and the work happen after. View submissions (which may answer with
// errors or a new view) are answered by their listeners, after checking the form in memory and before any
// database work (listeners/submit.ts), which then runs in the same queue (SlackEnv.afterAck).
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { WorkTracker } from './runtime.js';

/** Request kinds whose acknowledgement carries no content. */
export function answersEmpty(body: Record<string, unknown>): boolean {
  if (typeof body.command === 'string') return true;
  return body.type === 'block_actions' || body.type === 'message_action' || body.type === 'shortcut';
}

export function ackFirst(event: ReceiverEvent): ReceiverEvent {
  if (!answersEmpty(event.body)) return event;
  const acked = event.ack();
  // Listeners still call ack(); it has been done, so theirs waits for the first and does nothing more.
  return { ...event, ack: () => acked };
}

/**
 * At most this many acknowledged requests are worked on at once; the rest wait their turn in memory. The
 * store bounds transactions itself (PostgreSQL: store/limiter.ts; SQLite: one lock with group commit), so this
 * bound is about memory and fairness. It is wide because concurrent presses share work: member lookups of one
 * moment share one read and votes on one poll one transaction (core/use-cases/actor-box.ts, ballot-box.ts);
 * with 8 at a time a burst of 300 votes was stored in 3.9x the bare Bolt app's time, with 64 in about 1.8x.
 * Since redraws wait in their own lane, the slots hold only presses on their way to their effect: with 160,
 * more of a burst waits in the ballot box when a batch commits, so the next batch is larger and the batches
 * fewer (three bench runs: all stored in a median 1.28-1.47x on SQLite and 1.34-1.51x on PostgreSQL, against
 * 1.48-1.53x and 1.54-1.68x with 64).
 */
export const ACKED_WORK_AT_ONCE = 160;

/**
 * Redraws (SlackEnv.redraw) running at once, at most: each is a Web API call whose answer shares the event loop
 * with the effects' database round trips, so a few at a time keep a burst's transactions quick.
 */
export const REDRAWS_AT_ONCE = 8;

/**
 * Effects come before pictures: what a member's press changes (a vote stored) runs before redrawing what they
 * see after it (a message updated to show their answer). Both run after the acknowledgement; under a burst the
 * redraws wait until no effect is waiting, so that every press is stored as early as the machine allows.
 */
export type Lane = 'effect' | 'redraw';

/** A limit on work running at once; waiting work starts first come, first served, effects before redraws. */
export class WorkQueue {
  #running = 0;
  readonly #waiting: Record<Lane, (() => void)[]> = { effect: [], redraw: [] };

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>, lane: Lane = 'effect'): Promise<T> {
    if (this.#running >= this.limit) {
      await new Promise<void>((resolve) => this.#waiting[lane].push(resolve));
    } else {
      this.#running += 1;
    }
    // Each piece of work starts on a new turn of the event loop. SQLite statements complete as promise
    // callbacks only (better-sqlite3 is synchronous), so without this turn one piece of work handing over
    // to the next would keep the loop from reading new requests and sending their acknowledgements.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiting piece of work (or is given back).
      const next = this.#waiting.effect.shift() ?? this.#waiting.redraw.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}

/**
 * Wraps any Bolt receiver (HTTP or Socket Mode) so that the events it hands to the app are acknowledged
 * first. The processing that follows is queued and tracked: the answer no longer tells when it is done.
 */
export class AckFirstReceiver implements Receiver {
  constructor(
    readonly inner: Receiver,
    private readonly tracker: WorkTracker,
    /** Shared with the listeners, which queue their redraws on it (SlackEnv.redraw). */
    readonly queue: WorkQueue = new WorkQueue(ACKED_WORK_AT_ONCE),
  ) {}

  init(app: App): void {
    const process = (event: ReceiverEvent) => {
      const acked = ackFirst(event);
      // Requests still to be answered (view submissions) skip the queue: they have 3 seconds.
      const work = acked === event ? app.processEvent(event) : this.queue.run(() => app.processEvent(acked));
      return this.tracker.track(work);
    };
    const front = { processEvent: process } as unknown as App;
    this.inner.init(front);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}
