import type { Language } from '../../types.js';
import type { Finding } from '../guard.js';
import { COMPOUND_HEADS, HEALTH_STEMS, HEALTH_WORDS } from '../lexicon/health.js';
import { FIRST_NAMES, NOT_NAMES, PROFESSIONALS, RELATIONS, TITLES } from '../lexicon/people.js';
import { sentencesOf, tokensOf, type Token } from './sentences.js';

/**
 * A third party's name together with a health detail ("mijn buurvrouw Maria heeft kanker"). The member
 * may tell their own story; naming someone else's illness is what the guard stops. The finding covers
 * the name only, so "let the bot redact" keeps the experience and drops who it was about.
 *
 * A heuristic, by nature: a name is a capitalised word after a relation or a form of address, a known
 * first name, a run of two or more capitalised words inside a sentence, or a capitalised word directly
 * followed by a verb that takes a person as subject. It counts when a health word sits in the same
 * sentence, or in the next one when that sentence refers back to a person (hij, elle, she...).
 * `language` is accepted for the future; today all three lexicons apply because members mix languages.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Accents folded away on both sides, so "diabétique", "diabetique" and "diabète" meet the stem "diabet". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const alternatives = (words: readonly string[]) => [...new Set(words.map(fold))].map(escape).join('|');
const HEALTH = new RegExp(
  String.raw`(?:${alternatives(COMPOUND_HEADS)})|(?<![\p{L}\p{N}])(?:(?:${alternatives(HEALTH_STEMS)})|(?:${alternatives(HEALTH_WORDS)})(?![\p{L}\p{N}]))`,
  'iu',
);
/** Whether a text names a health detail (accents aside; Dutch compounds such as "longkanker" included). */
export const mentionsHealth = (text: string): boolean => HEALTH.test(fold(text));
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'vander', 'vanden', 'le', 'la', 'du', 'des', 'el', 'ben', 'von', 'di', 'da', 'dos', 'ter', 'ten', "d'", 'mc']);
const PERSON_VERBS = new Set(
  `heeft had is was zit zat lijdt leed kreeg krijgt drinkt dronk gebruikt neemt nam moest moet werd wordt
  ligt lag overleed stierf kampt sukkelt a avait est était souffre souffrait prend prenait boit buvait
  vit doit devait has suffers suffered takes took drinks drank got gets died lives uses needs`.split(/\s+/),
);
const BACK_REFERENCES = /(?<![\p{L}])(?:hij|zij|ze|hem|haar|il|elle|lui|he|she|him|her)(?![\p{L}])/iu;
const RELATION_SET = new Set(RELATIONS);
const TITLE_SET = new Set(TITLES);
const PROFESSIONAL_SET = new Set(PROFESSIONALS);
const CONTEXT_WORDS = new Set([...RELATIONS, ...TITLES, ...PROFESSIONALS]);
/** "Wardje, die ...", "Kelly, qui ...": a relative pronoun for people follows a person's name. */
const WHO = new Set(['die', 'qui', 'who']);
const POSSESSIVES = new Set(['mijn', "m'n", 'onze', 'ons', 'zijn', 'haar', 'mon', 'ma', 'notre', 'son', 'sa', 'my', 'our', 'his', 'her', 'their']);

export function findThirdPartyHealth(text: string, _language?: Language): Finding[] {
  const sentences = sentencesOf(text);
  const health = sentences.map((s) => mentionsHealth(text.slice(s.start, s.end)));
  const findings: Finding[] = [];
  sentences.forEach((sentence, i) => {
    const next = sentences[i + 1];
    const nextRefersBack = next !== undefined && health[i + 1] === true && BACK_REFERENCES.test(text.slice(next.start, next.end));
    if (!health[i] && !nextRefersBack) return;
    for (const name of namesIn(text.slice(sentence.start, sentence.end))) {
      const span = { start: sentence.start + name.start, end: sentence.start + name.end };
      findings.push({ category: 'third_party_health', span, why: 'name_with_health_detail' });
    }
  });
  return findings;
}

interface NameSpan {
  start: number;
  end: number;
}

/** Person names in one sentence, by the rules above. */
export function namesIn(sentence: string): NameSpan[] {
  const tokens = tokensOf(sentence);
  const names: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = capitalisedRun(tokens, i);
    if (!run) {
      i += 1;
      continue;
    }
    const first = tokens[run.from] as Token;
    const last = tokens[run.to] as Token;
    if (isName(sentence, tokens, run.from, run.to)) names.push({ start: first.start, end: last.end });
    i = run.to + 1;
  }
  return names;
}

const isCapitalised = (word: string) => /^\p{Lu}[\p{Ll}'’]/u.test(word);

/** A run of capitalised words, with particles allowed inside (Jan Van den Broeck, Karim El Amrani). */
function capitalisedRun(tokens: Token[], from: number): { from: number; to: number } | null {
  const head = tokens[from]?.word ?? '';
  // "Mevrouw Janssens", "Buurvrouw Maria": the form of address is context, not part of the name.
  // A capitalised stopword ("Onze Kevin", "Mais Karim") is not part of the name either.
  if (!isCapitalised(head) || CONTEXT_WORDS.has(head.toLowerCase()) || NOT_NAMES.has(head.toLowerCase())) return null;
  let to = from;
  let j = from + 1;
  while (j < tokens.length) {
    const word = tokens[j]?.word ?? '';
    if (isCapitalised(word) && !NOT_NAMES.has(word.toLowerCase())) to = j;
    else if (!PARTICLES.has(word.toLowerCase())) break;
    j += 1;
  }
  return { from, to };
}

function isName(sentence: string, tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to + 1).map((t) => t.word);
  const previous = (tokens[from - 1]?.word ?? '').toLowerCase();
  if (PROFESSIONAL_SET.has(previous)) return false;
  if (RELATION_SET.has(previous) || TITLE_SET.has(previous)) return !mentionsHealth(words.join(' '));
  const head = (words[0] ?? '').replace(/['’]s$/u, '');
  if (FIRST_NAMES.has(head)) return true;
  if (words.some((w) => NOT_NAMES.has(w.toLowerCase()) || mentionsHealth(w))) return false;
  const atStart = from === 0;
  const capitals = words.filter(isCapitalised).length;
  if (!atStart && capitals >= 2) return true;
  // A lone capitalised word is a name only when a person-verb follows ("Wardje drinkt", "Kelly a").
  const next = (tokens[to + 1]?.word ?? '').toLowerCase();
  // "Liam, my flatmate, ...": a relation after a comma says it is a person ("Bel mijn buurman" is not).
  const comma = sentence.slice(tokens[to]?.end ?? 0, tokens[to + 1]?.start ?? 0).includes(',');
  const apposition = comma && POSSESSIVES.has(next) && RELATION_SET.has((tokens[to + 2]?.word ?? '').toLowerCase());
  return PERSON_VERBS.has(next) || WHO.has(next) || apposition;
}
