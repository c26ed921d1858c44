import type {
  AuditEventRecord,
  AuditInput,
  BallotChoice,
  BallotRecord,
  ChannelName,
  ConsentRecordInput,
  ConsentRecordRow,
  ConsentRequestRecord,
  ConsentRequestStatus,
  ContributionFields,
  ContributionRecord,
  DomainRecord,
  IdeaRoundRecord,
  IdentityRecord,
  Language,
  MeetingRecord,
  MemberRecord,
  NotificationKind,
  NotificationRecord,
  PanelRecord,
  PollRecord,
  ReasonAttribution,
  Role,
  SummaryRecord,
  SummaryVersionRecord,
  SummaryVersionStatus,
  TenantRecord,
  Attribution,
  PollAudience,
  PollKind,
  Anonymity,
  ResultsVisibility,
} from './types.js';

/**
 * Storage ports. The core states what it needs; src/store implements it with Prisma.
 * Every method runs inside the transaction that `Store.transaction` opened.
 */
export interface TenantRepository {
  create(input: { slug: string; name: string }): Promise<TenantRecord>;
  /** Makes other transactions that lock the same zone wait until this one ends (PostgreSQL row lock). */
  lock(id: string): Promise<void>;
  findById(id: string): Promise<TenantRecord | null>;
  findBySlug(slug: string): Promise<TenantRecord | null>;
  list(): Promise<TenantRecord[]>;
}

export interface PanelRepository {
  create(input: { tenantId: string; name: string; defaultLanguage: Language }): Promise<PanelRecord>;
  findById(id: string): Promise<PanelRecord | null>;
  listByTenant(tenantId: string): Promise<PanelRecord[]>;
  createDomain(input: {
    tenantId: string;
    panelId: string;
    key: string;
    labels: Record<Language, string>;
    position: number;
  }): Promise<DomainRecord>;
  updateDomain(id: string, patch: { labels?: Record<Language, string>; archived?: boolean }): Promise<DomainRecord>;
  listDomains(panelId: string): Promise<DomainRecord[]>;
}

export interface NewMember {
  tenantId: string;
  panelId: string;
  displayName: string;
  role: Role;
  language: Language;
  pseudonym: string;
  domainIds: string[];
}

/** A panel member as poll results need them. */
export type RosterEntry = Pick<MemberRecord, 'id' | 'role' | 'active' | 'displayName'>;

export interface MemberRepository {
  create(input: NewMember): Promise<MemberRecord>;
  findById(id: string): Promise<MemberRecord | null>;
  /** The pseudonyms of these members (those that exist). */
  pseudonymsOf(ids: string[]): Promise<Map<string, string>>;
  listByPanel(panelId: string): Promise<MemberRecord[]>;
  /** Who is on the panel, without their domains: what poll results count and name (one statement). */
  rosterOf(panelId: string): Promise<RosterEntry[]>;
  countByTenant(tenantId: string): Promise<number>;
  update(
    id: string,
    patch: { displayName?: string; language?: Language; role?: Role; active?: boolean; domainIds?: string[] },
  ): Promise<MemberRecord>;
  addIdentity(input: {
    tenantId: string;
    memberId: string;
    channel: ChannelName;
    externalId: string;
    address?: string | null;
  }): Promise<IdentityRecord>;
  findIdentity(tenantId: string, channel: ChannelName, externalId: string): Promise<IdentityRecord | null>;
  /** The members behind many identities of one zone and channel, by external id, in one read. */
  findMembersByIdentities(tenantId: string, channel: ChannelName, externalIds: string[]): Promise<Map<string, MemberRecord>>;
  /** Many identities of one zone and channel, by external id, in one read. */
  findIdentities(tenantId: string, channel: ChannelName, externalIds: string[]): Promise<Map<string, IdentityRecord>>;
  listIdentities(memberId: string): Promise<IdentityRecord[]>;
  listIdentitiesOnChannel(channel: ChannelName): Promise<IdentityRecord[]>;
  setIdentityAddress(id: string, address: string | null): Promise<void>;
}

export interface MeetingRepository {
  create(input: Omit<MeetingRecord, 'id' | 'status' | 'decisions' | 'currentStep' | 'currentPollId'>): Promise<MeetingRecord>;
  findById(id: string): Promise<MeetingRecord | null>;
  update(
    id: string,
    patch: Partial<Pick<MeetingRecord, 'title' | 'scheduledAt' | 'agenda' | 'decisions' | 'status' | 'currentStep' | 'currentPollId'>>,
  ): Promise<MeetingRecord>;
  listByPanel(panelId: string): Promise<MeetingRecord[]>;
  /** Replaces who attended with exactly these members. */
  setAttendance(meetingId: string, memberIds: string[]): Promise<void>;
  listAttendance(meetingId: string): Promise<string[]>;
}

