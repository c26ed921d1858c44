/** Sentence and word positions for the name rules: plain, predictable splitting, no NLP model. */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  word: string;
}

/** Abbreviations whose final dot does not end a sentence (Dr. Peeters, Mevr. Janssens, M. Dupont). */
const ABBREVIATIONS = /(?:^|[\s(])(?:dr|dhr|mevr|mr|mrs|ms|mme|mlle|prof|st|nr|bv|vb|ca|cf|etc|enz|\p{Lu})\.$/iu;

export function sentencesOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?…]+(?=\s|$)|\n+/gu)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATIONS.test(text.slice(Math.max(0, match.index - 8), match.index + 1))) continue;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Words with their offsets (no punctuation; "Dr." gives "Dr"). */
export function tokensOf(sentence: string): Token[] {
  return [...sentence.matchAll(/\p{L}[\p{L}\p{M}'’\-]*/gu)].map((m) => {
    const word = m[0].replace(/['’\-]+$/u, '');
    return { word, start: m.index, end: m.index + word.length };
  });
}
