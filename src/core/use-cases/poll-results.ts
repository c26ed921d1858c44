import { audit, type CoreDeps } from '../context.js';
import { requirePoll } from '../lookups.js';
import { isPollOpen } from '../lifecycle.js';
import { describeBallot, hiddenTally, tallyBallots } from '../poll-kinds.js';
import { can } from '../policy.js';
import type { Repositories, RosterEntry } from '../ports.js';
import { inPollAudience, type Actor, type BallotRecord, type ConsentVote, type PollRecord } from '../types.js';

export interface PollResults {
  poll: PollRecord;
  /**
   * Whether the poll takes answers at the time of reading (`isPollOpen`: status and deadline). Channels
   * say "open" or "closed" from this, never from the stored status, which lags the deadline until the
   * scheduled close runs.
   */
  open: boolean;
  /** When it stopped taking answers: its closing time, or its deadline when that passed first. */
  closedAt: Date | null;
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
  return deps.store.transaction(async (repos) => resultsOf(repos, actor, await requirePoll(repos, actor, pollId), deps.clock.now()));
}

/** What results are computed from; read once for many voters when votes are stored together. */
export interface ResultsReads {
  ballots(pollId: string): Promise<BallotRecord[]>;
  members(panelId: string): Promise<RosterEntry[]>;
}

/** Reads straight from the transaction (one voter). */
export const readsFrom = (repos: Repositories): ResultsReads => ({
  ballots: (pollId) => repos.polls.listBallots(pollId),
  members: (panelId) => repos.members.rosterOf(panelId),
});

/**
 * Reads each poll's ballots and each panel's members once; only after the last write of the transaction, or
 * with `known` ballots (what the caller already holds, its own writes included).
 */
export function sharedReads(repos: Repositories, known: Record<string, BallotRecord[]> = {}): ResultsReads {
  const ballots = new Map<string, Promise<BallotRecord[]>>(Object.entries(known).map(([pollId, list]) => [pollId, Promise.resolve(list)]));
  const members = new Map<string, Promise<RosterEntry[]>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = read()));
    return hit;
  };
  return {
    ballots: (pollId) => memo(ballots, pollId, () => repos.polls.listBallots(pollId)),
    members: (panelId) => memo(members, panelId, () => repos.members.rosterOf(panelId)),
  };
}

/** A poll's results as `actor` may see them at `now`, inside the caller's transaction. */
export async function resultsOf(repos: Repositories, actor: Actor, poll: PollRecord, now: Date, reads: ResultsReads = readsFrom(repos)): Promise<PollResults> {
  const ballots = await reads.ballots(poll.id);
  const members = (await reads.members(actor.panelId)).filter((m) => m.active);
  const audience = members.filter((m) => inPollAudience(m.role, poll.audience));
  const open = isPollOpen(poll, now);
  // Past its deadline nobody can answer any more: results kept until close are shown from then on.
  const visible = poll.resultsVisibility === 'live' || !open;
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
  return { poll, open, closedAt: open ? null : (poll.closedAt ?? poll.deadline), visible, turnout: ballots.length, eligible: audience.length, ...tallies, objections, voters };
}
