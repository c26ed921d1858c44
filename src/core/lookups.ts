import { sameTenant } from './context.js';
import { DomainError } from './errors.js';
import { isPollOpen, isRoundOpen } from './lifecycle.js';
import type { Repositories } from './ports.js';
import type { Actor, IdeaRoundRecord, PollRecord } from './types.js';

/**
 * One object by id, in the actor's panel, with the not-found and closed answers given here once. Use cases
 * and screens call these instead of listing a panel's polls or rounds to pick one.
 */
export async function requirePoll(repos: Repositories, actor: Actor, pollId: string): Promise<PollRecord> {
  return sameTenant(actor, await repos.polls.findById(pollId));
}

/** A poll that takes answers now (status and deadline), or `poll_closed`. */
export async function requireOpenPoll(repos: Repositories, actor: Actor, pollId: string, now: Date): Promise<PollRecord> {
  const poll = await requirePoll(repos, actor, pollId);
  if (!isPollOpen(poll, now)) throw new DomainError('poll_closed');
  return poll;
}

export async function requireRound(repos: Repositories, actor: Actor, roundId: string): Promise<IdeaRoundRecord> {
  return sameTenant(actor, await repos.rounds.findById(roundId));
}

/** A question of the month that takes contributions now (status and closing date), or `round_closed`. */
export async function requireOpenRound(repos: Repositories, actor: Actor, roundId: string, now: Date): Promise<IdeaRoundRecord> {
  const round = await requireRound(repos, actor, roundId);
  if (!isRoundOpen(round, now)) throw new DomainError('round_closed');
  return round;
}
