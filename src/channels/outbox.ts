import type { CoreDeps } from '../core/context.js';
import { markDelivered, pendingDeliveries, type PendingDelivery } from '../core/use-cases/channels.js';
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

/**
 * Delivers pending notifications (consent requests, reminders, "what became of your input") through one
 * channel, never during quiet hours. A delivery that fails stays pending and is tried again next round.
 */
export function startOutbox(
  deps: CoreDeps,
  deliver: (pending: PendingDelivery) => Promise<void>,
  options: OutboxOptions,
): { flush(): Promise<number>; stop(): void } {
  let running = false;
  const flush = async (): Promise<number> => {
    if (running) return 0;
    if (isQuietTime(deps.clock.now(), options.quietHours, options.timeZone)) return 0;
    running = true;
    let sent = 0;
    try {
      for (const pending of await pendingDeliveries(deps, options.channel)) {
        try {
          await deliver(pending);
          await markDelivered(deps, pending.notification.id);
          sent += 1;
        } catch (error) {
          if (error instanceof UndeliverableError) {
            await markDelivered(deps, pending.notification.id);
            options.logger.warn({ notificationId: pending.notification.id, channel: options.channel, reason: error.reason }, 'notification cannot be delivered; settled');
            continue;
          }
          options.logger.warn({ notificationId: pending.notification.id, channel: options.channel, err: errorCode(error) }, 'delivery failed; will retry');
        }
      }
    } finally {
      running = false;
    }
    return sent;
  };
  const tick = () =>
    void flush().catch((error: unknown) => options.logger.error({ channel: options.channel, err: errorCode(error) }, 'outbox round failed'));
  const timer = setInterval(tick, options.intervalMs ?? 15_000);
  timer.unref();
  return { flush, stop: () => clearInterval(timer) };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : 'unknown';
}
