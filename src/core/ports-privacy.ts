import type { ChannelName } from './types.js';

/**
 * Storage ports for data that privacy rules reach into: support signals, cached language-model
 * exchanges and the messages the bot posted (so erasure can delete them).
 */
export interface SupportRequestRecord {
  id: string;
  tenantId: string;
  memberId: string;
  channel: ChannelName;
  createdAt: Date;
  handledAt: Date | null;
  handledById: string | null;
}

export interface SupportRepository {
  create(input: { tenantId: string; memberId: string; channel: ChannelName }): Promise<SupportRequestRecord>;
  listOpen(tenantId: string): Promise<SupportRequestRecord[]>;
  findById(id: string): Promise<SupportRequestRecord | null>;
  markHandled(id: string, handledById: string, at: Date): Promise<void>;
  deleteByMember(memberId: string): Promise<number>;
  listByMember(memberId: string): Promise<SupportRequestRecord[]>;
}

export interface LlmExchangeInput {
  tenantId: string;
  summaryId: string | null;
  contributionIds: string[];
  request: string;
  response: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export interface LlmExchangeRepository {
  record(input: LlmExchangeInput): Promise<void>;
  listBySummary(summaryId: string): Promise<(LlmExchangeInput & { id: string; createdAt: Date })[]>;
  /** Erasure and withdrawal: drops every cached model input and output that carried one of these contributions. */
  deleteCarrying(contributionIds: string[]): Promise<number>;
  /** What the export may show of exchanges that carried these contributions: no text (it holds others' words). */
  listCarrying(contributionIds: string[]): Promise<{ id: string; summaryId: string | null; model: string; createdAt: Date }[]>;
  /** Retention: exchanges older than `cutoff` go. */
  deleteBefore(cutoff: Date): Promise<number>;
}

export interface OutboundMessageRecord {
  id: string;
  tenantId: string;
  memberId: string;
  channel: ChannelName;
  conversationId: string;
  messageId: string;
  createdAt: Date;
}

export interface OutboundMessageRepository {
  record(input: Omit<OutboundMessageRecord, 'id' | 'createdAt'>): Promise<void>;
  listByMember(memberId: string): Promise<OutboundMessageRecord[]>;
  deleteByMember(memberId: string): Promise<number>;
}

/** Erasure across tables: what no single repository owns. */
export interface ErasureRepository {
  /**
   * Replaces every remaining reference to a member id (who created a meeting, poll, round or summary,
   * who handled a support request, audit actors and objects) with their pseudonym, then deletes the member
   * row (identities and domains go with it). Audit entries about the erased contributions keep their
   * action but no longer name the contribution.
   */
  replaceAndDeleteMember(memberId: string, pseudonym: string, contributionIds: string[]): Promise<void>;
}


export interface WebSessionRecord {
  id: string;
  tenantId: string;
  memberId: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

/** Web sessions on the server: what makes sign-out and the 12-hour end real for a copied cookie. */
export interface WebSessionRepository {
  create(input: { tenantId: string; memberId: string; issuedAt: Date }): Promise<WebSessionRecord>;
  findById(id: string): Promise<WebSessionRecord | null>;
  /** Ends one session (no-op when it already ended). */
  revoke(id: string, at: Date): Promise<void>;
  /** Ends every open session of a member (erasure, deactivation); returns how many. */
  revokeAllOf(memberId: string, at: Date): Promise<number>;
}
