import type { CoreDeps } from '../context.js';
import { requirePoll } from '../lookups.js';
import { enforce } from '../policy.js';
import type { Repositories } from '../ports.js';
import type { Actor, BallotRecord, PollRecord } from '../types.js';
import { LIMITS } from '../types.js';
import { optionalText } from '../validation.js';
import { once } from './once.js';
import { toBallotBox, type Single } from './ballot-box.js';
import { screenOf, type PollScreen } from './poll-screen-in.js';
import { castBallotIn, myBallotIn, type BallotInput } from './polls.js';

export type { PollScreen } from './poll-screen-in.js';

export async function pollScreenIn(deps: CoreDeps, repos: Repositories, actor: Actor, poll: PollRecord, ballot?: BallotRecord | null): Promise<PollScreen> {
  return screenOf(deps, repos, actor, poll, ballot === undefined ? await myBallotIn(deps, repos, actor, poll) : ballot);
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
  const alone: Single = async (r) => {
    const done = await once(deps, r.deliveryKey, (d) =>
      d.store.transaction(async (repos) => {
        const { poll, ballot } = await castBallotIn(d, repos, r.actor, r.pollId, r.input, r.rawReason);
        return { ballot, screen: await screenOf(d, repos, r.actor, poll, ballot) };
      }),
    );
    return done.repeated ? { repeated: true } : { repeated: false, ...done.value };
  };
  const request = { actor, pollId, input, rawReason, deliveryKey: opts.deliveryKey ?? null, withScreen: true };
  // Votes on one poll that arrive together (a panel answering in the session) are committed together.
  const stored = deps.batchBallots === false ? await alone(request) : await toBallotBox(deps, request, alone);
  if (stored.repeated) return { repeated: true, screen: await pollScreen(deps, actor, pollId) };
  return { repeated: false, screen: stored.screen ?? (await pollScreen(deps, actor, pollId)) };
}
