import type { CoreDeps } from '../context.js';
import { isPollOpen } from '../lifecycle.js';
import { can } from '../policy.js';
import type { Repositories } from '../ports.js';
import type { Actor, BallotRecord, PollRecord } from '../types.js';
import { resultsOf, type PollResults, type ResultsReads } from './poll-results.js';

/** Everything a channel draws for one poll, read in one transaction. */
export interface PollScreen {
  /** The poll (as `results.poll`) with its results as the actor may see them. */
  results: PollResults;
  /** The actor's own answer, if any. */
  ballot: BallotRecord | null;
  /** Not taking answers: closed, or past its deadline (`isPollOpen`). */
  closed: boolean;
  /** Whether to offer the vote form and the close button (the policy, asked once for every channel). */
  canVote: boolean;
  canClose: boolean;
}

/**
 * The screen of a poll for `actor`, whose own ballot is already known, inside the caller's transaction.
 * Votes stored together share `reads`: the poll's ballots and the panel are read once for all of them.
 */
export async function screenOf(deps: CoreDeps, repos: Repositories, actor: Actor, poll: PollRecord, ballot: BallotRecord | null, reads?: ResultsReads): Promise<PollScreen> {
  const now = deps.clock.now();
  return {
    results: await resultsOf(repos, actor, poll, now, reads),
    ballot,
    closed: !isPollOpen(poll, now),
    canVote: can(actor, 'poll.vote', poll, now),
    canClose: can(actor, 'poll.close', poll, now),
  };
}
