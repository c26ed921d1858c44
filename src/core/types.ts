import { z } from 'zod';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

export const ROLES = ['expert', 'facilitator', 'board', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['web', 'slack', 'teams'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const POLL_KINDS = ['single', 'multiple', 'scale', 'consent'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const ANONYMITY = ['named', 'confidential', 'anonymous'] as const;
export type Anonymity = (typeof ANONYMITY)[number];

export const RESULTS_VISIBILITY = ['live', 'after_close'] as const;

/** Who a poll asks: the experts unless the facilitator chooses everyone on the panel. */
export const POLL_AUDIENCES = ['experts', 'everyone'] as const;
export type PollAudience = (typeof POLL_AUDIENCES)[number];

/** Whether a member of this role is in a poll's audience (may vote, and counts in its turnout). */
export function inPollAudience(role: Role, audience: PollAudience): boolean {
  return audience === 'everyone' || role === 'expert';
}
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

export const CONSENT_VOTES = ['agree', 'live_with', 'object'] as const;
export type ConsentVote = (typeof CONSENT_VOTES)[number];

export const ATTRIBUTIONS = ['named', 'anonymous', 'no_quote'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** Whether a ballot's reason (an objection's why) may be shown with its author's name: their choice, per ballot. */
export const REASON_ATTRIBUTIONS = ['named', 'anonymous'] as const;
export type ReasonAttribution = (typeof REASON_ATTRIBUTIONS)[number];

export const BACKLOG_LEVELS = ['pillar', 'strategic_goal', 'operational_goal', 'action'] as const;
export type BacklogLevel = (typeof BACKLOG_LEVELS)[number];

export const BACKLOG_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export const CONSENT_DECISIONS = ['approve', 'approve_anonymous', 'request_change', 'withdraw'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export type ConsentRequestStatus =
  | 'pending'
  | 'approved'
  | 'approved_anonymous'
  | 'change_requested'
  | 'withdrawn'
  | 'expired';

export type SummaryVersionStatus = 'awaiting_consent' | 'published' | 'superseded' | 'failed';

/** Text limits, documented in the README. Counted in Unicode code points after trimming. */
export const LIMITS = {
  shortText: 200,
  question: 500,
  contributionField: 2000,
  reason: 1000,
  longText: 5000,
  pollOptionsMin: 2,
  pollOptionsMax: 10,
  domainTagsMax: 7,
} as const;

/** Privacy settings from the configuration (days); defaults apply when a caller gives none. */
export interface PrivacyPolicy {
  /** Contributions older than this lose the link to their author (retention job). */
  retentionDays: number;
  /** A cited member who has not answered a consent request after this many days is left out of that version. */
  consentDeadlineDays: number;
}

export const DEFAULT_PRIVACY_POLICY: PrivacyPolicy = { retentionDays: 730, consentDeadlineDays: 7 };

/** Who is asking: resolved by a channel from its own identity, then passed to every use case. */
export interface Actor {
  memberId: string;
  tenantId: string;
  panelId: string;
  role: Role;
  language: Language;
  displayName: string;
  channel: ChannelName;
}

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
}

export interface PanelRecord {
  id: string;
  tenantId: string;
  name: string;
  defaultLanguage: Language;
}

export interface DomainRecord {
  id: string;
  panelId: string;
  key: string;
  labels: Record<Language, string>;
  archived: boolean;
  position: number;
}

export interface MemberRecord {
  id: string;
  tenantId: string;
  panelId: string;
  displayName: string;
  role: Role;
  language: Language;
  pseudonym: string;
  active: boolean;
  erasedAt: Date | null;
  domainIds: string[];
}

export interface IdentityRecord {
  id: string;
  tenantId: string;
  memberId: string;
  channel: ChannelName;
  externalId: string;
  address: string | null;
}

export interface MeetingRecord {
  id: string;
  tenantId: string;
  panelId: string;
  title: string;
  scheduledAt: Date;
  agenda: string;
  decisions: string;
  status: 'planned' | 'held' | 'cancelled';
  createdById: string;
  /** The live session: the agenda line (0-based) and the poll the projector shows. */
  currentStep: number;
  currentPollId: string | null;
}

export interface PollOptionRecord {
  id: string;
  position: number;
  label: string;
}

export interface PollRecord {
  id: string;
  tenantId: string;
  panelId: string;
  meetingId: string | null;
  question: string;
  kind: PollKind;
  anonymity: Anonymity;
  resultsVisibility: ResultsVisibility;
  audience: PollAudience;
  maxChoices: number | null;
  deadline: Date | null;
  status: 'open' | 'closed';
  createdById: string;
  createdAt: Date;
  closedAt: Date | null;
  options: PollOptionRecord[];
}

export type BallotChoice =
  | { kind: 'options'; optionIds: string[] }
  | { kind: 'scale'; value: number }
  | { kind: 'consent'; vote: ConsentVote };

export interface BallotRecord {
  id: string;
  pollId: string;
  memberId: string | null;
  voterKey: string | null;
  choice: BallotChoice;
  reason: string | null;
  /** Null when there is no reason. */
  reasonAttribution: ReasonAttribution | null;
  updatedAt: Date;
}

export interface IdeaRoundRecord {
  id: string;
  tenantId: string;
  panelId: string;
  meetingId: string | null;
  question: string;
  description: string;
  status: 'open' | 'closed';
  closesAt: Date | null;
  createdById: string;
  createdAt: Date;
}

export interface ContributionFields {
  whatHappens: string;
  whatIsNeeded: string;
  idea: string;
}

export interface ContributionRecord extends ContributionFields {
  id: string;
  tenantId: string;
  panelId: string;
  roundId: string | null;
  authorId: string | null;
  language: Language;
  attribution: Attribution;
  status: 'live' | 'withdrawn';
  channel: ChannelName;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  domainIds: string[];
}


export interface BacklogLinkRecord {
  id: string;
  itemId: string;
  contributionId: string | null;
  pollId: string | null;
  statementId: string | null;
  quote: string | null;
  /** The translation shown with the quote, when the summary carried one. */
  translation: string | null;
}

export interface BacklogItemRecord {
  id: string;
  tenantId: string;
  panelId: string;
  level: BacklogLevel;
  parentId: string | null;
  title: string;
  description: string;
  status: BacklogStatus;
  owner: string;
  dueDate: Date | null;
  progress: number;
  boardResponse: string;
  respondedAt: Date | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
  links: BacklogLinkRecord[];
}

/** One change of an item's status or progress (its timeline). */
export interface BacklogChangeRecord {
  id: string;
  tenantId: string;
  panelId: string;
  itemId: string;
  actorId: string | null;
  status: BacklogStatus;
  progress: number;
  previousStatus: BacklogStatus | null;
  previousProgress: number | null;
  createdAt: Date;
}

export const TRANSLATABLE = {
  poll: ['question'],
  poll_option: ['label'],
  round: ['question', 'description'],
  backlog_item: ['title', 'boardResponse'],
  /** A statement of a summary version (for the board's brief); its theme is shared by the statements under it. */
  statement: ['theme', 'text'],
} as const;
export type TranslatableType = keyof typeof TRANSLATABLE;

export interface ContentTranslationRecord {
  id: string;
  tenantId: string;
  objectType: TranslatableType;
  objectId: string;
  field: string;
  language: Language;
  text: string;
  source: 'person' | 'llm';
  confirmedAt: Date | null;
  createdById: string | null;
  updatedAt: Date;
}

export type NotificationKind =
  | 'consent_requested'
  | 'summary_published'
  | 'summary_changed'
  | 'input_outcome'
  /** An action-plan item linked to the member's input changed status; the payload holds the new status. */
  | 'item_status_changed'
  | 'poll_opened'
  | 'round_opened'
  | 'change_requested'
  | 'reminder'
  | 'support_requested';

export interface NotificationRecord {
  id: string;
  tenantId: string;
  memberId: string;
  kind: NotificationKind;
  /** Ids and codes only: never free text. */
  payload: Record<string, string | number | null>;
  createdAt: Date;
  readAt: Date | null;
  deliveredAt: Date | null;
}

export interface AuditInput {
  tenantId: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** Ids and codes only: never free text. */
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEventRecord extends Required<AuditInput> {
  id: string;
  createdAt: Date;
}

export * from './types-summaries.js';
