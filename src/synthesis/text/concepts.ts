import type { Language } from '../../core/types.js';
import { CONCEPTS, IGNORED, type Concept } from '../vocabulary/index.js';
import { fold, Stems, words } from './words.js';

type Trie = Map<string, TrieNode>;
interface TrieNode {
  /** Concepts of the phrase ending here; [] for an ignored phrase, null when no phrase ends here. */
  hits: ConceptHit[] | null;
  next: Trie | undefined;
}

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
  /** Per language, a trie of stemmed phrases: walking it needs no string building per word. */
  private readonly phrases: Record<Language, Trie> = { nl: new Map(), fr: new Map(), en: new Map() };
  private readonly parts = new Map<string, ConceptHit[]>();
  private readonly compounds = new Map<string, ConceptHit[]>();

  constructor(concepts: readonly Concept[] = CONCEPTS) {
    this.concepts = concepts;
    concepts.forEach((c, index) => {
      for (const lang of ['nl', 'fr', 'en'] as const) {
        for (const term of c.terms[lang].related) this.add(lang, term, { concept: index, weight: RELATED });
        for (const term of c.terms[lang].core) this.add(lang, term, { concept: index, weight: CORE });
        for (const part of c.terms[lang].parts) {
          for (const form of new Set([fold(part.toLowerCase()), this.stems.of(part.toLowerCase(), lang)])) {
            const hits = this.parts.get(form) ?? [];
            if (!hits.some((h) => h.concept === index)) hits.push({ concept: index, weight: PART });
            this.parts.set(form, hits);
          }
        }
      }
    });
    for (const lang of ['nl', 'fr', 'en'] as const) for (const phrase of IGNORED[lang]) this.node(lang, phrase).hits = [];
  }

  /** Calls `visit` for every concept occurrence in the text. */
  scan(text: string, language: Language, visit: (hit: ConceptHit) => void): void {
    const stems = words(text).map((w) => this.stems.of(w, language));
    const root = this.phrases[language];
    for (let i = 0; i < stems.length; ) {
      // Longest phrase starting here: walk the trie as far as the words allow, remember the last match.
      let step = 0;
      let hits: ConceptHit[] | null = null;
      let level: Trie | undefined = root;
      for (let j = i; level && j < stems.length; j += 1) {
        const node: TrieNode | undefined = level.get(stems[j]!);
        if (!node) break;
        if (node.hits) [hits, step] = [node.hits, j - i + 1];
        level = node.next;
      }
      if (hits) for (const hit of hits) visit(hit);
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

  private node(lang: Language, term: string): TrieNode {
    let level = this.phrases[lang];
    let node: TrieNode | undefined;
    for (const stem of words(term).map((w) => this.stems.of(w, lang))) {
      node = level.get(stem) ?? { hits: null, next: undefined };
      level.set(stem, node);
      level = node.next ??= new Map();
    }
    if (!node) throw new Error(`vocabulary term without letters: "${term}"`);
    return node;
  }

  private add(lang: Language, term: string, hit: ConceptHit): void {
    const node = this.node(lang, term);
    const hits = (node.hits ??= []);
    const same = hits.find((h) => h.concept === hit.concept);
    if (same) same.weight = Math.max(same.weight, hit.weight);
    else hits.push({ ...hit });
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
