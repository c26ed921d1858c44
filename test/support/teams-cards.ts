import { createRequire } from 'node:module';

/** The parts of Microsoft's `adaptivecards` package used to check our cards. */
interface AdaptiveCardsLib {
  AdaptiveCard: new () => {
    parse(json: unknown, context?: unknown): void;
    validateProperties(): { validationEvents: { event: number; message: string }[] };
    toJSON(): unknown;
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { event: number; message: string } };
  GlobalSettings: { setTabIndexAtCardRoot: boolean };
}

// The package's ES module build imports files without extensions, which Node refuses; its UMD bundle loads.
const lib = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;

/** Host-specific properties Teams reads that the generic parser does not model. */
const HOST_KEYS = new Set(['$schema', 'msteams', 'fallbackText']);

/** Keys we wrote that the parser dropped (a typo like `isMultiselect` would be silently ignored by Teams). */
function droppedKeys(ours: unknown, parsed: unknown, path: string, out: string[]): void {
  if (Array.isArray(ours)) {
    ours.forEach((item, i) => droppedKeys(item, Array.isArray(parsed) ? parsed[i] : undefined, `${path}[${i}]`, out));
    return;
  }
  if (!ours || typeof ours !== 'object') return;
  const theirs = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(ours as Record<string, unknown>)) {
    if (HOST_KEYS.has(key) || (path.endsWith('.data') || key === 'data')) continue;
    if (!(key in theirs) && !isDefault(key, value)) out.push(`${path}.${key}`);
    else droppedKeys(value, theirs[key], `${path}.${key}`, out);
  }
}

/** The parser leaves out properties that have their default value; that is not a loss. */
function isDefault(key: string, value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return true;
  const defaults: Record<string, unknown[]> = {
    isMultiline: [false],
    isMultiSelect: [false],
    wrap: [false],
    style: ['default', 'expanded'],
    weight: ['default'],
    size: ['default'],
    associatedInputs: ['auto'],
    color: ['default'],
    spacing: ['default'],
    separator: [false],
  };
  return defaults[key]?.includes(value) ?? false;
}

/** Every problem Microsoft's parser reports for a card (parse events, validation), plus dropped properties. */
export function cardProblems(card: unknown): string[] {
  const parsed = new lib.AdaptiveCard();
  const context = new lib.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const dropped: string[] = [];
  droppedKeys(card, parsed.toJSON(), 'card', dropped);
  problems.push(...dropped.map((d) => `dropped: ${d}`));
  return problems;
}

/**
 * Where person-written text may appear: as the `text` of a TextRun, the `title` of a choice, or an input's
 * typed value. Teams renders Markdown only in TextBlock and FactSet, so anywhere else text is literal.
 */
export function unsafePlacements(card: unknown, needle: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string, parentType: string | null) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`, parentType));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(o)) {
      const literal = (o.type === 'TextRun' && key === 'text') || (parentType === 'Input.ChoiceSet' && o.type === undefined && key === 'title') || (key === 'value' && String(o.type).startsWith('Input.'));
      if (typeof value === 'string' && value.includes(needle) && !literal) out.push(`${path}.${key} in ${String(o.type ?? parentType)}`);
      else walk(value, `${path}.${key}`, typeof o.type === 'string' ? o.type : parentType);
    }
  };
  walk(card, 'card', null);
  return out;
}