export interface NewPoll {
  tenantId: string;
  panelId: string;
  meetingId: string | null;
  question: string;
  kind: PollKind;
  anonymity: Anonymity;
  resultsVisibility: ResultsVisibility;
  /** Experts unless the facilitator chose everyone; older callers leave it to the store's default. */
  audience?: PollAudience;
  maxChoices: number | null;
  deadline: Date | null;
  createdById: string;
  options: string[];
}

export interface PollRepository {
  create(input: NewPoll): Promise<PollRecord>;
  findById(id: string): Promise<PollRecord | null>;
  listByPanel(panelId: string, status?: 'open' | 'closed'): Promise<PollRecord[]>;
  /** Open polls (every zone) whose deadline is at or before `now`, oldest deadline first. */
  listDue(now: Date, limit: number): Promise<PollRecord[]>;
  close(id: string, at: Date): Promise<PollRecord>;
  findBallot(pollId: string, who: { memberId: string } | { voterKey: string }): Promise<BallotRecord | null>;
  createBallot(input: {
    pollId: string;
    memberId: string | null;
    voterKey: string | null;
    choice: BallotChoice;
    reason: string | null;
    reasonAttribution?: ReasonAttribution | null;
    /** Stored instead of "now" (anonymous ballots keep only the day, so that no time can join them to a voter). */
    at?: Date;
  }): Promise<BallotRecord>;
  updateBallot(id: string, patch: { choice: BallotChoice; reason: string | null; reasonAttribution?: ReasonAttribution | null; at?: Date }): Promise<BallotRecord>;
  /** New ballots in one statement; ids and times are given by the caller. */
  createBallots(
    inputs: { id: string; pollId: string; memberId: string | null; voterKey: string | null; choice: BallotChoice; reason: string | null; reasonAttribution?: ReasonAttribution | null; at: Date }[],
  ): Promise<void>;
  /** Changed answers of earlier ballots in one statement (a batch of votes); `at` is their new time. */
  updateBallots(rows: { id: string; choice: BallotChoice; reason: string | null; reasonAttribution: ReasonAttribution | null; at: Date }[]): Promise<void>;
  /** Participation marks in one statement; existing marks are left as they are. */
  markParticipations(pollId: string, rows: { memberId: string; at: Date }[]): Promise<void>;
  listBallots(pollId: string): Promise<BallotRecord[]>;
  /** Marks that a member took part; a no-op when already marked. */
  markParticipation(pollId: string, memberId: string, at?: Date): Promise<void>;
  listParticipants(pollId: string): Promise<string[]>;
  /** Named and confidential ballots of a member (export). */
  listBallotsOfMember(memberId: string): Promise<BallotRecord[]>;
  listParticipationsOfMember(memberId: string): Promise<{ pollId: string; createdAt: Date }[]>;
  deleteParticipationsOfMember(memberId: string): Promise<number>;
  deleteBallot(id: string): Promise<void>;
  /** Retention: ballots of polls closed before `cutoff` lose their member id; participation rows go. */
  anonymiseClosedBefore(cutoff: Date): Promise<{ ballots: number; participations: number }>;
  /** Drops the (poll, member) keys of anonymous ballots once the poll closes; `at` is stored as their update time. */
  clearVoterKeys(pollId: string, at?: Date): Promise<void>;
  deleteBallotsOfMember(memberId: string): Promise<number>;
}

export interface IdeaRoundRepository {
  create(input: Omit<IdeaRoundRecord, 'id' | 'status' | 'createdAt'>): Promise<IdeaRoundRecord>;
  findById(id: string): Promise<IdeaRoundRecord | null>;
  listByPanel(panelId: string, status?: 'open' | 'closed'): Promise<IdeaRoundRecord[]>;
  /** Open questions (every zone) whose closing date is at or before `now`, oldest first. */
  listDue(now: Date, limit: number): Promise<IdeaRoundRecord[]>;
  close(id: string, at: Date): Promise<IdeaRoundRecord>;
}

export interface NewContribution extends ContributionFields {
  tenantId: string;
  panelId: string;
  roundId: string | null;
  authorId: string | null;
  language: Language;
  attribution: Attribution;
  channel: ChannelName;
  domainIds: string[];
  /** Anonymous contributions get a random id and only the day as time (see `anonymousTime`). */
  id?: string;
  at?: Date;
}

