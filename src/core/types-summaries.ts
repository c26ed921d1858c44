import type { ChannelName, ConsentRequestStatus, Language, SummaryVersionStatus } from './types.js';

// Summaries, their statements and citations, and the consent asked for them (re-exported by types.ts).

export interface CitationRecord {
  id: string;
  contributionId: string | null;
  /** Verbatim, in the contribution's own language (verified). */
  quote: string;
  attributedName: string | null;
  /**
   * A translation of the quote into the summary's language (from the synthesis), shown beside the quote
   * and always marked as a translation. Never verified as a quote and never shown instead of it.
   */
  translation: string | null;
}

export interface StatementRecord {
  id: string;
  /**
   * The statement's identity across versions: the id of the first statement of its line (in an earlier
   * version), or null when this statement starts the line. A statement carried into a new version (re-issued
   * without some quotes, or edited) keeps the line; see `statementLine`.
   */
  originId: string | null;
  position: number;
  theme: string;
  text: string;
  citations: CitationRecord[];
}

/** Why something was left out of a summary version. Never holds the quote itself. */
export interface Removal {
  contributionId: string | null;
  reason:
    | 'quote_not_found'
    | 'contribution_withdrawn'
    | 'not_quotable'
    | 'author_mismatch'
    | 'unknown_contribution'
    | 'consent_withdrawn'
    | 'no_answer'
    | 'statement_unsupported'
    | 'erased';
  statementPosition?: number;
}

export interface SummaryFacts {
  contributions: number;
  contributors: number;
  themes: { theme: string; contributors: number }[];
  domainsRepresented: string[];
  domainsMissing: string[];
}

export interface SummaryRecord {
  id: string;
  tenantId: string;
  panelId: string;
  roundId: string | null;
  meetingId: string | null;
  title: string;
  createdById: string;
  createdAt: Date;
}

export interface SummaryVersionRecord {
  id: string;
  summaryId: string;
  number: number;
  contentHash: string;
  language: Language;
  generator: 'offline' | 'llm';
  promptVersion: string | null;
  model: string | null;
  status: SummaryVersionStatus;
  failureReason: string | null;
  removals: Removal[];
  facts: SummaryFacts;
  tokensIn: number;
  tokensOut: number;
  createdAt: Date;
  publishedAt: Date | null;
  statements: StatementRecord[];
}

export interface ConsentRequestRecord {
  id: string;
  tenantId: string;
  versionId: string;
  memberId: string;
  status: ConsentRequestStatus;
  comment: string | null;
  deadline: Date | null;
  createdAt: Date;
  respondedAt: Date | null;
  /** When the facilitator handled a change request (null while it waits, and for other answers). */
  handledAt?: Date | null;
}

export interface ConsentRecordInput {
  tenantId: string;
  pseudonym: string;
  purpose: 'participation' | 'summary_quote' | 'contribution_capture';
  objectType: string;
  objectId: string;
  objectHash: string | null;
  textVersion: string | null;
  language: Language;
  decision: 'granted' | 'granted_anonymous' | 'refused' | 'change_requested' | 'withdrawn';
  channel: ChannelName;
  /** For a withdrawal: the id of the grant it ends (the grant itself is never changed). */
  withdrawsId?: string | null;
}

export interface ConsentRecordRow extends ConsentRecordInput {
  id: string;
  withdrawsId: string | null;
  createdAt: Date;
}
