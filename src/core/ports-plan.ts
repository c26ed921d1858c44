import type { BacklogChangeRecord, BacklogItemRecord, BacklogLinkRecord, ContentTranslationRecord } from './types.js';

/** Storage ports for the action plan: items, their links and history, and content translations (re-exported by ports.ts). */

export type NewBacklogItem = Pick<
  BacklogItemRecord,
  'tenantId' | 'panelId' | 'level' | 'parentId' | 'title' | 'description' | 'status' | 'owner' | 'dueDate' | 'progress' | 'position'
>;

export interface BacklogRepository {
  create(input: NewBacklogItem): Promise<BacklogItemRecord>;
  findById(id: string): Promise<BacklogItemRecord | null>;
  listByPanel(panelId: string): Promise<BacklogItemRecord[]>;
  update(
    id: string,
    patch: Partial<
      Pick<
        BacklogItemRecord,
        'title' | 'description' | 'status' | 'owner' | 'dueDate' | 'progress' | 'boardResponse' | 'respondedAt' | 'parentId'
      >
    >,
  ): Promise<BacklogItemRecord>;
  addLink(input: Omit<BacklogLinkRecord, 'id' | 'translation'> & { translation?: string | null }): Promise<BacklogLinkRecord>;
  listLinksForContributions(contributionIds: string[]): Promise<BacklogLinkRecord[]>;
  /** Withdrawal: the item keeps its text, the link to the contribution and its quote (and translation) go. */
  unlinkContributions(contributionIds: string[]): Promise<number>;
  /**
   * Links follow summary statements into a new version: links to each `from` statement now point at `to`.
   * Where `to` is null the statement is gone: links lose it, a link left pointing at nothing is removed
   * and the item stays. Returns how many links changed.
   */
  moveStatementLinks(moves: { from: string; to: string | null }[]): Promise<number>;
}

export interface BacklogHistoryRepository {
  append(input: Omit<BacklogChangeRecord, 'id' | 'createdAt'> & { at?: Date }): Promise<BacklogChangeRecord>;
  /** Oldest first. */
  listForItem(itemId: string): Promise<BacklogChangeRecord[]>;
  /** Changes in a panel from `since` (inclusive) up to `until` (exclusive), oldest first. */
  listForPanel(panelId: string, range?: { since?: Date; until?: Date }): Promise<BacklogChangeRecord[]>;
}

export interface TranslationRepository {
  /** Creates or replaces the translation of one field into one language. */
  upsert(input: Omit<ContentTranslationRecord, 'id' | 'updatedAt'>): Promise<ContentTranslationRecord>;
  remove(objectType: ContentTranslationRecord['objectType'], objectId: string, field: string, language: string): Promise<void>;
  listFor(objectType: ContentTranslationRecord['objectType'], objectIds: string[]): Promise<ContentTranslationRecord[]>;
  /** Erasure: every translation of these objects. */
  removeAllFor(objectType: ContentTranslationRecord['objectType'], objectIds: string[]): Promise<void>;
}
