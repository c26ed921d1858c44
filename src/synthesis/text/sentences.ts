import type { SynthesisSource } from '../../core/synthesis.js';

export const MAX_QUOTE = 280;

/** Sentences of a contribution, field by field (idea first: it is what the board can act on). */
export function sentences(source: Pick<SynthesisSource, 'whatHappens' | 'whatIsNeeded' | 'idea'>): string[] {
  return [source.idea, source.whatIsNeeded, source.whatHappens]
    .flatMap((field) => field.split(/(?<=[.!?…])\s+|\n+/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
}

// Digits in a row (phone, account or register numbers) or an e-mail address: a sentence with these is a
// poor quote even when the privacy guard let it through, so another sentence is preferred.
const CONTACT_DETAIL = /\d[\d ./-]{5,}\d|[^\s@]+@[^\s@]+\.[^\s@]+/u;

/**
 * A verbatim quote for one contribution: the sentence that mentions the most of the theme's words, without
 * contact details when another sentence will do, shortest on a tie. Long sentences are cut at a word
 * boundary, which keeps the quote a substring of the contribution.
 */
export function pickQuote(
  source: Pick<SynthesisSource, 'whatHappens' | 'whatIsNeeded' | 'idea'>,
  score: (sentence: string) => number = (s) => Math.min(s.length, MAX_QUOTE),
): string | null {
  const candidates = sentences(source);
  if (candidates.length === 0) return null;
  const clean = candidates.filter((s) => !CONTACT_DETAIL.test(s));
  const pool = clean.length > 0 ? clean : candidates;
  let chosen = pool[0]!;
  let top = score(chosen);
  for (const sentence of pool.slice(1)) {
    const value = score(sentence);
    if (value > top || (value === top && sentence.length < chosen.length)) [chosen, top] = [sentence, value];
  }
  return cut(chosen);
}

function cut(sentence: string): string {
  if (sentence.length <= MAX_QUOTE) return sentence;
  const slice = sentence.slice(0, MAX_QUOTE);
  const space = slice.lastIndexOf(' ');
  return space > 40 ? slice.slice(0, space) : slice;
}
