// Acknowledge first: Slack gives every request 3 seconds, and under a burst (a whole panel pressing
// "submit" at once) any database work before the answer queues the answers behind each other. Commands,
// button presses and shortcuts answer with nothing, so they are acknowledged before Bolt runs any
// middleware; the delivery-key claim and the work happen after. View submissions (which may answer with
// errors or a new view) and option lists are left to their listeners.
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
 * Wraps any Bolt receiver (HTTP or Socket Mode) so that the events it hands to the app are acknowledged
 * first. The processing that follows is tracked: the answer no longer tells when the work is done.
 */
export class AckFirstReceiver implements Receiver {
  constructor(
    readonly inner: Receiver,
    private readonly tracker: WorkTracker,
  ) {}

  init(app: App): void {
    const front = { processEvent: (event: ReceiverEvent) => this.tracker.track(app.processEvent(ackFirst(event))) } as unknown as App;
    this.inner.init(front);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}
