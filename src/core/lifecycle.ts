import type { IdeaRoundRecord, PollRecord } from './types.js';

/**
 * Whether a poll takes answers: open AND not past its deadline. Written once, because the scheduled close
 * runs up to a minute after the deadline and every channel must stop offering the vote form at the deadline
 * itself, not when the job gets to it. Without `now` only the stored status counts.
 */
export function isPollOpen(poll: Pick<PollRecord, 'status' | 'deadline'>, now?: Date): boolean {
  if (poll.status !== 'open') return false;
  return !now || poll.deadline === null || poll.deadline.getTime() > now.getTime();
}

/** The question of the month takes contributions while open and before its closing date. */
export function isRoundOpen(round: Pick<IdeaRoundRecord, 'status' | 'closesAt'>, now?: Date): boolean {
  if (round.status !== 'open') return false;
  return !now || round.closesAt === null || round.closesAt.getTime() > now.getTime();
}
