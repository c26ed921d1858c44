import type { CoreDeps } from '../context.js';
import type {
  Actor,
  BallotRecord,
  ContributionRecord,
  IdeaRoundRecord,
  MeetingRecord,
  NotificationRecord,
  PollRecord,
} from '../types.js';
import { myInputOutcomes, type InputOutcome } from './backlog.js';
import { myConsentRequests, type ConsentReview } from './consent.js';
import { myBallot } from './polls.js';
import { myContributions } from './rounds.js';
import { participationOf, type ParticipationStatus } from './participation-state.js';

export interface MemberHome {
  actor: Actor;
  openPolls: { poll: PollRecord; myBallot: BallotRecord | null }[];
  openRounds: IdeaRoundRecord[];
  nextMeeting: MeetingRecord | null;
  myContributions: ContributionRecord[];
  consentRequests: ConsentReview[];
  outcomes: InputOutcome[];
  notifications: NotificationRecord[];
  /**
   * Whether the member accepted the current privacy notice (experts must, before they contribute or vote).
   * Always set by `memberHome`; optional so that hand-built homes in channel tests stay valid.
   */
  participation?: ParticipationStatus;
  /** An "I need support" signal of theirs that a facilitator has not handled yet (always set by `memberHome`). */
  supportRequested?: boolean;
}

/** Everything a member's home shows, the same for every channel. */
export async function memberHome(deps: CoreDeps, actor: Actor): Promise<MemberHome> {
  const base = await deps.store.transaction(async (repos) => ({
    polls: await repos.polls.listByPanel(actor.panelId, 'open'),
    rounds: await repos.rounds.listByPanel(actor.panelId, 'open'),
    meetings: await repos.meetings.listByPanel(actor.panelId),
    notifications: await repos.notifications.listForMember(actor.memberId, { unreadOnly: true, limit: 20 }),
    participation: await participationOf(repos, actor),
    supportRequested: (await repos.support.listByMember(actor.memberId)).some((r) => r.handledAt === null),
  }));
  const now = deps.clock.now().getTime();
  const openPolls = [];
  for (const poll of base.polls) openPolls.push({ poll, myBallot: await myBallot(deps, actor, poll.id) });
  const nextMeeting =
    base.meetings
      .filter((m) => m.status === 'planned' && m.scheduledAt.getTime() >= now - 12 * 3600_000)
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0] ?? null;
  return {
    actor,
    openPolls,
    openRounds: base.rounds,
    nextMeeting,
    myContributions: await myContributions(deps, actor),
    consentRequests: await myConsentRequests(deps, actor),
    outcomes: (await myInputOutcomes(deps, actor)).filter((o) => o.items.length > 0),
    notifications: base.notifications,
    participation: base.participation,
    supportRequested: base.supportRequested,
  };
}

export async function markNotificationsRead(deps: CoreDeps, actor: Actor, ids: string[]): Promise<void> {
  await deps.store.transaction((repos) => repos.notifications.markRead(actor.memberId, ids, deps.clock.now()));
}
