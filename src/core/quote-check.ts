import type { DraftStatement, SynthesisSource } from './synthesis.js';
import { contributionText } from './synthesis.js';
import type { Removal } from './types.js';

/**
 * The only differences a verbatim quote may have with the member's text: Unicode composition (NFC) and
 * whitespace (runs collapsed, ends trimmed). Case, punctuation, quote marks, dashes and ellipses are the
 * member's characters and count: a model that "tidies" them has changed the quote.
 */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A looser form for searching, never for verifying: compatibility forms, typographic quotes and dashes
 * folded, case folded. Erasure uses it to find a member's sentences in a statement text, where missing one
 * would leave their words behind.
 */
export function foldForSearch(text: string): string {
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

/**
 * The exact span of `source` that `quote` matches (NFC and whitespace aside), or null. The span is cut from
 * the member's own string, so what is stored and shown is their characters, not the model's.
 */
export function findVerbatimSpan(source: string, quote: string): string | null {
  const wanted = normaliseForMatch(quote);
  if (wanted.length === 0) return null;
  // Normalise cluster by cluster (a base character with its combining marks), keeping where each
  // normalised character came from in the original string.
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of source.matchAll(/\s+|\P{M}\p{M}*|\p{M}+/gsu)) {
    const start = match.index;
    const end = start + match[0].length;
    const piece = /^\s+$/u.test(match[0]) ? (text.length === 0 || text.endsWith(' ') ? '' : ' ') : match[0].normalize('NFC');
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(start);
      ends.push(end);
    }
    text += piece;
  }
  const at = text.indexOf(wanted);
  if (at < 0) return null;
  return source.slice(starts[at], ends[at + wanted.length - 1]);
}

export interface VerifiedStatement {
  theme: string;
  text: string;
  /**
   * `translation` is the model's rendering of the quote in the reader's language: carried beside the
   * verified quote, never checked as one and never in its place.
   */
  citations: { contributionId: string; quote: string; attributedName: string | null; translation?: string | null }[];
  /** The line of the statement this one revises (from `DraftStatement.originId`), when there is one. */
  originId?: string | null;
}

export interface VerificationOutcome {
  statements: VerifiedStatement[];
  removals: Removal[];
  quotesChecked: number;
  quotesKept: number;
}

/**
 * Deterministic, blocking quote verification. A quote is kept only when it occurs verbatim (NFC and
 * whitespace aside) in the cited contribution, that contribution is live (in `sources`), its author allows
 * quoting, and the author the statement names is that contribution's author; it is then stored as the
 * exact span of the member's text. Statements left without support are dropped,
 * and so is a statement whose theme or text names a quoted member who is not the author of one of its
 * kept quotes (a model that merges speakers puts words in the wrong mouth).
 */
export function verifyStatements(
  drafts: DraftStatement[],
  sources: SynthesisSource[],
  withdrawnIds: ReadonlySet<string> = new Set(),
  /**
   * Whether a citation with an empty quote may stand for unquoted support. Only a facilitator's edit keeps
   * support that an earlier verified version had; a model must show its evidence (see below).
   */
  opts: { emptySupport?: boolean } = {},
): VerificationOutcome {
  const byId = new Map(sources.map((source) => [source.contributionId, source]));
  const names = authorNames(sources);
  const statements: VerifiedStatement[] = [];
  const removals: Removal[] = [];
  let quotesChecked = 0;
  let quotesKept = 0;
  drafts.forEach((draft, position) => {
    const kept: VerifiedStatement['citations'] = [];
    const unquoted: VerifiedStatement['citations'] = [];
    const seen = new Set<string>();
    for (const citation of draft.citations) {
      quotesChecked += 1;
      const source = byId.get(citation.contributionId);
      const span = source ? findVerbatimSpan(contributionText(source), citation.quote) : null;
      const reason = rejectionReason(citation, source, withdrawnIds, span);
      // "Use it, but don't quote me": the statement may rest on it, counted, with no words and no name; but
      // only when the model's words really are in it (else a contribution that carries instructions could
      // prop up any text the model was told to write).
      const evidence = span !== null || (opts.emptySupport === true && citation.quote.trim() === '');
      if (reason === 'not_quotable' && evidence && !unquoted.some((u) => u.contributionId === citation.contributionId)) {
        unquoted.push({ contributionId: citation.contributionId, quote: '', attributedName: null });
      }
      if (reason) {
        // An unquoted supporter cited without a quote (an edit keeping it) is not a refused quote.
        if (!(reason === 'not_quotable' && citation.quote.trim() === '')) removals.push({ contributionId: source ? source.contributionId : null, reason, statementPosition: position });
        continue;
      }
      // The member's characters, never the model's version of them.
      const quote = span!;
      const dedupe = `${citation.contributionId}\u001f${normaliseForMatch(quote)}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      quotesKept += 1;
      const translation = citation.translation?.trim() || null;
      kept.push({ contributionId: citation.contributionId, quote, attributedName: source!.authorLabel, ...(translation ? { translation } : {}) });
    }
    if (kept.length === 0 && unquoted.length === 0) {
      removals.push({ contributionId: null, reason: 'statement_unsupported', statementPosition: position });
      return;
    }
    // A statement resting only on unquoted input is a paraphrase: it may name nobody at all.
    const wrongName = namedOutsideCitations(`${draft.theme}\n${draft.text}`, kept, names);
    if (wrongName) {
      quotesKept -= kept.length;
      removals.push({ contributionId: null, reason: 'author_mismatch', statementPosition: position });
      return;
    }
    statements.push({ theme: draft.theme.trim(), text: draft.text.trim(), citations: [...kept, ...unquoted], ...(draft.originId ? { originId: draft.originId } : {}) });
  });
  return { statements, removals, quotesChecked, quotesKept };
}

/**
 * Words of a text, space-joined and space-padded, so a name matches whole words only. Case is kept: names
 * are written capitalised, and a member called "An" or "Hope" must not match the words "an" or "hope".
 */
function words(text: string): string {
  return ` ${text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;
}

/** Names a statement may not use unless it quotes that person: every named author among the sources. */
function authorNames(sources: SynthesisSource[]): { name: string; words: string }[] {
  const names = new Set(sources.map((s) => s.authorLabel).filter((n): n is string => !!n));
  return [...names].map((name) => ({ name, words: words(name) })).filter((n) => n.words.trim().length >= 2);
}

function namedOutsideCitations(text: string, kept: VerifiedStatement['citations'], names: { name: string; words: string }[]): boolean {
  if (names.length === 0) return false;
  const normalised = words(text);
  const quoted = new Set(kept.map((c) => c.attributedName).filter((n): n is string => !!n));
  return names.some((n) => !quoted.has(n.name) && normalised.includes(n.words));
}

function rejectionReason(
  citation: DraftStatement['citations'][number],
  source: SynthesisSource | undefined,
  withdrawnIds: ReadonlySet<string>,
  span: string | null,
): Removal['reason'] | null {
  if (withdrawnIds.has(citation.contributionId)) return 'contribution_withdrawn';
  if (!source) return 'unknown_contribution';
  if (source.attribution === 'no_quote') return 'not_quotable';
  if (citation.authorLabel && citation.authorLabel !== source.authorLabel) return 'author_mismatch';
  if (span === null) return 'quote_not_found';
  return null;
}
