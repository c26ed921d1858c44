import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import type { Language } from '../../core/types.js';

/**
 * Words that carry no theme in a panel's answers: the library's stop words plus the words every answer
 * uses because of how the question is asked ("need", "idea", "nodig", "besoin").
 */
const PANEL_WORDS: Record<Language, string[]> = {
  nl: ['nodig', 'idee', 'ideeën', 'gewoon', 'echt', 'heel', 'vaak', 'soms', 'mensen', 'iemand', 'iets', 'moeten', 'kunnen', 'willen', 'graag', 'zou', 'zouden', 'wel', 'nooit', 'altijd', 'keer', 'jaar', 'maand', 'week', 'dag', 'mijn', 'ik', 'we', 'wij', 'ze', 'gaat', 'gaan', 'krijg', 'krijgen', 'hebben', 'heb'],
  fr: ['besoin', 'idée', 'vraiment', 'souvent', 'parfois', 'gens', 'quelqu', 'quelque', 'chose', 'faut', 'fois', 'faire', 'peut', 'peux', 'pouvoir', 'veux', 'vouloir', 'jamais', 'toujours', 'an', 'ans', 'mois', 'semaine', 'jour', 'jours', 'chaque', 'aussi', 'très', 'trop', 'plus', 'moins', 'dois', 'doit', 'ai', 'avons', 'ont'],
  en: ['need', 'needs', 'idea', 'ideas', 'really', 'often', 'sometimes', 'people', 'someone', 'something', 'would', 'could', 'should', 'never', 'always', 'time', 'times', 'year', 'month', 'week', 'day', 'days', 'every', 'also', 'get', 'gets', 'got', 'make', 'want', 'like', 'just', 'much', 'many', 'one', 'two'],
};

const STOP: Record<Language, ReadonlySet<string>> = {
  nl: new Set([...dutchStopwords, ...PANEL_WORDS.nl]),
  fr: new Set([...frenchStopwords, ...PANEL_WORDS.fr]),
  en: new Set([...englishStopwords, ...PANEL_WORDS.en]),
};

// Snowball Dutch strips a final -s after stripping -en ("huisartsen" -> "huisarts" -> "huisart"), so a
// second pass makes singular and plural meet; French and English stems are stable after one pass.
const STEM: Record<Language, (word: string) => string> = {
  nl: (word) => stemDutch(stemDutch(word)),
  fr: stemFrench,
  en: stemEnglish,
};

/** Letters (with inner apostrophes and hyphens split off) of at least three characters. */
const WORD = /[\p{L}][\p{L}\p{M}]{2,}/gu;

export interface Term {
  stem: string;
  /** The word as written (lower case), to label a theme with a real word rather than a stem. */
  surface: string;
}

/**
 * Terms of one text: lower-cased words without stop words, stemmed with the Snowball stemmer of the text's
 * language. Words are also checked against the other two languages' stop words, because members mix
 * languages in Brussels ("le CPAS is te ver"). Memoised per language: the same words recur across answers.
 */
export class TermExtractor {
  private readonly cache: Record<Language, Map<string, string | null>> = { nl: new Map(), fr: new Map(), en: new Map() };

  terms(text: string, language: Language): Term[] {
    const out: Term[] = [];
    for (const match of text.toLocaleLowerCase(language).normalize('NFC').matchAll(WORD)) {
      const stem = this.stem(match[0], language);
      if (stem) out.push({ stem, surface: match[0] });
    }
    return out;
  }

  private stem(word: string, language: Language): string | null {
    const cache = this.cache[language];
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const stop = STOP.nl.has(word) || STOP.fr.has(word) || STOP.en.has(word);
    const stem = stop ? null : STEM[language](word);
    const kept = stem && stem.length >= 3 ? stem : null;
    cache.set(word, kept);
    return kept;
  }
}
