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
  quote: string;
  /** The author the statement names, if it names one. */
  authorLabel?: string | null;
}

export interface DraftStatement {
  theme: string;
  text: string;
  citations: DraftCitation[];
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
}

export type SynthesisResult =
  | (SynthesisMeta & { ok: true; statements: DraftStatement[] })
  | (SynthesisMeta & { ok: false; reason: string });

/** The port a synthesis engine (offline extract or LLM) implements. */
export interface Synthesizer {
  synthesize(request: SynthesisRequest): Promise<SynthesisResult>;
}

/** Text of a contribution as one searchable string, in field order. */
export function contributionText(source: Pick<SynthesisSource, 'whatHappens' | 'whatIsNeeded' | 'idea'>): string {
  return [source.whatHappens, source.whatIsNeeded, source.idea].filter((part) => part.length > 0).join('\n');
}
