import type { CoreDeps } from '../context.js';
import { isPollOpen } from '../lifecycle.js';
import { requirePoll } from '../lookups.js';
import { can, enforce } from '../policy.js';
import type { Repositories } from '../ports.js';
import type { Actor, BallotRecord, PollRecord } from '../types.js';
import { LIMITS } from '../types.js';
import { optionalText } from '../validation.js';
import { once } from './once.js';
import { resultsOf, type PollResults } from './poll-results.js';
import { castBallotIn, myBallotIn, type BallotInput } from './polls.js';


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

export async function pollScreenIn(deps: CoreDeps, repos: Repositories, actor: Actor, poll: PollRecord, ballot?: BallotRecord | null): Promise<PollScreen> {
  const now = deps.clock.now();
  const results = await resultsOf(repos, actor, poll);
  return {
    results,
    ballot: ballot === undefined ? await myBallotIn(deps, repos, actor, poll) : ballot,
    closed: !isPollOpen(poll, now),
    canVote: can(actor, 'poll.vote', poll, now),
    canClose: can(actor, 'poll.close', poll, now),
  };
}

/** One poll as the actor sees it: results, their ballot, open or not. One transaction. */
export async function pollScreen(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollScreen> {
  return deps.store.transaction(async (repos) => pollScreenIn(deps, repos, actor, await requirePoll(repos, actor, pollId)));
}

export interface VoteOutcome {
  /** True for a redelivery of a press already handled: nothing changed. */
  repeated: boolean;
  /** The poll after the vote, ready to draw (the member's ballot included). */
  screen: PollScreen;
}

/**
 * A vote as a channel runs it: one transaction claims the platform's delivery key (when given), checks and
 * stores the ballot and reads back what the channel redraws. A redelivered press changes nothing and gets
 * the current screen.
 */
export async function vote(
  deps: CoreDeps,
  actor: Actor,
  pollId: string,
  input: BallotInput,
  opts: { deliveryKey?: string | null } = {},
): Promise<VoteOutcome> {
  enforce(actor, 'poll.vote');
  const rawReason = optionalText(input.reason, 'reason', LIMITS.reason);
  const done = await once(deps, opts.deliveryKey, (d) =>
    d.store.transaction(async (repos) => {
      const { poll, ballot } = await castBallotIn(d, repos, actor, pollId, input, rawReason);
      return pollScreenIn(d, repos, actor, poll, ballot);
    }),
  );
  return done.repeated ? { repeated: true, screen: await pollScreen(deps, actor, pollId) } : { repeated: false, screen: done.value };
}
