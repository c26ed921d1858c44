import type { CoreDeps } from '../core/context.js';
import { isDomainError } from '../core/errors.js';
import { markDelivered, pendingDeliveries, releaseDelivery, type PendingDelivery } from '../core/use-cases/channels.js';
import { isQuietTime } from '../core/time.js';
import type { ChannelName } from '../core/types.js';
import type { Logger } from '../logger.js';

/**
 * Thrown by a channel's `deliver` when a notification can never reach the member (no conversation to
 * write to, the user left the workspace): the outbox settles it instead of trying it again every round.
 */
export class UndeliverableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UndeliverableError';
  }
}

export interface OutboxOptions {
  channel: ChannelName;
  quietHours: { start: string; end: string };
  timeZone: string;
  intervalMs?: number;
  logger: Logger;
}

export interface Outbox {
  /**
   * Runs a round now and resolves with how many notifications it delivered. Asked while a round runs, it
   * runs one more round right after that one (shared by everyone who asks meanwhile), so what was queued
   * during the running round is not left for the timer.
   */
  flush(): Promise<number>;
  /** flush() for callers that do not wait: errors are logged. */
  kick(): void;
  /** Stops the timer and waits for the round under way (and one asked for meanwhile). */
  stop(): Promise<void>;
}

/**
 * Delivers pending notifications (consent requests, reminders, "what became of your input") through one
 * channel, never during quiet hours. Each round claims its notifications first (a lease, see
 * pendingDeliveries), so with several instances on one database every notification is delivered once.
 * A delivery that fails is released and tried again next round; one that never can is settled. So is one
 * whose subject the core answers for with a DomainError (a poll or round gone, a request no longer this
 * member's): that answer is the same every round, so every channel settles it here instead of retrying it
 * forever, and no channel needs its own catch for it.
 */
export function startOutbox(deps: CoreDeps, deliver: (pending: PendingDelivery) => Promise<void>, options: OutboxOptions): Outbox {
  const log = options.logger;
  async function round(): Promise<number> {
    if (isQuietTime(deps.clock.now(), options.quietHours, options.timeZone)) return 0;
    let sent = 0;
    for (const pending of await pendingDeliveries(deps, options.channel)) {
      const id = pending.notification.id;
      try {
        await deliver(pending);
        await markDelivered(deps, id);
        sent += 1;
      } catch (error) {
        if (error instanceof UndeliverableError) {
          await markDelivered(deps, id);
          log.warn({ notificationId: id, channel: options.channel, reason: error.reason }, 'notification cannot be delivered; settled');
          continue;
        }
        if (isDomainError(error)) {
          await markDelivered(deps, id);
          log.info({ notificationId: id, channel: options.channel, kind: pending.notification.kind, reason: error.code }, 'notification about something gone or closed; settled, not sent');
          continue;
        }
        log.warn({ notificationId: id, channel: options.channel, err: errorCode(error) }, 'delivery failed; will retry');
        await releaseDelivery(deps, id);
      }
    }
    return sent;
  }

  let current: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  let stopped = false;
  const flush = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    if (!current) {
      current = round().finally(() => {
        current = null;
      });
      return current;
    }
    next ??= current.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      next = null;
      return flush();
    });
    return next;
  };
  const kick = () =>
    void flush().catch((error: unknown) => log.error({ channel: options.channel, err: errorCode(error) }, 'outbox round failed'));
  const timer = setInterval(kick, options.intervalMs ?? 15_000);
  timer.unref();
  return {
    flush,
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([current, next]);
    },
  };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : 'unknown';
}
