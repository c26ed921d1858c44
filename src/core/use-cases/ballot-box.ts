import { randomUUID } from 'node:crypto';
import { sameTenant, voterKey, type CoreDeps } from '../context.js';
import { DomainError, isDomainError } from '../errors.js';
import { isPollOpen } from '../lifecycle.js';
import { checkBallotInput } from '../form-checks.js';
import type { Repositories, Store } from '../ports.js';
import { anonymousTime } from '../privacy/policy.js';
import { inPollAudience, type Actor, type AuditInput, type BallotRecord, type PollRecord } from '../types.js';
import { acceptedParticipation } from './participation-state.js';
import type { BallotInput } from './polls.js';
import { sharedReads } from './poll-results.js';
import { screenOf, type PollScreen } from './poll-screen-in.js';

/**
 * Votes on one poll that arrive together are stored together: one transaction reads the poll and its ballots
 * once and writes the new ballots, changed answers, participation marks and audit entries in one statement each. A
 * burst of a whole panel pressing "submit" then costs a handful of statements instead of six per vote.
 *
 * Each vote keeps its own answer: a vote refused for its own reason (an unknown option, no privacy consent)
 * is refused alone, before anything is written; a member who votes twice in one batch gets one ballot (the
 * later answer), as if the two had come one after the other. If the batch's transaction fails for another
 * reason, every vote in it is retried on its own, so one bad vote never sinks the others. A vote resolves
 * only after its batch has committed.
 */
export interface VoteRequest {
  actor: Actor;
  pollId: string;
  input: BallotInput;
  rawReason: string;
  /**
   * The platform's delivery key of the press (Slack's trigger id): claimed in the batch's transaction, so a
   * redelivered press stores nothing. A vote refused for its own reason claims nothing (as a transaction of
   * its own would have rolled the claim back).
   */
  deliveryKey?: string | null;
  /** Read back the poll as this voter now sees it, in the same transaction (what a channel redraws). */
  withScreen?: boolean;
}

interface BallotRequest extends VoteRequest {
  resolve: (stored: Stored) => void;
  reject: (error: unknown) => void;
}

/** A vote stored, with its screen when asked for; or a redelivered press that changed nothing. */
export type Stored = { repeated: true } | { repeated: false; ballot: BallotRecord; screen: PollScreen | null };

/** Stores one vote in a transaction of its own (`single`), when the batch as a whole fails. */
export type Single = (request: VoteRequest) => Promise<Stored>;

interface PollQueue {
  pending: BallotRequest[];
  running: boolean;
}

const queues = new WeakMap<Store, Map<string, PollQueue>>();

/** The largest batch: past it the next votes wait for the following transaction. */
const BATCH_MAX = 200;

/** Stores a vote together with the others that arrive at the same time; `single` is its way alone. */
export function toBallotBox(deps: CoreDeps, vote: VoteRequest, single: Single): Promise<Stored> {
  return new Promise((resolve, reject) => submit(deps, { ...vote, resolve, reject }, single));
}

function submit(deps: CoreDeps, request: BallotRequest, single: Single): void {
  let polls = queues.get(deps.store);
  if (!polls) queues.set(deps.store, (polls = new Map()));
  let queue = polls.get(request.pollId);
  if (!queue) polls.set(request.pollId, (queue = { pending: [], running: false }));
  queue.pending.push(request);
  // The first vote waits one turn of the event loop, so that votes arriving together share the batch.
  if (!queue.running) {
    queue.running = true;
    setImmediate(() => void drain(deps, polls, request.pollId, queue, single));
  }
}

async function drain(deps: CoreDeps, polls: Map<string, PollQueue>, pollId: string, queue: PollQueue, single: Single): Promise<void> {
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0, BATCH_MAX);
    try {
      const results = await deps.store.transaction((repos) => storeBatch(deps, repos, pollId, batch));
      batch.forEach((request, i) => settle(request, results[i]!));
    } catch {
      // Not one vote's fault (a storage error): each vote gets its own transaction and its own answer.
      await Promise.all(batch.map((request) => single(request).then(request.resolve, request.reject)));
    }
  }
  queue.running = false;
  polls.delete(pollId);
}

type Outcome = { stored: Stored } | { error: unknown };

function settle(request: BallotRequest, outcome: Outcome): void {
  if ('stored' in outcome) request.resolve(outcome.stored);
  else request.reject(outcome.error);
}

interface Prepared {
  index: number;
  actor: Actor;
  who: { memberId: string } | { voterKey: string };
  choice: BallotRecord['choice'];
  reason: string | null;
  reasonAttribution: BallotRecord['reasonAttribution'];
  at: Date;
}