export interface ContributionRepository {
  create(input: NewContribution): Promise<ContributionRecord>;
  findById(id: string): Promise<ContributionRecord | null>;
  findManyByIds(ids: string[]): Promise<ContributionRecord[]>;
  update(
    id: string,
    patch: Partial<ContributionFields> & { attribution?: Attribution; domainIds?: string[]; authorId?: string | null; at?: Date },
  ): Promise<ContributionRecord>;
  withdraw(id: string, at: Date): Promise<ContributionRecord>;
  listByRound(roundId: string, opts?: { liveOnly?: boolean }): Promise<ContributionRecord[]>;
  listByPanel(panelId: string, opts?: { liveOnly?: boolean }): Promise<ContributionRecord[]>;
  listByAuthor(authorId: string): Promise<ContributionRecord[]>;
  setAuthorKey(contributionId: string, authorKey: string): Promise<void>;
  deleteAuthorKey(contributionId: string): Promise<void>;
  /** Anonymous contributions in a panel together with their author key, for the author's own requests. */
  listAuthorKeys(contributionIds: string[]): Promise<{ contributionId: string; authorKey: string }[]>;
  listAnonymousIds(panelId: string): Promise<string[]>;
  /** Contributions created before `cutoff` that can still be joined to their author (retention). */
  listIdentifiableBefore(cutoff: Date): Promise<ContributionRecord[]>;
  /** Erasure: the rows, their domains and their author keys go. */
  deleteMany(ids: string[]): Promise<number>;
}

export interface NewStatement {
  position: number;
  /** The line this statement continues (`statementLine` of the statement it replaces); null or absent starts a line. */
  originId?: string | null;
  theme: string;
  text: string;
  citations: { contributionId: string | null; quote: string; attributedName: string | null; translation?: string | null }[];
}

/** A version as it is stored: the record without what storage assigns. */
export type NewSummaryVersion = Omit<SummaryVersionRecord, 'id' | 'createdAt' | 'publishedAt' | 'statements'> & {
  statements: NewStatement[];
};

export interface SummaryRepository {
  create(input: Omit<SummaryRecord, 'id' | 'createdAt'>): Promise<SummaryRecord>;
  findById(id: string): Promise<SummaryRecord | null>;
  listByPanel(panelId: string): Promise<SummaryRecord[]>;
  createVersion(input: NewSummaryVersion): Promise<SummaryVersionRecord>;
  findVersion(id: string): Promise<SummaryVersionRecord | null>;
  listVersions(summaryId: string): Promise<SummaryVersionRecord[]>;
  latestVersion(summaryId: string): Promise<SummaryVersionRecord | null>;
  setVersionStatus(id: string, status: SummaryVersionStatus, at?: Date): Promise<void>;
  /** Drops the name shown on citations of the given contributions in one version (anonymous approval). */
  anonymiseCitations(versionId: string, contributionIds: string[]): Promise<void>;
  /** Versions (any status) that cite one of these contributions. */
  listVersionIdsCiting(contributionIds: string[]): Promise<string[]>;
  /** Clears the quote text of citations of these contributions in every version (erasure). */
  eraseCitations(contributionIds: string[]): Promise<number>;
  /**
   * Erasure: in every version, citations of these contributions lose quote, name and contribution id, and
   * removal entries lose the contribution id, so nothing points at the erased contributions any more.
   */
  forgetContributions(contributionIds: string[]): Promise<void>;
  /** Erasure: empties the text of these statements (superseded versions whose words came from the erased member). */
  blankStatements(statementIds: string[]): Promise<void>;
  /** Retention: drops the name shown on citations of these contributions in every version. */
  dropNames(contributionIds: string[]): Promise<number>;
}

export interface ConsentRepository {
  createRequest(input: {
    tenantId: string;
    versionId: string;
    memberId: string;
    deadline: Date | null;
  }): Promise<ConsentRequestRecord>;
  findRequest(id: string): Promise<ConsentRequestRecord | null>;
  listRequestsForVersion(versionId: string): Promise<ConsentRequestRecord[]>;
  listRequestsForMember(memberId: string, status?: ConsentRequestStatus): Promise<ConsentRequestRecord[]>;
  updateRequest(id: string, patch: { status: ConsentRequestStatus; comment?: string | null; respondedAt: Date }): Promise<void>;
  /** Change requests (any version) of a summary that the facilitator has not handled yet, oldest first. */
  listOpenChangeRequests(versionIds: string[]): Promise<ConsentRequestRecord[]>;
  markHandled(id: string, at: Date): Promise<void>;
  /** Append-only: there is no update or delete of consent records. */
  appendRecord(input: ConsentRecordInput): Promise<ConsentRecordRow>;
  listRecords(tenantId: string, pseudonym: string): Promise<ConsentRecordRow[]>;
  /** Privacy-notice records (purpose participation) of many pseudonyms, oldest first: a batch of votes checks them at once. */
  listParticipationRecords(tenantId: string, pseudonyms: string[]): Promise<ConsentRecordRow[]>;
  /** Pending requests whose deadline is at or before `now`, oldest first. */
  listPendingPastDeadline(now: Date): Promise<ConsentRequestRecord[]>;
  deleteRequestsOfMember(memberId: string): Promise<number>;
}

