import { audit, sameTenant, type CoreDeps } from '../context.js';
import type { Actor, BallotRecord, ConsentVote, PollRecord } from '../types.js';

export interface PollResults {
  poll: PollRecord;
  /** False while results are hidden until close; turnout is always shown. */
  visible: boolean;
  turnout: number;
  eligible: number;
  options: { optionId: string; label: string; count: number }[];
  scale: { value: number; count: number }[];
  scaleAverage: number | null;
  consent: { vote: ConsentVote; count: number }[];
  objections: string[];
  /** Who chose what: named polls for everyone, confidential polls for facilitators only, anonymous never. */
  voters: { memberId: string; displayName: string; choice: string }[] | null;
}

export async function pollResults(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollResults> {
  return deps.store.transaction(async (repos) => {
    const poll = sameTenant(actor, await repos.polls.findById(pollId));
    const ballots = await repos.polls.listBallots(poll.id);
    const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active);
    const visible = poll.resultsVisibility === 'live' || poll.status === 'closed';
    const tallies = visible ? tally(poll, ballots) : emptyTally(poll);
    let voters: PollResults['voters'] = null;
    const facilitator = actor.role === 'facilitator' || actor.role === 'admin';
    if (visible && (poll.anonymity === 'named' || (poll.anonymity === 'confidential' && facilitator))) {
      const names = new Map(members.map((m) => [m.id, m.displayName]));
      voters = ballots
        .filter((b): b is BallotRecord & { memberId: string } => b.memberId !== null)
        .map((b) => ({ memberId: b.memberId, displayName: names.get(b.memberId) ?? '', choice: describe(poll, b) }));
      if (poll.anonymity === 'confidential') {
        await audit(repos, actor, 'identifiable.viewed', 'poll', poll.id, { what: 'confidential_voters' });
      }
    }
    return { poll, visible, turnout: ballots.length, eligible: members.length, ...tallies, voters };
  });
}

function emptyTally(poll: PollRecord) {
  return {
    options: poll.options.map((o) => ({ optionId: o.id, label: o.label, count: 0 })),
    scale: [],
    scaleAverage: null,
    consent: [],
    objections: [],
  };
}

function tally(poll: PollRecord, ballots: BallotRecord[]) {
  const counts = new Map(poll.options.map((o) => [o.id, 0]));
  const scale = [1, 2, 3, 4, 5].map((value) => ({ value, count: 0 }));
  const consent: { vote: ConsentVote; count: number }[] = [
    { vote: 'agree', count: 0 },
    { vote: 'live_with', count: 0 },
    { vote: 'object', count: 0 },
  ];
  const objections: string[] = [];
  let scaleSum = 0;
  for (const ballot of ballots) {
    const choice = ballot.choice;
    if (choice.kind === 'options') for (const id of choice.optionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    if (choice.kind === 'scale') {
      scale[choice.value - 1]!.count += 1;
      scaleSum += choice.value;
    }
    if (choice.kind === 'consent') {
      consent.find((c) => c.vote === choice.vote)!.count += 1;
      if (choice.vote === 'object' && ballot.reason) objections.push(ballot.reason);
    }
  }
  return {
    options: poll.options.map((o) => ({ optionId: o.id, label: o.label, count: counts.get(o.id) ?? 0 })),
    scale: poll.kind === 'scale' ? scale : [],
    scaleAverage: poll.kind === 'scale' && ballots.length > 0 ? Math.round((scaleSum / ballots.length) * 10) / 10 : null,
    consent: poll.kind === 'consent' ? consent : [],
    objections,
  };
}

function describe(poll: PollRecord, ballot: BallotRecord): string {
  const choice = ballot.choice;
  if (choice.kind === 'options') return choice.optionIds.map((id) => poll.options.find((o) => o.id === id)?.label ?? '').join(', ');
  if (choice.kind === 'scale') return String(choice.value);
  return choice.vote;
}
