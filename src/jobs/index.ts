import type { CoreDeps } from '../core/context.js';
import { expireConsentRequests } from '../core/use-cases/consent-deadlines.js';
import { applyRetention } from '../core/use-cases/retention.js';
import { createRemindersForAllZones, pruneDeliveries } from '../core/use-cases/channels.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../ops/metrics.js';
import { CLOSE_DUE_INTERVAL_MS, closeDueWork, type CloseDueHooks } from './close-due.js';

/**
 * Scheduled work: polls and questions closed at their deadline (also every minute on their own timer), consent deadlines, reminders to members who have not answered (at most one per member
 * per 48 hours; each channel's outbox delivers them outside quiet hours), pruning old delivery keys, and
 * retention. All are idempotent, so running late or twice is harmless; with several instances on one
 * PostgreSQL database a run happens under a lock (see `JobLock`), so one instance runs at a time.
 */
export interface PrivacyJobs {
  /** Runs every job once now (also what the timer does). */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export const JOB_INTERVAL_MS = 15 * 60_000;

interface Job {
  name: string;
  run(deps: CoreDeps, logger: Logger, hooks: CloseDueHooks): Promise<void>;
}

/** The jobs, in the order they run. Each failure is logged and counted; the next job still runs. */
export const JOBS: Job[] = [
  {
    // First, so that reminders below never count a poll whose deadline has passed.
    name: 'close-due',
    run: closeDueWork,
  },
  {
    name: 'consent-deadlines',
    async run(deps, logger) {
      const consent = await expireConsentRequests(deps);
      if (consent.expired > 0) logger.info({ expired: consent.expired, reissued: consent.reissued.length }, 'consent requests past their deadline');
    },
  },
  {
    name: 'reminders',
    async run(deps, logger) {
      const reminders = await createRemindersForAllZones(deps);
      if (reminders > 0) logger.info({ reminders }, 'reminders created');
    },
  },
  {
    name: 'prune-deliveries',
    async run(deps) {
      await pruneDeliveries(deps);
    },
  },
  {
    name: 'retention',
    async run(deps, logger) {
      const retention = await applyRetention(deps);
      if (retention.contributions + retention.ballots + retention.modelExchanges > 0) {
        logger.info({ contributions: retention.contributions, ballots: retention.ballots, modelExchanges: retention.modelExchanges }, 'retention applied');
      }
    },
  },
];

/**
 * Runs `work` only if no other instance is running it: resolves false without running it otherwise.
 * One process alone (SQLite) needs none: the in-process guard of startPrivacyJobs suffices.
 */
export type JobLock = <T>(work: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;

export interface JobOptions {
  everyMs?: number;
  /** How often polls and questions past their deadline are closed (default: every minute). */
  closeEveryMs?: number;
  metrics?: Metrics;
  lock?: JobLock;
  /** What the app does after jobs changed what members see (closed polls redrawn in the channels). */
  hooks?: CloseDueHooks;
}

/** `optionsOrEveryMs`: a number is the interval alone (as callers before JobOptions passed it). */
export function startPrivacyJobs(deps: CoreDeps, logger: Logger, optionsOrEveryMs: JobOptions | number = {}, closeEveryMs?: number): PrivacyJobs {
  const options: JobOptions = typeof optionsOrEveryMs === 'number' ? { everyMs: optionsOrEveryMs, closeEveryMs } : optionsOrEveryMs;
  let running: Promise<void> | null = null;
  // Closing is idempotent (a poll already closed is left alone), so this frequent timer needs no lock.
  let closing: Promise<void> | null = null;
  const closeDue = () => (closing ??= closeDueWork(deps, logger, options.hooks).finally(() => (closing = null)));
  async function runAll(): Promise<void> {
    for (const job of JOBS) {
      options.metrics?.jobRuns.inc({ job: job.name });
      try {
        await job.run(deps, logger, options.hooks ?? {});
      } catch (error) {
        options.metrics?.jobFailures.inc({ job: job.name });
        // Names and codes only: an error from storage may carry member text in its message.
        logger.error({ job: job.name, error: error instanceof Error ? error.name : 'error', code: (error as { code?: unknown } | null)?.code ?? null }, 'scheduled job failed');
      }
    }
  }
  async function work(): Promise<void> {
    if (!options.lock) return runAll();
    try {
      const outcome = await options.lock(runAll);
      if (!outcome.ran) logger.debug({}, 'scheduled jobs skipped: another instance is running them');
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.name : 'error', code: (error as { code?: unknown } | null)?.code ?? null }, 'scheduled jobs could not take their lock');
    }
  }
  const runOnce = () => (running ??= work().finally(() => (running = null)));
  const timer = setInterval(() => void runOnce(), options.everyMs ?? JOB_INTERVAL_MS);
  timer.unref();
  const closeTimer = setInterval(() => void closeDue(), options.closeEveryMs ?? CLOSE_DUE_INTERVAL_MS);
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
