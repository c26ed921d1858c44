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
import { myBallotIn } from './polls.js';
import { inTransaction } from './in-transaction.js';
import { isPollOpen, isRoundOpen } from '../lifecycle.js';
import { myContributions } from './rounds.js';
import { subjectExists } from './notification-subjects.js';
import type { Repositories } from '../ports.js';
import { participationOf, type ParticipationStatus } from './participation-state.js';
import { summariesQuoting, type MemberThread } from './thread.js';
import { readerTexts, statementTranslations, type ReaderTexts, type StatementTranslation } from './translations.js';

/** What a home shows in the reader's language: fields by `get`, statements of summaries by id. */
export interface HomeTexts extends ReaderTexts {
  /** Statements of `MemberHome.summaries` written in another language, translated (a statement without one is absent). */
  statements: ReadonlyMap<string, StatementTranslation>;
}

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
  /** Published summaries that quote the member, as in their thread (always set by `memberHome`). */
  summaries?: MemberThread['summaries'];
  /**
   * The texts this home shows, in the member's language where a translation exists: poll questions and
   * options, the title and the board's answer of plan items linked to their input, and statements of
   * `summaries`. Read here, once, so that every channel draws the same texts with the same marks. Members
   * get only what a person wrote or confirmed; staff also get a model's drafts, marked as drafts.
   * Always set by `memberHome`; without it a channel shows the originals.
   */
  texts?: HomeTexts;
}

/** Everything a member's home shows, the same for every channel: read in one transaction. */
export async function memberHome(deps: CoreDeps, actor: Actor): Promise<MemberHome> {
  return deps.store.transaction(async (repos) => {
    const inside = inTransaction(deps, repos);
    const now = deps.clock.now();
    // A poll past its deadline waits for the job to close it, but is no longer offered to answer.
    const polls = (await repos.polls.listByPanel(actor.panelId, 'open')).filter((poll) => isPollOpen(poll, now));
    const openPolls = [];
    for (const poll of polls) openPolls.push({ poll, myBallot: await myBallotIn(deps, repos, actor, poll) });
    const rounds = (await repos.rounds.listByPanel(actor.panelId, 'open')).filter((round) => isRoundOpen(round, now));
    const nextMeeting =
      (await repos.meetings.listByPanel(actor.panelId))
        .filter((m) => m.status === 'planned' && m.scheduledAt.getTime() >= now.getTime() - 12 * 3600_000)
        .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0] ?? null;
    const mine = await myContributions(inside, actor);
    const outcomes = (await myInputOutcomes(inside, actor)).filter((o) => o.items.length > 0);
    const summaries = await summariesQuoting(repos, actor, new Set(mine.map((c) => c.id)));
    const fields = await readerTexts(inside, actor, {
      poll: openPolls.map((p) => p.poll.id),
      poll_option: openPolls.flatMap((p) => p.poll.options.map((o) => o.id)),
      backlog_item: outcomes.flatMap((o) => o.items.map((i) => i.id)),
    });
    const foreign = summaries.filter((s) => s.version.language !== actor.language).flatMap((s) => s.version.statements.map((st) => st.id));
    const texts: HomeTexts = { get: fields.get, statements: await statementTranslations(inside, actor, foreign) };
    return {
      actor,
      openPolls,
      openRounds: rounds,
      nextMeeting,
      myContributions: mine,
      consentRequests: await myConsentRequests(inside, actor),
      outcomes,
      notifications: await withSubject(repos, await repos.notifications.listForMember(actor.memberId, { unreadOnly: true, limit: 20 })),
      participation: await participationOf(repos, actor),
      supportRequested: (await repos.support.listByMember(actor.memberId)).some((r) => r.handledAt === null),
      summaries,
      texts,
    };
  });
}

/** A home's texts for drawing it: those `memberHome` read, or the originals for a home built without them. */
export function homeTexts(home: MemberHome): HomeTexts {
  return home.texts ?? { get: (_type, _id, _field, original) => ({ text: original, lang: home.actor.language, kind: 'original' }), statements: new Map() };
}

/** Unread notifications whose subject still exists: news about a poll that is gone leads nowhere. */
async function withSubject(repos: Repositories, notifications: NotificationRecord[]): Promise<NotificationRecord[]> {
  const kept: NotificationRecord[] = [];
  for (const n of notifications) if (await subjectExists(repos, n)) kept.push(n);
  return kept;
}

export async function markNotificationsRead(deps: CoreDeps, actor: Actor, ids: string[]): Promise<void> {
  await deps.store.transaction((repos) => repos.notifications.markRead(actor.memberId, ids, deps.clock.now()));
}
