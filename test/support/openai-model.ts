import type { ReplyFn, StandInRequest } from './openai-standin.js';
import { completion } from './openai-standin.js';

/** A contribution as the prompt carries it (one JSON line in the data block). */
export interface PromptContribution {
  id: string;
  language: 'nl' | 'fr' | 'en';
  author: string | null;
  quotable: boolean;
  domains: string[];
  whatHappens: string;
  whatIsNeeded: string;
  idea: string;
}

export interface ModelStatement {
  theme: string;
  text: string;
  citations: { contributionId: string; quote: string; author: string | null; translation: string | null }[];
}

function block(request: StandInRequest, tag: string): string[] {
  const user = request.body.messages.find((m) => m.role === 'user')?.content ?? '';
  const match = new RegExp(`<${tag} id="([0-9a-f]+)">\\n([\\s\\S]*?)\\n?</${tag} id="\\1">`).exec(user);
  return match?.[2] ? match[2].split('\n').filter((line) => line.trim().length > 0) : [];
}

export function readContributions(request: StandInRequest): PromptContribution[] {
  return block(request, 'contributions').map((line) => JSON.parse(line) as PromptContribution);
}

export function readPartials(request: StandInRequest): { id: string; theme: string; text: string }[] {
  return block(request, 'partials').map((line) => JSON.parse(line) as { id: string; theme: string; text: string });
}

export function readerLanguage(request: StandInRequest): 'nl' | 'fr' | 'en' {
  const system = request.body.messages.find((m) => m.role === 'system')?.content ?? '';
  return /"text" in French/.test(system) ? 'fr' : /"text" in Dutch/.test(system) ? 'nl' : 'en';
}

export function isMerge(request: StandInRequest): boolean {
  return request.body.response_format?.json_schema?.name === 'merge';
}

/** The first sentence of the first non-empty field, verbatim: what an honest model would quote. */
export function firstSentence(c: Pick<PromptContribution, 'idea' | 'whatIsNeeded' | 'whatHappens'>): string {
  const field = [c.idea, c.whatIsNeeded, c.whatHappens].find((f) => f.trim().length > 0) ?? '';
  return (field.split(/(?<=[.!?])\s+/)[0] ?? '').trim();
}

const TEXT = { nl: 'Leden delen ervaringen hierover.', fr: 'Des membres partagent leur vécu à ce sujet.', en: 'Members share experiences about this.' };

/** What a careful model would answer: one statement per first domain, one verbatim quote per quotable contribution. */
export function honestSummary(request: StandInRequest): ModelStatement[] {
  const reader = readerLanguage(request);
  const groups = new Map<string, PromptContribution[]>();
  for (const c of readContributions(request)) {
    const key = c.domains[0] ?? 'other';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([theme, members]) => ({
    theme,
    text: TEXT[reader],
    citations: members
      .filter((c) => c.quotable && firstSentence(c).length > 0)
      .map((c) => ({ contributionId: c.id, quote: firstSentence(c), author: c.author, translation: c.language === reader ? null : `(${reader}) ${firstSentence(c)}` })),
  }));
}

export function honestMerge(request: StandInRequest): { theme: string; text: string; parts: string[] }[] {
  const byTheme = new Map<string, { theme: string; text: string; parts: string[] }>();
  for (const p of readPartials(request)) {
    const entry = byTheme.get(p.theme) ?? { theme: p.theme, text: p.text, parts: [] };
    entry.parts.push(p.id);
    byTheme.set(p.theme, entry);
  }
  return [...byTheme.values()];
}

/** Token counts the way a provider reports them (roughly four characters a token). */
export function answer(request: StandInRequest, payload: unknown) {
  const content = JSON.stringify(payload);
  const promptChars = request.body.messages.reduce((sum, m) => sum + m.content.length, 0);
  return completion(content, { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(content.length / 4) });
}

/** A stand-in model that answers honestly; `extra` may add statements to each summary answer. */
export function honestModel(extra: (request: StandInRequest, index: number) => ModelStatement[] = () => []): ReplyFn {
  return (request, index) =>
    isMerge(request)
      ? answer(request, { statements: honestMerge(request) })
      : answer(request, { statements: [...honestSummary(request), ...extra(request, index)] });
}
