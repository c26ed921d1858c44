import { audit, sameTenant, voterKey, type CoreDeps } from '../context.js';
import { checkBallotInput, checkPollInput, type CreatePollInput } from '../form-checks.js';
import { isPollOpen } from '../lifecycle.js';
import { requireOpenPoll, requirePoll } from '../lookups.js';
import type { BallotFields } from '../poll-kinds.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import {
  inPollAudience,
  LIMITS,
  type Actor,
  type BallotRecord,
  type PollRecord,
} from '../types.js';
import { optionalText } from '../validation.js';
import { anonymousTime } from '../privacy/policy.js';
import { requireParticipation } from './participation-state.js';
import { closePollIn } from './close-due.js';
import { toBallotBox, type Single } from './ballot-box.js';

export type { CreatePollInput } from '../form-checks.js';

export async function createPoll(deps: CoreDeps, actor: Actor, input: CreatePollInput): Promise<PollRecord> {
  enforce(actor, 'poll.create');
  const { question, kind, anonymity, resultsVisibility, audience, maxChoices, deadline, options } = checkPollInput(input, deps.clock.now());
  return deps.store.transaction(async (repos) => {
    const meetingId = await checkedMeetingId(repos, actor, input.meetingId);
    const poll = await repos.polls.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      meetingId,
      question,
      kind,
      anonymity,
      resultsVisibility,
      audience,
      maxChoices,
      deadline,
      createdById: actor.memberId,
      options,
    });
    await audit(repos, actor, 'poll.created', 'poll', poll.id, { kind, anonymity });
    const members = await repos.members.listByPanel(actor.panelId);
    for (const member of members) {
      if (member.active && member.id !== actor.memberId) {
        await repos.notifications.create({
          tenantId: actor.tenantId,
          memberId: member.id,
          kind: 'poll_opened',
          payload: { pollId: poll.id },
        });
      }
    }
    return poll;
  });
}

async function checkedMeetingId(repos: Repositories, actor: Actor, value: unknown): Promise<string | null> {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new DomainError('invalid_input', { field: 'meetingId' });
  sameTenant(actor, await repos.meetings.findById(value));
  return value;
}

export interface BallotInput extends BallotFields {
  reason?: unknown;
  /** With a reason: may it be shown with the author's name ("named") or not ("anonymous")? Never assumed. */
  reasonAttribution?: unknown;
  /** "Let the bot redact" what the guard finds in the reason. */
  redact?: unknown;
}

/** One ballot per member per poll, changeable until close, never counted twice. */
export async function castBallot(deps: CoreDeps, actor: Actor, pollId: string, input: BallotInput): Promise<BallotRecord> {
  enforce(actor, 'poll.vote');
  const rawReason = optionalText(input.reason, 'reason', LIMITS.reason);
  const alone: Single = async (r) => ({
    repeated: false,
    ballot: await deps.store.transaction(async (repos) => (await castBallotIn(deps, repos, r.actor, r.pollId, r.input, r.rawReason)).ballot),
    screen: null,
  });
  const request = { actor, pollId, input, rawReason };
  // Votes on one poll that arrive together are committed together (ballot-box.ts).
  const stored = deps.batchBallots === false ? await alone(request) : await toBallotBox(deps, request, alone);
  // Without a delivery key a vote is never a repeat.
  if (stored.repeated) throw new Error('a vote without a delivery key was taken for a repeat');
  return stored.ballot;
}

/** `castBallot` inside the caller's transaction; returns the poll as read, so the caller need not read it again. */
export async function castBallotIn(
  deps: CoreDeps,
  repos: Repositories,
  actor: Actor,
  pollId: string,
  input: BallotInput,
  rawReason: string,
): Promise<{ poll: PollRecord; ballot: BallotRecord }> {
  enforce(actor, 'poll.vote');
  // Everyone who votes has accepted the privacy text, staff included: a ballot is personal data too.
  await requireParticipation(repos, actor, { everyone: true });
  const poll = await requireOpenPoll(repos, actor, pollId, deps.clock.now());
  if (!inPollAudience(actor.role, poll.audience)) throw new DomainError('forbidden');
  // The form's own rules (answer, reason, name), the same ones a channel checks before its answer.
  const { choice, reason, reasonAttribution } = checkBallotInput(poll, { ...input, reason: rawReason }, actor.language);
  const who: { voterKey: string } | { memberId: string } =
    poll.anonymity === 'anonymous'
      ? { voterKey: voterKey(deps.secret, poll.id, actor.memberId) }
      : { memberId: actor.memberId };
  // Anonymous ballots and their participation mark keep only the day: equal times would pair them up.
  const at = poll.anonymity === 'anonymous' ? { at: anonymousTime(deps.clock.now()) } : {};
  const existing = await repos.polls.findBallot(poll.id, who);
  const ballot = existing
    ? await repos.polls.updateBallot(existing.id, { choice, reason, reasonAttribution, ...at })
    : await repos.polls.createBallot({
        pollId: poll.id,
        memberId: 'memberId' in who ? who.memberId : null,
        voterKey: 'voterKey' in who ? who.voterKey : null,
        choice,
        reason,
        reasonAttribution,
        ...at,
      });
  // A changed ballot was marked when first cast: one statement less on the hot path.
  if (!existing) await repos.polls.markParticipation(poll.id, actor.memberId, at.at);
  // The audit trail of an anonymous poll names no voter.
  await audit(repos, poll.anonymity === 'anonymous' ? null : actor, existing ? 'ballot.changed' : 'ballot.cast', 'poll', poll.id, {}, actor.tenantId);
  return { poll, ballot };
}

export async function myBallot(deps: CoreDeps, actor: Actor, pollId: string): Promise<BallotRecord | null> {
  return deps.store.transaction(async (repos) => myBallotIn(deps, repos, actor, await requirePoll(repos, actor, pollId)));
}

/** The actor's own ballot (an anonymous one through its voter key, which is gone once the poll closed). */
export async function myBallotIn(deps: CoreDeps, repos: Repositories, actor: Actor, poll: PollRecord): Promise<BallotRecord | null> {
  if (poll.anonymity === 'anonymous') {
    if (poll.status === 'closed') return null;
    return repos.polls.findBallot(poll.id, { voterKey: voterKey(deps.secret, poll.id, actor.memberId) });
  }
  return repos.polls.findBallot(poll.id, { memberId: actor.memberId });
}

export async function closePoll(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollRecord> {
  enforce(actor, 'poll.close');
  return deps.store.transaction(async (repos) => {
    const poll = await requirePoll(repos, actor, pollId);
    if (poll.status === 'closed') throw new DomainError('poll_closed');
    const closed = await repos.polls.close(poll.id, deps.clock.now());
    if (poll.anonymity === 'anonymous') await repos.polls.clearVoterKeys(poll.id, anonymousTime(deps.clock.now()));
    await audit(repos, actor, 'poll.closed', 'poll', poll.id);
    return closed;
  });
}

/** The panel's polls. `'open'` lists those that take answers now: status and deadline (`isPollOpen`). */
export async function listPolls(deps: CoreDeps, actor: Actor, status?: 'open' | 'closed'): Promise<PollRecord[]> {
  const now = deps.clock.now();
  const polls = await deps.store.transaction((repos) => repos.polls.listByPanel(actor.panelId));
  return status === undefined ? polls : polls.filter((p) => isPollOpen(p, now) === (status === 'open'));
}

export async function getPoll(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollRecord> {
  return deps.store.transaction((repos) => requirePoll(repos, actor, pollId));
}

export { pollResults } from './poll-results.js';
