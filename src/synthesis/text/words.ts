import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import type { Language } from '../../core/types.js';

// Snowball Dutch strips a final -s after stripping -en ("huisartsen" -> "huisarts" -> "huisart"), so a
// second pass makes singular and plural meet; French and English stems are stable after one pass.
export const STEM: Record<Language, (word: string) => string> = {
  nl: (word) => stemDutch(stemDutch(word)),
  fr: stemFrench,
  en: stemEnglish,
};

/** Runs of letters: apostrophes and hyphens split words ("d'attente", "week-end"), the same way in text and vocabulary. */
const LETTERS = /[\p{L}\p{M}]+/gu;

const DIACRITICS = /\p{M}/gu;

/** Members often drop accents ("medecin", "aide a domicile"): matching ignores them. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(DIACRITICS, '');
}

/**
 * Lower-cased words of a text, in order. Plain `toLowerCase`: Dutch, French and English have no
 * locale-specific casing, and the locale-aware version is several times slower on 10,000 answers.
 */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(LETTERS) ?? [];
}

/**
 * Stems with diacritics folded away after stemming (the French stemmer needs the accents to find suffixes).
 * Memoised per language: the same few thousand words recur across thousands of answers.
 */
export class Stems {
  private readonly cache: Record<Language, Map<string, string>> = { nl: new Map(), fr: new Map(), en: new Map() };

  of(word: string, language: Language): string {
    const cache = this.cache[language];
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = word.length <= 2 ? word : fold(STEM[language](word));
      cache.set(word, stem);
    }
    return stem;
  }
}
