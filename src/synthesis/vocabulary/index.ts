import type { Language } from '../../core/types.js';
import asks from './asks.json' with { type: 'json' };
import topics from './topics.json' with { type: 'json' };

type PerLanguage<T> = Partial<Record<Language, T>>;

interface ConceptData {
  key: string;
  label?: Record<Language, string>;
  experience?: Record<Language, string>;
  need: Record<Language, string>;
  core: PerLanguage<string[]>;
  related?: PerLanguage<string[]>;
  parts?: PerLanguage<string[]>;
}

/**
 * A care-and-welfare concept with its words in Dutch, French and English. Topics are what members talk
 * about (they form themes); asks are kinds of help (waiting lists have none, "a single point of contact"
 * cuts across themes) and only describe needs.
 */
export interface Concept {
  key: string;
  kind: 'topic' | 'ask';
  label: Record<Language, string> | null;
  experience: Record<Language, string> | null;
  need: Record<Language, string>;
  terms: Record<Language, { core: string[]; related: string[]; parts: string[] }>;
}

/** Both files carry a version; a change to either shows in `VOCABULARY_VERSION`, so an eval run can name the vocabulary it measured. */
export const VOCABULARY_VERSION = `topics ${topics.version}, asks ${asks.version}`;

const LANGS: Language[] = ['nl', 'fr', 'en'];

function concept(data: ConceptData, kind: Concept['kind']): Concept {
  const per = (field: PerLanguage<string[]> | undefined, lang: Language) => field?.[lang] ?? [];
  return {
    key: data.key,
    kind,
    label: data.label ?? null,
    experience: data.experience ?? null,
    need: data.need,
    terms: Object.fromEntries(LANGS.map((lang) => [lang, { core: per(data.core, lang), related: per(data.related, lang), parts: per(data.parts, lang) }])) as Concept['terms'],
  };
}

export const CONCEPTS: readonly Concept[] = [
  ...(topics.concepts as ConceptData[]).map((c) => concept(c, 'topic')),
  ...(asks.concepts as ConceptData[]).map((c) => concept(c, 'ask')),
];

/** Phrases that look like a concept but are not ("wachtzaal", "salle d'attente", "waiting room"). */
export const IGNORED: Record<Language, string[]> = { nl: topics.ignore.nl, fr: topics.ignore.fr, en: topics.ignore.en };