export interface NotificationRepository {
  create(input: {
    tenantId: string;
    memberId: string;
    kind: NotificationKind;
    payload: NotificationRecord['payload'];
  }): Promise<NotificationRecord>;
  /**
   * Creates a notification that must exist once (a reminder per member and period): false, and nothing
   * created, when one with this key exists, also when a concurrent transaction has just made it.
   */
  createOnce(input: { tenantId: string; memberId: string; kind: NotificationKind; payload: NotificationRecord['payload']; dedupeKey: string }): Promise<boolean>;
  listForMember(memberId: string, opts?: { unreadOnly?: boolean; limit?: number }): Promise<NotificationRecord[]>;
  /** Oldest first, only for these members (those a channel can reach). */
  listUndelivered(memberIds: string[], limit: number): Promise<NotificationRecord[]>;
  /**
   * Takes up to `limit` undelivered notifications of these members that nobody holds (oldest first) and
   * holds them until `until`, so that no other instance delivers them meanwhile. Rows another transaction
   * is claiming right now are skipped, not waited for.
   */
  claimUndelivered(memberIds: string[], limit: number, now: Date, until: Date): Promise<NotificationRecord[]>;
  /** Lets go of a claim, so that the next round (of any instance) tries again. */
  releaseClaim(id: string): Promise<void>;
  markRead(memberId: string, ids: string[], at: Date): Promise<void>;
  markDelivered(id: string, at: Date): Promise<void>;
  deleteForMember(memberId: string): Promise<number>;
}

export interface AuditRepository {
  append(input: AuditInput): Promise<void>;
  appendMany(inputs: AuditInput[]): Promise<void>;
  list(tenantId: string, opts?: { limit?: number; objectId?: string; actorId?: string }): Promise<AuditEventRecord[]>;
}

export interface DeliveryRepository {
  /** Records a platform delivery key; false when it was already recorded (a retry). */
  claim(key: string): Promise<boolean>;
  /** Records many keys in one statement; returns those that were new (the others are retries). */
  claimMany(keys: string[]): Promise<Set<string>>;
  /** Whether a key was recorded (read only). */
  seen(key: string): Promise<boolean>;
  /** Forgets one key, so that a delivery whose handling failed can be handled when it comes again. */
  release(key: string): Promise<void>;
  /** Forgets keys recorded before `cutoff`; returns how many. */
  pruneBefore(cutoff: Date): Promise<number>;
}

import type { BacklogHistoryRepository, BacklogRepository, TranslationRepository } from './ports-plan.js';
export type * from './ports-plan.js';
import type { ErasureRepository, LlmExchangeRepository, OutboundMessageRepository, SupportRepository, WebSessionRepository } from './ports-privacy.js';
export type * from './ports-privacy.js';

export interface Repositories {
  tenants: TenantRepository;
  panels: PanelRepository;
  members: MemberRepository;
  meetings: MeetingRepository;
  polls: PollRepository;
  rounds: IdeaRoundRepository;
  contributions: ContributionRepository;
  summaries: SummaryRepository;
  consent: ConsentRepository;
  backlog: BacklogRepository;
  backlogHistory: BacklogHistoryRepository;
  translations: TranslationRepository;
  notifications: NotificationRepository;
  audit: AuditRepository;
  deliveries: DeliveryRepository;
  support: SupportRepository;
  llmExchanges: LlmExchangeRepository;
  outbound: OutboundMessageRepository;
  erasure: ErasureRepository;
  sessions: WebSessionRepository;
}

export interface Store {
  /**
   * Runs `work` in one database transaction. Retries the whole unit when the database reports a
   * write conflict (unique violation from a concurrent insert, serialization failure), so use cases
   * must not have effects outside the transaction.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs read-only `work` outside a transaction: no BEGIN and COMMIT, no transaction slot, and no snapshot
   * shared between its statements. For lookups that one statement answers (who is asking). Stores without
   * it are read through `transaction`.
   */
  read?<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}
