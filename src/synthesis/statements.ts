import type { SynthesisRequest } from '../core/synthesis.js';
import type { Language } from '../core/types.js';
import { t } from '../i18n/index.js';
import type { Concept } from './vocabulary/index.js';
import { MIN_SCORE, type Profile } from './themes.js';

/** A board reads the three most shared needs; more turns a statement into a list. */
const NEEDS_SHOWN = 3;

const LIST_LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export function list(language: Language, items: string[]): string {
  return new Intl.ListFormat(LIST_LOCALE[language], { style: 'long', type: 'conjunction' }).format(items);
}

function members(language: Language, count: number): string {
  return t(language, 'offline:members', { count });
}

/** "NL 5, FR 2, EN 2": which languages the theme was raised in, by member. */
function languages(request: SynthesisRequest, profiles: readonly Profile[], indexes: readonly number[]): string {
  const by = new Map<Language, Set<string>>();
  for (const i of indexes) {
    const lang = request.sources[i]!.language;
    by.set(lang, (by.get(lang) ?? new Set()).add(profiles[i]!.member));
  }
  return (['nl', 'fr', 'en'] as const).filter((l) => by.has(l)).map((l) => `${l.toUpperCase()} ${by.get(l)!.size}`).join(', ');
}

/** The panel's domains of experience the theme spans, most members first, in the reader's language. */
function domains(request: SynthesisRequest, profiles: readonly Profile[], indexes: readonly number[]): string[] {
  const by = new Map<string, Set<string>>();
  for (const i of indexes) for (const key of request.sources[i]!.domainKeys) by.set(key, (by.get(key) ?? new Set()).add(profiles[i]!.member));
  return [...by]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([key]) => request.domains.find((d) => d.key === key)?.label)
    .filter((label): label is string => !!label)
    .slice(0, NEEDS_SHOWN)
    .map((label, i) => (i === 0 ? label : lowerFirst(label)));
}

/**
 * The most shared needs: concepts members named in "what is needed" or "my idea", counted once per member
 * (a member who asks twice is one voice), whether or not the member may be quoted.
 */
export function topNeeds(profiles: readonly Profile[], indexes: readonly number[], concepts: readonly Concept[]): { concept: number; members: number }[] {
  const by = new Map<number, Set<string>>();
  for (const i of indexes) for (const c of profiles[i]!.asks) by.set(c, (by.get(c) ?? new Set()).add(profiles[i]!.member));
  const ranked = [...by]
    .map(([concept, who]) => ({ concept, members: who.size }))
    .sort((a, b) => b.members - a.members || kindOrder(concepts[a.concept]!) - kindOrder(concepts[b.concept]!) || a.concept - b.concept);
  const shared = ranked.filter((n) => n.members >= 2);
  return (shared.length > 0 ? shared : ranked).slice(0, shared.length > 0 ? NEEDS_SHOWN : 2);
}

// On a tie, a concrete ask ("a single point of contact") says more than a topic's general need.
const kindOrder = (c: Concept) => (c.kind === 'ask' ? 0 : 1);

function needsSentence(language: Language, needs: { concept: number; members: number }[], concepts: readonly Concept[]): string {
  if (needs.length === 0) return t(language, 'offline:needsOwnWords');
  const items = needs.map((n) => t(language, 'offline:need', { need: concepts[n.concept]!.need[language], members: members(language, n.members) }));
  return t(language, 'offline:needs', { needs: list(language, items) });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** What a theme's members live through and ask for, in the reader's language, from vocabulary phrasing only. */
export function themeText(request: SynthesisRequest, profiles: readonly Profile[], indexes: readonly number[], concept: Concept, concepts: readonly Concept[], memberCount: number): string {
  const lang = request.language;
  const parts = [
    t(lang, 'offline:experience', { count: memberCount, members: members(lang, memberCount), languages: languages(request, profiles, indexes), experience: concept.experience?.[lang] ?? '' }),
    needsSentence(lang, topNeeds(profiles, indexes, concepts), concepts),
  ];
  const spanned = domains(request, profiles, indexes);
  if (spanned.length > 0) parts.push(t(lang, 'offline:domains', { domains: list(lang, spanned) }));
  return parts.join(' ');
}

/**
 * The "other" statement: how many members, which topics they clearly speak of (a topic too few members
 * raised to make a theme, such as housing in a month about waiting lists), what they ask.
 */
export function otherText(request: SynthesisRequest, profiles: readonly Profile[], indexes: readonly number[], topics: readonly number[], concepts: readonly Concept[], memberCount: number): string {
  const lang = request.language;
  const parts = [t(lang, 'offline:otherExperience', { count: memberCount, members: members(lang, memberCount), languages: languages(request, profiles, indexes) })];
  const touched = topics.filter((c) => indexes.some((i) => profiles[i]!.scores[c]! >= MIN_SCORE)).slice(0, 3);
  if (touched.length > 0) parts.push(t(lang, 'offline:otherTopics', { topics: list(lang, touched.map((c) => lowerFirst(concepts[c]!.label![lang]))) }));
  const needs = topNeeds(profiles, indexes, concepts);
  if (needs.length > 0) parts.push(needsSentence(lang, needs, concepts));
  return parts.join(' ');
}
