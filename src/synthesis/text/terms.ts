import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import type { Language } from '../../core/types.js';
import { STEM } from './words.js';

/**
 * Words that carry no theme in a panel's answers: the library's stop words plus the words every answer
 * uses because of how the question is asked ("need", "idea", "nodig", "besoin").
 */
const PANEL_WORDS: Record<Language, string[]> = {
  nl: ['nodig', 'idee', 'ideeën', 'gewoon', 'echt', 'heel', 'vaak', 'soms', 'mensen', 'iemand', 'iets', 'moeten', 'kunnen', 'willen', 'graag', 'zou', 'zouden', 'wel', 'nooit', 'altijd', 'keer', 'jaar', 'maand', 'week', 'dag', 'mijn', 'ik', 'we', 'wij', 'ze', 'gaat', 'gaan', 'krijg', 'krijgen', 'hebben', 'heb'],
  fr: ['besoin', 'idée', 'vraiment', 'souvent', 'parfois', 'gens', 'quelqu', 'quelque', 'chose', 'faut', 'fois', 'faire', 'peut', 'peux', 'pouvoir', 'veux', 'vouloir', 'jamais', 'toujours', 'an', 'ans', 'mois', 'semaine', 'jour', 'jours', 'chaque', 'aussi', 'très', 'trop', 'plus', 'moins', 'dois', 'doit', 'ai', 'avons', 'ont'],
  en: ['need', 'needs', 'idea', 'ideas', 'really', 'often', 'sometimes', 'people', 'someone', 'something', 'would', 'could', 'should', 'never', 'always', 'time', 'times', 'year', 'month', 'week', 'day', 'days', 'every', 'also', 'get', 'gets', 'got', 'make', 'want', 'like', 'just', 'much', 'many', 'one', 'two'],
};

/**
 * Filler the libraries' lists miss and that seeded whole themes in answers to a question of the month
 * ("anders", "bent", "komt", "eerst", "waar", "chez", "seulement", "déjà"): verbs of being and coming,
 * adverbs of time and place, quantities and numbers written out.
 */
const FILLER: Record<Language, string[]> = {
  nl: ['anders', 'andere', 'ander', 'bent', 'ben', 'komt', 'komen', 'kom', 'kwam', 'eerst', 'eerste', 'waar', 'daar', 'hier', 'ook', 'nog', 'al', 'alle', 'alles', 'elke', 'ieder', 'iedereen', 'niemand', 'niets', 'nergens', 'meer', 'veel', 'weinig', 'even', 'zelf', 'terug', 'weer', 'steeds', 'telkens', 'pas', 'dus', 'want', 'omdat', 'sinds', 'tijdens', 'zoals', 'zonder', 'toch', 'maar', 'enkel', 'alleen', 'per', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'half', 'halve', 'hele', 'goed', 'slecht', 'lang', 'nu', 'toen', 'moet', 'kan', 'wil', 'word', 'wordt', 'worden', 'werd', 'zijn', 'is', 'was', 'waren', 'heeft', 'had', 'hadden', 'doet', 'doen', 'gedaan', 'zeggen', 'zegt', 'zei', 'laat', 'laten', 'staat', 'staan', 'zit', 'zitten', 'ligt', 'manier', 'plek'],
  fr: ['chez', 'seulement', 'déjà', 'encore', 'après', 'avant', 'depuis', 'pendant', 'tout', 'tous', 'toute', 'toutes', 'autre', 'autres', 'même', 'ici', 'là', 'où', 'quand', 'comme', 'ainsi', 'donc', 'alors', 'rien', 'personne', 'plusieurs', 'deux', 'trois', 'quatre', 'cinq', 'six', 'dix', 'premier', 'première', 'bien', 'mal', 'suis', 'est', 'sont', 'était', 'être', 'avoir', 'avait', 'fait', 'dit', 'dire', 'vais', 'va', 'vont', 'aller', 'mettre', 'prendre', 'peu', 'beaucoup', 'tellement', 'entre', 'sans', 'vers', 'contre', 'façon', 'endroit'],
  en: ['still', 'already', 'only', 'even', 'again', 'other', 'others', 'another', 'each', 'nobody', 'anyone', 'anything', 'everything', 'nothing', 'everybody', 'somebody', 'three', 'four', 'five', 'six', 'ten', 'first', 'since', 'while', 'there', 'here', 'where', 'when', 'then', 'now', 'well', 'good', 'bad', 'long', 'come', 'comes', 'came', 'goes', 'went', 'going', 'said', 'says', 'tell', 'told', 'take', 'takes', 'took', 'put', 'way', 'place', 'lot', 'lots', 'without', 'instead'],
};

const STOP: Record<Language, ReadonlySet<string>> = {
  nl: new Set([...dutchStopwords, ...PANEL_WORDS.nl, ...FILLER.nl]),
  fr: new Set([...frenchStopwords, ...PANEL_WORDS.fr, ...FILLER.fr]),
  en: new Set([...englishStopwords, ...PANEL_WORDS.en, ...FILLER.en]),
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
