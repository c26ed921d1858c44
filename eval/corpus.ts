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
}

export interface Corpus {
  question: Record<Language, string>;
  contributions: FixtureContribution[];
}

const PATH = join(import.meta.dirname, '../test/fixtures/contributions/corpus.json');

export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(PATH, 'utf8')) as Corpus;
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
