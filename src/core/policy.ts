import { DomainError } from './errors.js';
import { isPollOpen, isRoundOpen } from './lifecycle.js';
import { inPollAudience, type Actor, type IdeaRoundRecord, type MemberRecord, type PollRecord, type Role, type SummaryVersionRecord } from './types.js';

/**
 * Who may do what, written once. Use cases enforce it (`enforce`) and channels ask it (`can`) to show or
 * hide a button, a form or a tools menu, so a channel never re-codes a role check that could drift.
 *
 * A rule has a role part and, for some actions, a part about the object (a closed poll cannot be voted in,
 * an admin's role is changed only by an admin). Use cases check an object's state with its own error code
 * first (`poll_closed`, `round_closed`), so `enforce` mostly meets the role part; `can` with the object
 * answers both, which is what a channel needs to decide what to offer.
 */
const EVERYONE: readonly Role[] = ['expert', 'facilitator', 'board', 'admin'];
const STAFF: readonly Role[] = ['facilitator', 'admin'];
const BOARD: readonly Role[] = ['board', 'admin'];
const CONTRIBUTORS: readonly Role[] = ['expert', 'facilitator'];
const READERS: readonly Role[] = ['facilitator', 'board', 'admin'];

/** The object each action may be asked about; `undefined` asks about the role alone. */
export interface PolicyObjects {
  'poll.create': undefined;
  'poll.vote': PollRecord;
  'poll.close': PollRecord;
  /** Seeing who chose what in a poll (the results' voter list). */
  'poll.voters': PollRecord;
  'question.create': undefined;
  'question.close': IdeaRoundRecord;
  'question.contribute': IdeaRoundRecord;
  'contribution.list': undefined;
  'reminder.send': undefined;
  'meeting.plan': undefined;
  'meeting.record': undefined;
  'member.add': undefined;
  'member.link': undefined;
  /** Changing a member's role; the object is the member and, when known, the role asked for. */
  'member.role': { member?: Pick<MemberRecord, 'id' | 'role'>; role?: Role };
  'member.export': undefined;
  'member.erase': Pick<MemberRecord, 'id'>;
  'domain.manage': undefined;
  'summary.draft': undefined;
  'summary.edit': undefined;
  'summary.publish': undefined;
  'summary.list': undefined;
  'summary.read': Pick<SummaryVersionRecord, 'status'>;
  /** Who answered what on a version's consent requests. */
  'summary.consent': undefined;
  'backlog.create': undefined;
  'backlog.update': undefined;
  'backlog.respond': undefined;
  'backlog.list': undefined;
  /** The board pages (read). */
  'board.read': undefined;
  /** The facilitator's tools (panel page, Teams tools card, Slack Home controls). */
  'panel.manage': undefined;
  'support.request': undefined;
  'support.list': undefined;
  'support.handle': undefined;
  'outbound.list': undefined;
  'consent.history': undefined;
  /** Seeing translations a language model drafted before a person confirmed them. */
  'translation.drafts': undefined;
}

export type PolicyAction = keyof PolicyObjects;

interface Rule<O> {
  roles: readonly Role[];
  /** The object part; `at` is "now" for rules about time (a poll past its deadline is not open). */
  object?: (actor: Actor, object: O, at: Date | undefined) => boolean;
}

type Rules = { [A in PolicyAction]: Rule<Exclude<PolicyObjects[A], undefined>> };

const RULES: Rules = {
  'poll.create': { roles: STAFF },
  // Open (status and deadline) and asked of the actor's role (a poll for experts, or for everyone).
  'poll.vote': { roles: EVERYONE, object: (actor, poll, at) => isPollOpen(poll, at) && inPollAudience(actor.role, poll.audience) },
  'poll.close': { roles: STAFF, object: (_a, poll) => poll.status === 'open' },
  'poll.voters': {
    roles: EVERYONE,
    // Named polls show voters to all; confidential ones to staff only; anonymous ones to nobody.
    object: (actor, poll) => poll.anonymity === 'named' || (poll.anonymity === 'confidential' && STAFF.includes(actor.role)),
  },
  'question.create': { roles: STAFF },
  'question.close': { roles: STAFF, object: (_a, round) => round.status === 'open' },
  'question.contribute': { roles: CONTRIBUTORS, object: (_a, round, at) => isRoundOpen(round, at) },
  'contribution.list': { roles: STAFF },
  'reminder.send': { roles: STAFF },
  'meeting.plan': { roles: STAFF },
  'meeting.record': { roles: STAFF },
  'member.add': { roles: STAFF },
  'member.link': { roles: STAFF },
  'member.role': {
    roles: STAFF,
    // Only an admin makes or unmakes an admin; nobody changes their own role.
    object: (actor, { member, role }) =>
      (role !== 'admin' || actor.role === 'admin') &&
      (!member || (member.id !== actor.memberId && (member.role !== 'admin' || actor.role === 'admin'))),
  },
  'member.export': { roles: ['admin'] },
  // A member erases themself; an admin may erase anyone.
  'member.erase': { roles: EVERYONE, object: (actor, member) => actor.memberId === member.id || actor.role === 'admin' },
  'domain.manage': { roles: STAFF },
  'summary.draft': { roles: STAFF },
  'summary.edit': { roles: STAFF },
  'summary.publish': { roles: STAFF },
  'summary.list': { roles: READERS },
  // The board reads only what was handed to it; staff read every version.
  'summary.read': { roles: READERS, object: (actor, version) => actor.role !== 'board' || version.status === 'published' },
  'summary.consent': { roles: STAFF },
  'backlog.create': { roles: BOARD },
  'backlog.update': { roles: BOARD },
  'backlog.respond': { roles: BOARD },
  'backlog.list': { roles: READERS },
  'board.read': { roles: READERS },
  'panel.manage': { roles: STAFF },
  'support.request': { roles: ['expert'] },
  'support.list': { roles: STAFF },
  'support.handle': { roles: STAFF },
  'outbound.list': { roles: STAFF },
  'consent.history': { roles: EVERYONE },
  'translation.drafts': { roles: STAFF },
};

/** Whether `actor` may do `action` (to `object`, at time `at` when the rule depends on time). */
export function can<A extends PolicyAction>(actor: Actor, action: A, object?: PolicyObjects[A], at?: Date): boolean {
  const rule = RULES[action] as Rule<unknown>;
  if (!rule.roles.includes(actor.role)) return false;
  return object === undefined || !rule.object || rule.object(actor, object, at);
}

/** `can`, or a `forbidden` DomainError: what every use case calls before it touches storage. */
export function enforce<A extends PolicyAction>(actor: Actor, action: A, object?: PolicyObjects[A], at?: Date): void {
  if (!can(actor, action, object, at)) throw new DomainError('forbidden');
}

/** The actions an actor may take, for channels that build a menu from the policy. */
export function allowedActions(actor: Actor): PolicyAction[] {
  return (Object.keys(RULES) as PolicyAction[]).filter((action) => can(actor, action));
}
