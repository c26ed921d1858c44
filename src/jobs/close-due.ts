import { closeDuePolls, closeDueRounds } from '../core/use-cases/close-due.js';
import type { CoreDeps } from '../core/context.js';
import type { PollRecord } from '../core/types.js';
import type { Logger } from '../logger.js';

/** Polls and questions close at most this long after their deadline. */
export const CLOSE_DUE_INTERVAL_MS = 60_000;

/** What the app does after the job closed polls: the channels redraw them where members have them. */
export interface CloseDueHooks {
  pollsClosed?(polls: PollRecord[]): Promise<void>;
}

/**
 * Closes polls and questions of the month past their deadline; idempotent, so a late or double run is
 * harmless. Polls it closed are then redrawn in the channels, as after a facilitator's close.
 */
export async function closeDueWork(deps: CoreDeps, logger: Logger, hooks: CloseDueHooks = {}): Promise<void> {
  try {
    const polls = await closeDuePolls(deps);
    const rounds = await closeDueRounds(deps);
    if (polls.length + rounds.length > 0) logger.info({ polls: polls.length, rounds: rounds.length }, 'closed at their deadline');
    if (polls.length > 0) await hooks.pollsClosed?.(polls);
  } catch (error) {
    logger.error({ error: error instanceof Error ? error.name : 'error', code: (error as { code?: unknown } | null)?.code ?? null }, 'closing due polls failed');
  }
}
