import type { Language } from '../../core/types.js';
import { CONCEPTS, IGNORED, type Concept } from '../vocabulary/index.js';
import { fold, Stems, words } from './words.js';

export interface ConceptHit {
  /** Index into the matcher's `concepts`. */
  concept: number;
  weight: number;
}

const CORE = 2;
const RELATED = 1;
/** A concept found inside a Dutch compound is good evidence, but less than the word on its own. */
const PART = 1;
/** Compounds shorter than this are rarely two words ("kosten" is not "kos" + "ten"). */
const MIN_COMPOUND = 7;
const MIN_HEAD = 4;
const MIN_MODIFIER = 4;
// Dutch joins compound parts with -s-, -en- or -e- ("vervoersdienst", "tolkendienst").
const LINKS = ['', 's', 'en', 'e'];

/**
 * Finds vocabulary concepts in a text of a given language: longest phrase first on stemmed, accent-folded
 * words (so "listes d'attente" and "waiting lists" reach the concept of "wachtlijst"), words of one
 * language matched only against that language's terms (so Dutch "drinken" never meets English
 * "drinking"), and Dutch compounds split into a head and a modifier the vocabulary marks as parts
 * ("ziekenhuisfactuur" -> factuur, "tolkendienst" -> tolk).
 */
export class ConceptMatcher {
  readonly concepts: readonly Concept[];
  private readonly stems = new Stems();
  private readonly phrases: Record<Language, Map<string, ConceptHit[]>> = { nl: new Map(), fr: new Map(), en: new Map() };
  /** For each language: first stem of a multi-word phrase -> the most words such a phrase has. */
  private readonly starts: Record<Language, Map<string, number>> = { nl: new Map(), fr: new Map(), en: new Map() };
  private readonly parts = new Map<string, ConceptHit[]>();
  private readonly compounds = new Map<string, ConceptHit[]>();

  constructor(concepts: readonly Concept[] = CONCEPTS) {
    this.concepts = concepts;
    concepts.forEach((c, index) => {
      for (const lang of ['nl', 'fr', 'en'] as const) {
        for (const term of c.terms[lang].related) this.add(lang, term, { concept: index, weight: RELATED });
        for (const term of c.terms[lang].core) this.add(lang, term, { concept: index, weight: CORE });
        for (const part of c.terms[lang].parts) {
          for (const form of new Set([fold(part.toLocaleLowerCase(lang)), this.stems.of(part.toLocaleLowerCase(lang), lang)])) {
            const hits = this.parts.get(form) ?? [];
            if (!hits.some((h) => h.concept === index)) hits.push({ concept: index, weight: PART });
            this.parts.set(form, hits);
          }
        }
      }
    });
    for (const lang of ['nl', 'fr', 'en'] as const) for (const phrase of IGNORED[lang]) this.phrases[lang].set(this.key(phrase, lang).key, []);
  }

  /** Calls `visit` for every concept occurrence in the text. */
  scan(text: string, language: Language, visit: (hit: ConceptHit) => void): void {
    const stems = words(text, language).map((w) => this.stems.of(w, language));
    const phrases = this.phrases[language];
    const starts = this.starts[language];
    for (let i = 0; i < stems.length; ) {
      let step = 0;
      const longest = Math.min(starts.get(stems[i]!) ?? 1, stems.length - i);
      for (let n = longest; n >= 1 && step === 0; n -= 1) {
        const hits = phrases.get(n === 1 ? stems[i]! : stems.slice(i, i + n).join(' '));
        if (hits) {
          for (const hit of hits) visit(hit);
          step = n;
        }
      }
      if (step === 0) {
        if (language === 'nl') for (const hit of this.compound(stems[i]!)) visit(hit);
        step = 1;
      }
      i += step;
    }
  }

  /** Weighted concept counts of a text, added into `into` (indexed like `concepts`). */
  score(text: string, language: Language, into: Float64Array, factor = 1): void {
    this.scan(text, language, (hit) => (into[hit.concept]! += hit.weight * factor));
  }

  private key(term: string, lang: Language): { key: string; length: number } {
    const stems = words(term, lang).map((w) => this.stems.of(w, lang));
    return { key: stems.join(' '), length: stems.length };
  }

  private add(lang: Language, term: string, hit: ConceptHit): void {
    const { key, length } = this.key(term, lang);
    if (length === 0) return;
    const hits = this.phrases[lang].get(key) ?? [];
    const same = hits.find((h) => h.concept === hit.concept);
    if (same) same.weight = Math.max(same.weight, hit.weight);
    else hits.push({ ...hit });
    this.phrases[lang].set(key, hits);
    if (length > 1) {
      const first = key.split(' ')[0]!;
      this.starts[lang].set(first, Math.max(this.starts[lang].get(first) ?? 1, length));
    }
  }

  private compound(stem: string): ConceptHit[] {
    if (stem.length < MIN_COMPOUND) return [];
    let hits = this.compounds.get(stem);
    if (hits) return hits;
    hits = [];
    for (let i = 3; i <= stem.length - MIN_HEAD; i += 1) {
      const head = this.parts.get(stem.slice(i));
      if (head) {
        hits.push(...head);
        break;
      }
    }
    for (let i = stem.length - 3; i >= MIN_MODIFIER; i -= 1) {
      const prefix = stem.slice(0, i);
      const link = LINKS.find((l) => prefix.endsWith(l) && this.parts.has(prefix.slice(0, prefix.length - l.length)));
      if (link !== undefined) {
        for (const hit of this.parts.get(prefix.slice(0, prefix.length - link.length))!) if (!hits.some((h) => h.concept === hit.concept)) hits.push(hit);
        break;
      }
    }
    this.compounds.set(stem, hits);
    return hits;
  }
}
