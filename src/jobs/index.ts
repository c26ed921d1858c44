import type { CoreDeps } from '../core/context.js';
import { expireConsentRequests } from '../core/use-cases/consent-deadlines.js';
import { applyRetention } from '../core/use-cases/retention.js';
import { createRemindersForAllZones, pruneDeliveries } from '../core/use-cases/channels.js';
import type { Logger } from '../logger.js';
import { CLOSE_DUE_INTERVAL_MS, closeDueWork } from './close-due.js';

/**
 * Scheduled work: polls and questions closed at their deadline (every minute), consent deadlines, retention, pruning old delivery keys, and reminders to members who have not answered (at most one
 * per member per 48 hours; each channel's outbox delivers them outside quiet hours). All are idempotent, so
 * running late or twice is harmless.
 */
export interface PrivacyJobs {
  /** Runs both jobs once now (also what the timer does). */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export const JOB_INTERVAL_MS = 15 * 60_000;

export function startPrivacyJobs(deps: CoreDeps, logger: Logger, everyMs = JOB_INTERVAL_MS, closeEveryMs = CLOSE_DUE_INTERVAL_MS): PrivacyJobs {
  let running: Promise<void> | null = null;
  let closing: Promise<void> | null = null;
  const closeDue = () => (closing ??= closeDueWork(deps, logger).finally(() => (closing = null)));
  async function work(): Promise<void> {
    try {
      // First, so that reminders below never count a poll whose deadline has passed.
      await closeDue();
      const consent = await expireConsentRequests(deps);
      if (consent.expired > 0) logger.info({ expired: consent.expired, reissued: consent.reissued.length }, 'consent requests past their deadline');
      const reminders = await createRemindersForAllZones(deps);
      if (reminders > 0) logger.info({ reminders }, 'reminders created');
      await pruneDeliveries(deps);
      const retention = await applyRetention(deps);
      if (retention.contributions + retention.ballots + retention.modelExchanges > 0) {
        logger.info({ contributions: retention.contributions, ballots: retention.ballots, modelExchanges: retention.modelExchanges }, 'retention applied');
      }
    } catch (error) {
      // Names and codes only: an error from storage may carry member text in its message.
      logger.error({ error: error instanceof Error ? error.name : 'error', code: (error as { code?: unknown } | null)?.code ?? null }, 'privacy job failed');
    }
  }
  const runOnce = () => (running ??= work().finally(() => (running = null)));
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  const closeTimer = setInterval(() => void closeDue(), closeEveryMs);
  closeTimer.unref();
  void runOnce();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      clearInterval(closeTimer);
      await running;
      await closing;
    },
  };
}