async function storeBatch(deps: CoreDeps, repos: Repositories, pollId: string, batch: BallotRequest[]): Promise<Outcome[]> {
  const now = deps.clock.now();
  const outcomes: Outcome[] = new Array(batch.length);
  const poll = await repos.polls.findById(pollId);
  // Everyone who votes has accepted the privacy text, staff included: a ballot is personal data too.
  const accepted = poll ? await acceptedParticipation(repos, poll.tenantId, [...new Set(batch.map((r) => r.actor.memberId))]) : new Set<string>();
  let prepared: Prepared[] = [];
  for (const [index, request] of batch.entries()) {
    try {
      prepared.push({ index, ...prepare(deps, poll, request, now, accepted) });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcomes[index] = { error };
    }
  }
  if (!poll) return outcomes;
  const claimed = await claimDeliveries(repos, batch, prepared);
  for (const p of prepared.filter((p) => !claimed.has(p.index))) outcomes[p.index] = { stored: { repeated: true } };
  prepared = prepared.filter((p) => claimed.has(p.index));
  if (prepared.length === 0) return outcomes;
  const keyOf = (who: Prepared['who']) => ('memberId' in who ? `m:${who.memberId}` : `k:${who.voterKey}`);
  const keyOfBallot = (b: BallotRecord) => (b.memberId !== null ? `m:${b.memberId}` : `k:${b.voterKey}`);
  // All of the poll's ballots, read once: the voters' earlier ballots come from it, and so (with this batch's
  // writes applied) do the results every voter's screen shows. A panel is tens of members, a poll as many ballots.
  const before = await repos.polls.listBallots(poll.id);
  const existing = new Map(before.map((b) => [keyOfBallot(b), b]));
  // Later votes of the same member in this batch replace earlier ones, as if they came one after the other.
  const latest = new Map<string, Prepared>();
  for (const p of prepared) latest.set(keyOf(p.who), p);
  const created: Parameters<Repositories['polls']['createBallots']>[0] = [];
  const audits: AuditInput[] = [];
  const marks: { memberId: string; at: Date }[] = [];
  const updated: Parameters<Repositories['polls']['updateBallots']>[0] = [];
  const final = new Map<string, BallotRecord>();
  for (const [key, p] of latest) {
    const before = existing.get(key);
    if (before) {
      // A changed answer keeps the ballot (its id and first time); an anonymous one keeps only the day, too.
      const change = { id: before.id, choice: p.choice, reason: p.reason, reasonAttribution: p.reasonAttribution ?? null, at: p.at };
      updated.push(change);
      final.set(key, { ...before, choice: change.choice, reason: change.reason, reasonAttribution: change.reasonAttribution, updatedAt: change.at });
    } else {
      const row = {
        id: randomUUID(),
        pollId: poll.id,
        memberId: 'memberId' in p.who ? p.who.memberId : null,
        voterKey: 'voterKey' in p.who ? p.who.voterKey : null,
        choice: p.choice,
        reason: p.reason,
        reasonAttribution: p.reasonAttribution,
        at: p.at,
      };
      created.push(row);
      marks.push({ memberId: p.actor.memberId, at: p.at });
      final.set(key, { id: row.id, pollId: row.pollId, memberId: row.memberId, voterKey: row.voterKey, choice: row.choice, reason: row.reason, reasonAttribution: row.reasonAttribution, updatedAt: row.at });
    }
  }
  // One audit entry per press, as a vote alone would leave: the first press of a new voter casts, the rest change.
  const seen = new Set(existing.keys());
  for (const p of prepared) {
    const key = keyOf(p.who);
    audits.push({
      tenantId: p.actor.tenantId,
      // The audit trail of an anonymous poll names no voter.
      actorId: poll.anonymity === 'anonymous' ? null : p.actor.memberId,
      action: seen.has(key) ? 'ballot.changed' : 'ballot.cast',
      objectType: 'poll',
      objectId: poll.id,
      details: {},
    });
    seen.add(key);
  }
  await repos.polls.createBallots(created);
  await repos.polls.updateBallots(updated);
  await repos.polls.markParticipations(poll.id, marks);
  await repos.audit.appendMany(audits);
  // Every screen shows every ballot of the batch: the ballots read above, with this batch's writes applied.
  // In the order the database lists them (oldest first; rows created at the same moment by id).
  const fresh = [...final.values()].filter((b) => !existing.has(keyOfBallot(b))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = [...before.map((b) => final.get(keyOfBallot(b)) ?? b), ...fresh];
  const reads = sharedReads(repos, { [poll.id]: after });
  for (const p of prepared) {
    const ballot = final.get(keyOf(p.who))!;
    const screen = batch[p.index]!.withScreen ? await screenOf(deps, repos, p.actor, poll, ballot, reads) : null;
    outcomes[p.index] = { stored: { repeated: false, ballot, screen } };
  }
  return outcomes;
}

/**
 * Claims the delivery keys of the votes about to be stored, in one statement; returns the indexes of the
 * votes whose key is new (or that have none). A key seen twice in one batch counts once: the first press.
 */
async function claimDeliveries(repos: Repositories, batch: BallotRequest[], prepared: Prepared[]): Promise<Set<number>> {
  const first = new Map<string, number>();
  const free = new Set<number>();
  for (const p of prepared) {
    const key = batch[p.index]!.deliveryKey;
    if (!key) free.add(p.index);
    else if (!first.has(key)) first.set(key, p.index);
  }
  if (first.size === 0) return free;
  const fresh = await repos.deliveries.claimMany([...first.keys()]);
  for (const [key, index] of first) if (fresh.has(key)) free.add(index);
  return free;
}

/** One vote's own checks, in memory: the same order and answers as `castBallotIn`. */
function prepare(deps: CoreDeps, poll: PollRecord | null, request: BallotRequest, now: Date, accepted: Set<string>) {
  const { actor, input } = request;
  const checked = sameTenant(actor, poll);
  if (!accepted.has(actor.memberId)) throw new DomainError('participation_consent_required');
  if (!isPollOpen(checked, now)) throw new DomainError('poll_closed');
  if (!inPollAudience(actor.role, checked.audience)) throw new DomainError('forbidden');
  const { choice, reason, reasonAttribution } = checkBallotInput(checked, { ...input, reason: request.rawReason }, actor.language);
  const anonymous = checked.anonymity === 'anonymous';
  const who: Prepared['who'] = anonymous ? { voterKey: voterKey(deps.secret, checked.id, actor.memberId) } : { memberId: actor.memberId };
  // Anonymous ballots and their participation mark keep only the day: equal times would pair them up.
  return { actor, who, choice, reason, reasonAttribution, at: anonymous ? anonymousTime(now) : now };
}
