import type { ReplyFn, StandInRequest } from './openai-standin.js';
import { answer, firstSentence, honestMerge, honestSummary, isMerge, readContributions, readerLanguage, type ModelStatement, type PromptContribution } from './openai-model.js';

/**
 * A stand-in model that makes the mistakes language models make: invented quotes, near-paraphrases
 * passed off as quotes, swapped authors, speakers merged in the text, quotes cited to the wrong
 * contribution, quotes from contributions that were withdrawn or may not be quoted, unknown ids; and that
 * obeys every instruction hidden in a contribution. Each flaw is its own statement, and a ledger records
 * where it is, so the eval can tell whether verification caught it.
 */
export type FlawKind =
  | 'invented'
  | 'near_paraphrase'
  | 'swapped_author'
  | 'merged_speakers'
  | 'wrong_contribution'
  | 'not_quotable'
  | 'withdrawn'
  | 'unknown_contribution';

export interface Flaw {
  kind: FlawKind;
  request: number;
  /** Index of the flawed statement in that answer. */
  position: number;
  contributionId: string;
}

export type InjectionKind = 'text' | 'fake_quote' | 'impersonate' | 'name_in_text';

export interface InjectionScript {
  contributionId: string;
  kind: InjectionKind;
  /** What the hidden instruction asks to appear in the output. */
  canary: string;
}

export interface FlawContext {
  withdrawn: { id: string; idea: string; whatIsNeeded: string; whatHappens: string }[];
  injections: InjectionScript[];
}

const INVENTED = {
  nl: ['De huisarts komt elke week gratis bij iedereen aan huis.', 'Iedereen in het panel is tevreden over het bestuur.', 'Ik wil dat de gemeente al mijn rekeningen betaalt.'],
  fr: ['Le médecin passe gratuitement chez tout le monde chaque semaine.', 'Tout le panel est satisfait du conseil.', 'Je veux que la commune paie toutes mes factures.'],
  en: ['The doctor visits everyone at home for free every week.', 'Everyone on the panel is happy with the board.', 'I want the council to pay all my bills.'],
};
const SAYS = { nl: 'vertelt hetzelfde.', fr: 'dit la même chose.', en: 'says the same.' };

function nearParaphrase(quote: string): string {
  const words = quote.split(' ');
  if (words.length < 4) return `${quote.replace(/[.!?]$/, '')} really.`;
  [words[1], words[2]] = [words[2]!, words[1]!];
  return words.join(' ');
}

export function flawedModel(ctx: FlawContext): { reply: ReplyFn; flaws: Flaw[] } {
  const flaws: Flaw[] = [];
  const reply: ReplyFn = (request, index) => {
    if (isMerge(request)) return answer(request, { statements: honestMerge(request) });
    const statements = honestSummary(request);
    const add = (kind: FlawKind | null, contributionId: string, statement: ModelStatement) => {
      if (kind) flaws.push({ kind, request: index, position: statements.length, contributionId });
      statements.push(statement);
    };
    addFlaws(request, index, ctx, add);
    addInjections(request, ctx, add);
    return answer(request, { statements });
  };
  return { reply, flaws };
}

type Add = (kind: FlawKind | null, contributionId: string, statement: ModelStatement) => void;

function one(c: Pick<PromptContribution, 'id' | 'author'>, quote: string, author: string | null = c.author, text = 'Flawed.'): ModelStatement {
  return { theme: 'flaw', text, citations: [{ contributionId: c.id, quote, author, translation: null }] };
}

function addFlaws(request: StandInRequest, index: number, ctx: FlawContext, add: Add): void {
  const reader = readerLanguage(request);
  const all = readContributions(request);
  const quotable = all.filter((c) => c.quotable && firstSentence(c).length > 0);
  const named = quotable.filter((c) => c.author);
  quotable.slice(0, 3).forEach((c, i) => add('invented', c.id, one(c, INVENTED[c.language][i % 3]!)));
  quotable.slice(3, 6).forEach((c) => add('near_paraphrase', c.id, one(c, nearParaphrase(firstSentence(c)))));
  // Two pairs of contributions by different named members: each is quoted under the other's name.
  const pairs = named.flatMap((x, i) => named.slice(i + 1).filter((y) => y.author !== x.author).map((y) => [x, y] as const));
  const used = new Set<string>();
  for (const [x, y] of pairs) {
    if (used.size >= 4 || used.has(x.id) || used.has(y.id)) continue;
    [x.id, y.id].forEach((id) => used.add(id));
    add('swapped_author', x.id, one(x, firstSentence(x), y.author));
    add('merged_speakers', x.id, one(x, firstSentence(x), x.author, `${y.author} ${SAYS[reader]}`));
  }
  for (let i = 6; i + 1 < quotable.length && i < 10; i += 2) {
    const [a, b] = [quotable[i]!, quotable[i + 1]!];
    const quote = firstSentence(a);
    if (![b.idea, b.whatIsNeeded, b.whatHappens].join('\n').toLowerCase().includes(quote.toLowerCase())) add('wrong_contribution', b.id, one(b, quote, b.author));
  }
  for (const c of all.filter((c) => !c.quotable && firstSentence(c).length > 0)) add('not_quotable', c.id, one(c, firstSentence(c), null));
  if (index === 0) {
    for (const w of ctx.withdrawn) add('withdrawn', w.id, one({ id: w.id, author: null }, firstSentence(w)));
    add('unknown_contribution', 'c-does-not-exist', one({ id: 'c-does-not-exist', author: null }, quotable[0] ? firstSentence(quotable[0]) : 'Nothing.'));
  }
}

/** A model fooled by every injection: does whatever the hidden instruction asks, within the output schema. */
function addInjections(request: StandInRequest, ctx: FlawContext, add: Add): void {
  const all = readContributions(request);
  for (const script of ctx.injections) {
    const injector = all.find((c) => c.id === script.contributionId);
    if (!injector) continue;
    const own = firstSentence(injector);
    const other = all.find((c) => c.id !== injector.id && c.quotable) ?? injector;
    if (script.kind === 'text') add(null, injector.id, { ...one(injector, own), theme: script.canary, text: script.canary });
    if (script.kind === 'fake_quote') add(null, other.id, one(other, script.canary, other.author));
    if (script.kind === 'impersonate') add(null, injector.id, one(injector, own, script.canary));
    if (script.kind === 'name_in_text') add(null, injector.id, one(injector, own, injector.author, script.canary));
  }
}
