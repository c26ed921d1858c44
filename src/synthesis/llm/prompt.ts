import { createHash } from 'node:crypto';
import { mergePrompt } from '../../../prompts/merge.js';
import { summarisePrompt } from '../../../prompts/summarise.js';
import type { SynthesisSource } from '../../core/synthesis.js';
import type { Language } from '../../core/types.js';

export interface RenderedPrompt {
  system: string;
  user: string;
  version: string;
}

export const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch (Nederlands)', fr: 'French (français)', en: 'English' };

/** Fills {{name}} placeholders; a missing or unused value is a bug in the template, so it throws. */
export function fill(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const out = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`prompt values not used: ${unused.join(', ')}`);
  return out;
}

/**
 * Data lines are JSON (quotes and line breaks escaped, so a member cannot start a new record) and the
 * block is closed by a tag carrying a hash of its own content, which text inside the block cannot predict.
 */
function boundaryOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** One contribution as a data line: only what the model needs (no member ids, no names of anonymous authors). */
export function contributionLine(source: SynthesisSource): string {
  return JSON.stringify({
    id: source.contributionId,
    language: source.language,
    author: source.attribution === 'named' ? source.authorLabel : null,
    quotable: source.attribution !== 'no_quote',
    domains: source.domainKeys,
    whatHappens: source.whatHappens,
    whatIsNeeded: source.whatIsNeeded,
    idea: source.idea,
  });
}

export interface SummariseInput {
  language: Language;
  question: string;
  domains: { key: string; label: string }[];
  sources: SynthesisSource[];
  maxThemes: number;
}

/** Pure: the same input always gives the same prompt. */
export function renderSummarisePrompt(input: SummariseInput): RenderedPrompt {
  const contributions = input.sources.map(contributionLine).join('\n');
  const question = JSON.stringify(input.question);
  const boundary = boundaryOf(question, contributions);
  const system = fill(summarisePrompt.system, {
    boundary,
    maxThemes: String(input.maxThemes),
    readerLanguage: LANGUAGE_NAMES[input.language],
    readerLanguageCode: input.language,
    domains: input.domains.map((d) => `${d.key} (${d.label})`).join(', ') || '-',
  });
  const user = fill(summarisePrompt.user, { boundary, question, contributions });
  return { system, user, version: summarisePrompt.version };
}

export interface PartialStatement {
  ref: string;
  theme: string;
  text: string;
}

export function renderMergePrompt(input: { language: Language; question: string; partials: PartialStatement[]; maxThemes: number }): RenderedPrompt {
  const partials = input.partials.map((p) => JSON.stringify({ id: p.ref, theme: p.theme, text: p.text })).join('\n');
  const question = JSON.stringify(input.question);
  const boundary = boundaryOf(question, partials);
  const system = fill(mergePrompt.system, { boundary, maxThemes: String(input.maxThemes), readerLanguage: LANGUAGE_NAMES[input.language] });
  const user = fill(mergePrompt.user, { boundary, question, partials });
  return { system, user, version: mergePrompt.version };
}

export const PROMPT_VERSIONS = { summarise: summarisePrompt.version, merge: mergePrompt.version } as const;
