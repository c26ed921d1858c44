import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthesisRequest, SynthesisSource } from '../src/core/synthesis.js';
import type { Attribution, Language } from '../src/core/types.js';
import { DEFAULT_DOMAINS } from '../src/core/seed-demo.js';
import type { InjectionKind } from '../test/support/openai-flawed.js';

export interface FixtureContribution {
  id: string;
  language: Language;
  author: string | null;
  attribution: Attribution;
  domains: string[];
  whatHappens: string;
  whatIsNeeded: string;
  idea: string;
  status: 'live' | 'withdrawn';
  paraphraseOf?: string;
  personalData?: boolean;
  injection?: { kind: InjectionKind; canary: string };
  /** Pseudonym of the member (hand-labelled sets): near-duplicates by one member count as one member. */
  member?: string;
  /** The facilitator's theme (hand-labelled sets). */
  theme?: string;
}

export interface Corpus {
  question: Record<Language, string>;
  contributions: FixtureContribution[];
}

const FIXTURES = join(import.meta.dirname, '../test/fixtures/contributions');

export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(join(FIXTURES, 'corpus.json'), 'utf8')) as Corpus;
}

/**
 * A hand-labelled set for the offline themes: `themes.json` (written for it: eight themes with members in
 * every language), `holdout-themes.json` (written after the vocabulary was fixed, and never used to change
 * it), or the original corpus with labels added afterwards (`corpus-themes.json`).
 */
export function loadLabelled(name: 'themes' | 'holdout' | 'corpus'): { corpus: Corpus; truth: Record<string, string> } {
  if (name !== 'corpus') {
    const corpus = JSON.parse(readFileSync(join(FIXTURES, name === 'themes' ? 'themes.json' : 'holdout-themes.json'), 'utf8')) as Corpus;
    return { corpus, truth: Object.fromEntries(corpus.contributions.filter((c) => c.theme).map((c) => [c.id, c.theme!])) };
  }
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'corpus-themes.json'), 'utf8')) as { themes: Record<string, string> };
  return { corpus: loadCorpus(), truth: labels.themes };
}

export function toSource(c: FixtureContribution): SynthesisSource {
  return {
    contributionId: c.id,
    whatHappens: c.whatHappens,
    whatIsNeeded: c.whatIsNeeded,
    idea: c.idea,
    language: c.language,
    attribution: c.attribution,
    authorLabel: c.attribution === 'named' ? c.author : null,
    domainKeys: c.domains,
    memberKey: c.member ?? null,
  };
}

/** The request draftSummary would make: live contributions only, the panel's domains in the reader's language. */
export function requestFor(corpus: Corpus, language: Language): SynthesisRequest {
  return {
    language,
    question: corpus.question[language],
    sources: corpus.contributions.filter((c) => c.status === 'live').map(toSource),
    domains: DEFAULT_DOMAINS.map((d) => ({ key: d.key, label: d.labels[language] })),
  };
}

export function withdrawnIds(corpus: Corpus): Set<string> {
  return new Set(corpus.contributions.filter((c) => c.status === 'withdrawn').map((c) => c.id));
}
