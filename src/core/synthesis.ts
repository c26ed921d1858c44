import type { Attribution, Language } from './types.js';

/** One contribution as the synthesis engine sees it: data, never instructions. */
export interface SynthesisSource {
  contributionId: string;
  whatHappens: string;
  whatIsNeeded: string;
  idea: string;
  language: Language;
  attribution: Attribution;
  /** The name a statement may use, or null when the author is anonymous or not quotable. */
  authorLabel: string | null;
  domainKeys: string[];
  /**
   * A pseudonym of the member, stable within one request and meaningless outside it, so a summary can say
   * how many members (not contributions) a theme rests on. Never sent to a model. When absent, named
   * contributions count by author and every other contribution counts as its own member.
   */
  memberKey?: string | null;
}

export interface SynthesisRequest {
  language: Language;
  question: string;
  sources: SynthesisSource[];
  /** Domain keys and labels of the panel, in the reader's language. */
  domains: { key: string; label: string }[];
}

export interface DraftCitation {
  contributionId: string;
  /** Verbatim, in the contribution's own language: verified character for character (after normalisation). */
  quote: string;
  /** The author the statement names, if it names one. */
  authorLabel?: string | null;
  /**
   * A translation of the quote into the reader's language, always shown as a translation. It cannot be
   * verified as verbatim, so it never replaces `quote`.
   */
  translation?: string | null;
}

export interface DraftStatement {
  theme: string;
  text: string;
  citations: DraftCitation[];
  /**
   * Set by the core only (never from a model): the line of the statement that a facilitator's edit
   * revises, carried through verification so the new statement keeps its place (see `statementLine`).
   */
  originId?: string | null;
}

/** One call to a language model, kept with the summary (and erased with the contributions it carried). */
export interface SynthesisExchange {
  contributionIds: string[];
  request: string;
  response: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

interface SynthesisMeta {
  generator: 'offline' | 'llm';
  promptVersion: string | null;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  /** Model calls made for this result (empty for the offline synthesis). */
  exchanges?: SynthesisExchange[];
  /** Estimated price of the model calls in millionths of a US dollar, from a per-model price table; null when unknown. */
  costMicros?: number | null;
  /** How the input was split: one call, or map-reduce with this many map and reduce calls. */
  passes?: { map: number; reduce: number };
}

/**
 * Why a model draft failed, as a stable code (the facilitator sees `synthesis:failure.<code>`); nothing is
 * published from a failed draft.
 */
export const SYNTHESIS_FAILURES = [
  'model_refused',
  'model_length',
  'model_content_filter',
  'model_invalid_output',
  'model_timeout',
  'model_rate_limited',
  'model_unavailable',
  'model_auth',
  'model_bad_request',
] as const;
export type SynthesisFailure = (typeof SYNTHESIS_FAILURES)[number];

export type SynthesisResult =
  | (SynthesisMeta & { ok: true; statements: DraftStatement[] })
  | (SynthesisMeta & { ok: false; reason: SynthesisFailure | string });

/** The port a synthesis engine (offline extract or LLM) implements. */
export interface Synthesizer {
  synthesize(request: SynthesisRequest): Promise<SynthesisResult>;
}

/** Text of a contribution as one searchable string, in field order. */
export function contributionText(source: Pick<SynthesisSource, 'whatHappens' | 'whatIsNeeded' | 'idea'>): string {
  return [source.whatHappens, source.whatIsNeeded, source.idea].filter((part) => part.length > 0).join('\n');
}

/** One piece of the panel's own content (a poll question, a plan item's name) to translate; `ref` is ours. */
export interface TranslationPiece {
  ref: string;
  text: string;
}

export type TranslationDraftResult =
  | { ok: true; drafts: { ref: string; language: Language; text: string }[] }
  | { ok: false; reason: SynthesisFailure | string };

/**
 * The port a translation engine implements (a language model when one is configured). It drafts only: what
 * it returns is stored as an unconfirmed translation until a person confirms or edits it.
 */
export interface ContentTranslator {
  translate(request: { from: Language; to: Language[]; pieces: TranslationPiece[] }): Promise<TranslationDraftResult>;
}
