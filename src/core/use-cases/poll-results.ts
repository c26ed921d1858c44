import { audit, type CoreDeps } from '../context.js';
import { requirePoll } from '../lookups.js';
import { describeBallot, hiddenTally, tallyBallots } from '../poll-kinds.js';
import { can } from '../policy.js';
import type { Repositories } from '../ports.js';
import { inPollAudience, type Actor, type BallotRecord, type ConsentVote, type PollRecord } from '../types.js';

export interface PollResults {
  poll: PollRecord;
  /** False while results are hidden until close; turnout is always shown. */
  visible: boolean;
  turnout: number;
  /** Members in the poll's audience (active experts, or everyone active): what turnout is counted against. */
  eligible: number;
  options: { optionId: string; label: string; count: number }[];
  scale: { value: number; count: number }[];
  scaleAverage: number | null;
  consent: { vote: ConsentVote; count: number }[];
  /** Objection reasons; `name` only where the author chose to be named with theirs (never in an anonymous poll). */
  objections: { reason: string; name: string | null }[];
  /** Who chose what: named polls for everyone, confidential polls for facilitators only, anonymous never. */
  voters: { memberId: string; displayName: string; choice: string }[] | null;
}

export async function pollResults(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollResults> {
  return deps.store.transaction(async (repos) => resultsOf(repos, actor, await requirePoll(repos, actor, pollId)));
}

/** A poll's results as `actor` may see them, inside the caller's transaction. */
export async function resultsOf(repos: Repositories, actor: Actor, poll: PollRecord): Promise<PollResults> {
  const ballots = await repos.polls.listBallots(poll.id);
  const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active);
  const audience = members.filter((m) => inPollAudience(m.role, poll.audience));
  const visible = poll.resultsVisibility === 'live' || poll.status === 'closed';
  const tallies = visible ? tallyBallots(poll, ballots) : hiddenTally(poll);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  let voters: PollResults['voters'] = null;
  if (visible && can(actor, 'poll.voters', poll)) {
    voters = ballots
      .filter((b): b is BallotRecord & { memberId: string } => b.memberId !== null)
      .map((b) => ({ memberId: b.memberId, displayName: names.get(b.memberId) ?? '', choice: describeBallot(poll, b.choice) }));
    if (poll.anonymity === 'confidential') {
      await audit(repos, actor, 'identifiable.viewed', 'poll', poll.id, { what: 'confidential_voters' });
    }
  }
  // Everyone reads objection reasons in an order that cannot pair an unnamed one with the voter list.
  const objections = tallies.objections
    .map((o) => ({ reason: o.reason, name: o.memberId !== null ? (names.get(o.memberId) ?? null) : null }))
    .sort((a, b) => a.reason.localeCompare(b.reason));
  return { poll, visible, turnout: ballots.length, eligible: audience.length, ...tallies, objections, voters };
}
