import type { CitationRecord, StatementRecord } from './types.js';

/**
 * A statement rests on quotes and, for "use it, but don't quote me" contributions, on unquoted support: a
 * citation with an empty quote and no name, kept so that the statement counts them, follows their
 * withdrawal, and their authors hear what became of it. Views show the quotes, and the rest as a number.
 */
export function isUnquoted(citation: Pick<CitationRecord, 'quote'>): boolean {
  return citation.quote.length === 0;
}

export function quotedCitations<C extends Pick<CitationRecord, 'quote'>>(statement: { citations: C[] }): C[] {
  return statement.citations.filter((c) => !isUnquoted(c));
}

/** How many contributions support the statement without being quoted. */
export function unquotedCount(statement: Pick<StatementRecord, 'citations'> | { citations: Pick<CitationRecord, 'quote'>[] }): number {
  return statement.citations.filter(isUnquoted).length;
}
