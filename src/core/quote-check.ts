import type { DraftStatement, SynthesisSource } from './synthesis.js';
import { contributionText } from './synthesis.js';
import type { Removal } from './types.js';

/** Unicode and whitespace normalisation used to compare quotes with their source. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('und');
}

export interface VerifiedStatement {
  theme: string;
  text: string;
  citations: { contributionId: string; quote: string; attributedName: string | null }[];
}

export interface VerificationOutcome {
  statements: VerifiedStatement[];
  removals: Removal[];
  quotesChecked: number;
  quotesKept: number;
}

/**
 * Deterministic, blocking quote verification. A quote is kept only when, after normalisation, it occurs
 * in the cited contribution, that contribution is live (in `sources`), its author allows quoting, and the
 * author the statement names is that contribution's author. Statements left without support are dropped.
 */
export function verifyStatements(
  drafts: DraftStatement[],
  sources: SynthesisSource[],
  withdrawnIds: ReadonlySet<string> = new Set(),
): VerificationOutcome {
  const byId = new Map(sources.map((source) => [source.contributionId, source]));
  const statements: VerifiedStatement[] = [];
  const removals: Removal[] = [];
  let quotesChecked = 0;
  let quotesKept = 0;
  drafts.forEach((draft, position) => {
    const kept: VerifiedStatement['citations'] = [];
    const seen = new Set<string>();
    for (const citation of draft.citations) {
      quotesChecked += 1;
      const source = byId.get(citation.contributionId);
      const reason = rejectionReason(citation, source, withdrawnIds);
      if (reason) {
        removals.push({ contributionId: source ? source.contributionId : null, reason, statementPosition: position });
        continue;
      }
      const quote = citation.quote.trim();
      const dedupe = `${citation.contributionId}\u001f${normaliseForMatch(quote)}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      quotesKept += 1;
      kept.push({ contributionId: citation.contributionId, quote, attributedName: source!.authorLabel });
    }
    if (kept.length === 0) {
      removals.push({ contributionId: null, reason: 'statement_unsupported', statementPosition: position });
      return;
    }
    statements.push({ theme: draft.theme.trim(), text: draft.text.trim(), citations: kept });
  });
  return { statements, removals, quotesChecked, quotesKept };
}

function rejectionReason(
  citation: DraftStatement['citations'][number],
  source: SynthesisSource | undefined,
  withdrawnIds: ReadonlySet<string>,
): Removal['reason'] | null {
  if (withdrawnIds.has(citation.contributionId)) return 'contribution_withdrawn';
  if (!source) return 'unknown_contribution';
  if (source.attribution === 'no_quote') return 'not_quotable';
  if (citation.authorLabel && citation.authorLabel !== source.authorLabel) return 'author_mismatch';
  const quote = normaliseForMatch(citation.quote);
  if (quote.length === 0 || !normaliseForMatch(contributionText(source)).includes(quote)) return 'quote_not_found';
  return null;
}
