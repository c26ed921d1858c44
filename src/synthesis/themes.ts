import type { SynthesisSource } from '../core/synthesis.js';
import type { ConceptMatcher } from './text/concepts.js';

/** What one contribution talks about and asks for, in vocabulary concepts. */
export interface Profile {
  /** Weighted concept counts over all three fields (indexed like the matcher's concepts). */
  scores: Float64Array;
  /** Concepts (topics and asks) named in "what is needed" and "my idea": what this member asks for. */
  asks: Set<number>;
  /** Who it comes from, so a theme counts members rather than contributions. */
  member: string;
}

// The experience says what the theme is; an idea often reaches for a neighbouring topic (a carer's idea
// about transport is still a carer's story), so it weighs a little less.
const FIELD_WEIGHTS = { whatHappens: 1, whatIsNeeded: 1, idea: 0.75 } as const;

/** A contribution needs one core term, or two related ones, to belong to a theme; less is "other". */
export const MIN_SCORE = 2;
/** An alternative theme is taken only when it is at least this strong relative to the best one. */
const FALLBACK_SHARE = 0.5;
/**
 * Beyond this a board stops reading; smaller themes go to their next theme or to "other". Below it, one
 * member clearly speaking of a topic is a theme of one (a panel has about fifteen members), and the
 * statement says it rests on one member.
 */
export const MAX_THEMES = 10;

/**
 * The member a contribution counts for: the pseudonymous key when the caller gives one, the author's name
 * when it is shown, otherwise the contribution itself (an anonymous member cannot be recognised, so each
 * of their contributions counts once: an honest upper bound).
 */
export function memberOf(source: SynthesisSource): string {
  if (source.memberKey) return `k:${source.memberKey}`;
  if (source.attribution === 'named' && source.authorLabel) return `n:${source.authorLabel}`;
  return `c:${source.contributionId}`;
}

export function profile(source: SynthesisSource, matcher: ConceptMatcher): Profile {
  const scores = new Float64Array(matcher.concepts.length);
  const asks = new Set<number>();
  matcher.score(source.whatHappens, source.language, scores, FIELD_WEIGHTS.whatHappens);
  for (const [text, weight] of [[source.whatIsNeeded, FIELD_WEIGHTS.whatIsNeeded], [source.idea, FIELD_WEIGHTS.idea]] as const) {
    matcher.scan(text, source.language, (hit) => {
      scores[hit.concept]! += hit.weight * weight;
      asks.add(hit.concept);
    });
  }
  return { scores, asks, member: memberOf(source) };
}

export interface Theme {
  /** The topic concept the theme is about. */
  concept: number;
  /** Indexes into the profiles, in input order. */
  contributions: number[];
  members: number;
}

/**
 * Each contribution joins the topic it speaks of most. Beyond `MAX_THEMES`, the topics fewest members speak
 * of dissolve and their contributions move to their next topic when that is nearly as strong, or to
 * "other"; so do contributions that speak of no topic clearly (below `MIN_SCORE`). Ties go to
 * the topic more contributions speak of, then to vocabulary order, so the result never depends on input order.
 */
export function assignThemes(profiles: readonly Profile[], topics: readonly number[]): { themes: Theme[]; other: number[] } {
  const total = new Float64Array(profiles[0]?.scores.length ?? 0);
  for (const p of profiles) for (const c of topics) if (p.scores[c]! > 0) total[c]! += 1;
  const ranked = profiles.map((p) => {
    const candidates = topics.filter((c) => p.scores[c]! >= MIN_SCORE);
    candidates.sort((a, b) => p.scores[b]! - p.scores[a]! || total[b]! - total[a]! || a - b);
    return candidates;
  });
  const choice: number[] = ranked.map((r) => (r.length > 0 ? 0 : -1));
  const dissolved = new Set<number>();
  for (let round = 0; round < topics.length; round += 1) {
    const groups = group(profiles, ranked, choice);
    const kept = [...groups].sort((a, b) => b[1].members - a[1].members || a[0] - b[0]);
    const weak = kept.filter((_, rank) => rank >= MAX_THEMES).map(([c]) => c);
    if (weak.length === 0) break;
    for (const c of weak) dissolved.add(c);
    ranked.forEach((r, i) => {
      if (choice[i]! < 0) return;
      const current = r[choice[i]!]!;
      if (!dissolved.has(current)) return;
      const top = profiles[i]!.scores[r[0]!]!;
      const next = r.findIndex((c) => !dissolved.has(c) && profiles[i]!.scores[c]! >= top * FALLBACK_SHARE);
      choice[i] = next;
    });
  }
  const groups = group(profiles, ranked, choice);
  const themes = [...groups].map(([concept, g]) => ({ concept, contributions: g.contributions, members: g.members }));
  themes.sort((a, b) => b.members - a.members || b.contributions.length - a.contributions.length || a.concept - b.concept);
  const other = choice.flatMap((c, i) => (c < 0 ? [i] : []));
  return { themes, other };
}

function group(profiles: readonly Profile[], ranked: number[][], choice: number[]): Map<number, { contributions: number[]; members: number }> {
  const groups = new Map<number, { contributions: number[]; who: Set<string> }>();
  choice.forEach((c, i) => {
    if (c < 0) return;
    const concept = ranked[i]![c]!;
    const g = groups.get(concept) ?? { contributions: [], who: new Set<string>() };
    g.contributions.push(i);
    g.who.add(profiles[i]!.member);
    groups.set(concept, g);
  });
  return new Map([...groups].map(([k, g]) => [k, { contributions: g.contributions, members: g.who.size }]));
}

/** Distinct members among some contributions. */
export function countMembers(profiles: readonly Profile[], indexes: readonly number[]): number {
  return new Set(indexes.map((i) => profiles[i]!.member)).size;
}
