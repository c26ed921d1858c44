import type { DraftCitation, DraftStatement, SynthesisRequest, SynthesisResult, SynthesisSource, Synthesizer } from '../core/synthesis.js';
import { contributionText } from '../core/synthesis.js';
import { t } from '../i18n/index.js';
import { otherText, themeText } from './statements.js';
import { similarity } from './text/similarity.js';
import { ConceptMatcher } from './text/concepts.js';
import { pickQuote } from './text/sentences.js';
import { TermExtractor } from './text/terms.js';
import { assignThemes, countMembers, MIN_SCORE, profile, type Profile } from './themes.js';

/** Enough quotes for the board to hear several voices per theme, few enough to read and to ask consent for. */
const QUOTES_PER_THEME = 8;
/** "Other" holds unrelated experiences, so no quote stands for another: it may quote more of them. */
const QUOTES_IN_OTHER = 2 * QUOTES_PER_THEME;
/** Worth one strong vocabulary term: an experience sentence that names the theme beats an idea that names it a little more. */
const EXPERIENCE_FIRST = 2_000;
/** Two answers this alike (shared stems) say the same thing: quote one of them. */
const NEAR_PARAPHRASE = 0.6;

/** One offline theme: the statement a board reads, and the contributions it rests on (for evaluation). */
export interface OfflineTheme {
  /** Vocabulary concept key, or null for "other". */
  concept: string | null;
  contributionIds: string[];
  members: number;
  statement: DraftStatement;
}

/**
 * Offline synthesis: no model, no network, deterministic. Contributions are mapped to concepts of a
 * care-and-welfare vocabulary in Dutch, French and English (src/synthesis/vocabulary), so "wachtlijst",
 * "liste d'attente" and "waiting list" meet in one theme; each theme says, in the reader's language, what
 * its members live through and the needs most of them share, counted per member, and quotes its most
 * typical quotable contributions verbatim. Contributions that fit no theme well are "other". Same output
 * shape as the model, so verification, facts and consent work without a key.
 */
export class OfflineSynthesizer implements Synthesizer {
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    return { ok: true, generator: 'offline', promptVersion: null, model: null, tokensIn: 0, tokensOut: 0, statements: offlineStatements(request) };
  }
}

export function offlineStatements(request: SynthesisRequest): DraftStatement[] {
  return offlineThemes(request).map((theme) => theme.statement);
}

let shared: ConceptMatcher | null = null;

export function offlineThemes(request: SynthesisRequest): OfflineTheme[] {
  const matcher = (shared ??= new ConceptMatcher());
  const concepts = matcher.concepts;
  const topics = concepts.flatMap((c, i) => (c.kind === 'topic' ? [i] : []));
  const profiles = request.sources.map((source) => profile(source, matcher));
  const { themes, other } = assignThemes(profiles, topics);
  const quoting = new Quoting(request.sources, profiles, matcher);
  const out: OfflineTheme[] = themes.map((theme) => {
    const concept = concepts[theme.concept]!;
    const statement: DraftStatement = {
      theme: concept.label![request.language],
      text: themeText(request, profiles, theme.contributions, concept, concepts, theme.members),
      citations: quoting.representatives(theme.contributions, theme.concept),
    };
    return { concept: concept.key, contributionIds: ids(request.sources, theme.contributions), members: theme.members, statement };
  });
  if (other.length > 0) {
    const memberCount = countMembers(profiles, other);
    const byTouch = [...topics].sort((a, b) => touching(profiles, other, b) - touching(profiles, other, a) || a - b);
    const statement: DraftStatement = {
      theme: t(request.language, 'offline:other'),
      text: otherText(request, profiles, other, byTouch, concepts, memberCount),
      citations: quoting.representatives(other, null),
    };
    out.push({ concept: null, contributionIds: ids(request.sources, other), members: memberCount, statement });
  }
  return out;
}

const ids = (sources: readonly SynthesisSource[], indexes: readonly number[]) => indexes.map((i) => sources[i]!.contributionId);
const touching = (profiles: readonly Profile[], indexes: readonly number[], c: number) => indexes.filter((i) => profiles[i]!.scores[c]! >= MIN_SCORE).length;

/**
 * Chooses quotes: the contributions that speak most of the theme first, skipping members who asked not to
 * be quoted and near-paraphrases of a quote already chosen (the same member posting twice, or two members
 * saying the same thing); from each, the sentence that names the theme most, verbatim.
 */
class Quoting {
  private readonly extractor = new TermExtractor();
  private readonly stems = new Map<number, Set<string>>();

  constructor(
    private readonly sources: readonly SynthesisSource[],
    private readonly profiles: readonly Profile[],
    private readonly matcher: ConceptMatcher,
  ) {}

  representatives(indexes: readonly number[], concept: number | null): DraftCitation[] {
    const weight = (i: number) => (concept === null ? 0 : this.profiles[i]!.scores[concept]!);
    const ranked = indexes.filter((i) => this.sources[i]!.attribution !== 'no_quote').sort((a, b) => weight(b) - weight(a) || a - b);
    const limit = concept === null ? QUOTES_IN_OTHER : QUOTES_PER_THEME;
    const chosen: number[] = [];
    const citations: DraftCitation[] = [];
    for (const i of ranked) {
      if (citations.length >= limit) break;
      const mine = this.stemsOf(i);
      if (chosen.some((other) => similarity(this.stemsOf(other), mine) >= NEAR_PARAPHRASE)) continue;
      const source = this.sources[i]!;
      // The statement says what members ask for; the first quote lets one of them say what happened.
      const experience = citations.length === 0 ? EXPERIENCE_FIRST : 0;
      const quote = pickQuote(source, (sentence) => this.relevance(sentence, source, concept) * 1000 + (source.whatHappens.includes(sentence) ? experience : 0) + Math.min(sentence.length, 280));
      if (!quote) continue;
      chosen.push(i);
      citations.push({ contributionId: source.contributionId, quote, authorLabel: source.authorLabel });
    }
    return citations;
  }

  private relevance(sentence: string, source: SynthesisSource, concept: number | null): number {
    if (concept === null) return 0;
    let hits = 0;
    this.matcher.scan(sentence, source.language, (hit) => (hits += hit.concept === concept ? hit.weight : 0));
    return hits;
  }

  private stemsOf(i: number): Set<string> {
    let stems = this.stems.get(i);
    if (!stems) {
      const source = this.sources[i]!;
      stems = new Set(this.extractor.terms(contributionText(source), source.language).map((term) => term.stem));
      this.stems.set(i, stems);
    }
    return stems;
  }
}
