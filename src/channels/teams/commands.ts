import { LANGUAGES, listIdeaRounds, type Actor, type CoreDeps, type Language } from '../../core/index.js';
import { loadCatalogs } from '../../i18n/index.js';
import type { Data } from './actions/types.js';

export const COMMANDS = ['home', 'help', 'language', 'tools', 'poll', 'question', 'summary', 'remind', 'members'] as const;
type Command = (typeof COMMANDS)[number];

/**
 * Typed words understood in any of the three languages (a Dutch speaker in a French-speaking team can still
 * type "hulp"): `teams:command.<name>` holds "word|synonym|..." per language.
 */
function keywords(): Map<string, Command> {
  const catalogs = loadCatalogs();
  const out = new Map<string, Command>();
  for (const lang of LANGUAGES) {
    const words = (catalogs[lang].teams as { command?: Record<string, string> } | undefined)?.command ?? {};
    for (const command of COMMANDS) for (const word of (words[command] ?? '').split('|')) if (word) out.set(word.toLowerCase(), command);
  }
  return out;
}

let known: Map<string, Command> | null = null;

/** Message text without mentions of the bot (in channels Teams prefixes "<at>Stemmen</at>"), lower-cased. */
export function cleanCommandText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim()
    .toLowerCase();
}

export interface Parsed {
  command: Command | null;
  argument: string;
}

export function parseCommand(text: string | undefined): Parsed {
  known ??= keywords();
  const [first = '', ...rest] = cleanCommandText(text).split(/\s+/);
  return { command: known.get(first.replace(/[!?.,]+$/, '')) ?? (first === '' ? 'home' : null), argument: rest.join(' ') };
}

const isFacilitator = (actor: Actor) => actor.role === 'facilitator' || actor.role === 'admin';

/** The card action a typed command stands for; role decides where "poll" or "question" lead. */
export async function commandAction(deps: CoreDeps, actor: Actor, parsed: Parsed): Promise<{ verb: string; data: Data }> {
  switch (parsed.command) {
    case 'home':
    case 'help':
    case 'members':
      return { verb: parsed.command, data: {} };
    case 'tools':
    case 'summary':
      return { verb: 'facilitator', data: {} };
    case 'remind':
      return { verb: 'reminders.send', data: {} };
    case 'language': {
      const wanted = LANGUAGES.find((l) => parsed.argument.startsWith(l)) as Language | undefined;
      return wanted ? { verb: 'language.set', data: { language: wanted } } : { verb: 'home', data: {} };
    }
    case 'poll':
      return { verb: isFacilitator(actor) ? 'poll.new' : 'home', data: {} };
    case 'question': {
      if (isFacilitator(actor)) return { verb: 'round.new', data: {} };
      const [latest] = (await listIdeaRounds(deps, actor, 'open')).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      return latest ? { verb: 'round.contribute', data: { roundId: latest.id } } : { verb: 'home', data: {} };
    }
    case null:
      return { verb: 'help', data: { unknown: true } };
  }
}
