import type { Finding } from '../guard.js';

/**
 * Street addresses: a street with a house number says where someone lives. Only a street *with* a number
 * is flagged ("in de Kerkstraat" or "dans la rue" is how people say where something happened).
 *
 * Dutch street names are one word ending in a street word (Kerkstraat, Frankrijklei, Gentsesteenweg); the
 * words that also end ordinary words ("loopbaan", "snelweg") count only when capitalised. French streets
 * put the street word first, the number after (Belgium) or before (France); English ones the number first.
 */
const CAP = String.raw`\p{Lu}[\p{L}'’\-]*`;
const NUMBER = String.raw`\d{1,4}[a-zA-Z]?`;
const BOX = String.raw`(?:\s*(?:bus|bte|boîte|b\.|\/)\s*\d{1,4}[a-zA-Z]?)?`;
const END = String.raw`(?![\p{L}\p{N}])`;
const START = String.raw`(?<![\p{L}\p{N}])`;

const NL_STRONG = ['straat', 'laan', 'steenweg', 'plein', 'dreef', 'kaai', 'lei', 'kade', 'singel', 'gracht'];
const NL_WEAK = ['weg', 'baan', 'dijk', 'vest', 'markt', 'hof', 'pad', 'wegel'];
const NL = new RegExp(
  String.raw`${START}(?:${CAP}(?:${[...NL_STRONG, ...NL_WEAK].join('|')})|\p{Ll}[\p{L}\-]*(?:${NL_STRONG.join('|')}))\s+${NUMBER}${BOX}${END}`,
  'gu',
);

/** Both cases of the first letter: the street word may open a sentence. */
const either = (words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1).replace('.', '\\.')}`).join('|');
const FR_STREET = either(['rue', 'avenue', 'av.', 'chaussée', 'boulevard', 'bd', 'place', 'chemin', 'square', 'allée', 'quai', 'impasse', 'drève', 'clos']);
const PART = String.raw`(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|la\s+|le\s+|les\s+)`;
const FR_NAME = String.raw`${PART}?${CAP}(?:\s+${PART}?${CAP})*`;
const FR_AFTER = new RegExp(String.raw`${START}(?:${FR_STREET})\s+${FR_NAME},?\s+${NUMBER}${BOX}${END}`, 'gu');
const FR_BEFORE = new RegExp(String.raw`${START}${NUMBER},?\s+(?:${FR_STREET})\s+${FR_NAME}${END}`, 'gu');

const EN_STREET = ['Street', 'St\\.', 'Road', 'Rd\\.', 'Avenue', 'Ave\\.', 'Lane', 'Drive', 'Square', 'Place', 'Way', 'Close', 'Crescent', 'Terrace'].join('|');
const EN = new RegExp(String.raw`${START}${NUMBER}\s+(?:${CAP}\s+){1,3}(?:${EN_STREET})(?![\p{L}])`, 'gu');

export function findAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const pattern of [NL, FR_AFTER, FR_BEFORE, EN]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (findings.some((f) => f.span.start < end && start < f.span.end)) continue;
      findings.push({ category: 'address', span: { start, end }, why: 'street_and_number' });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}
