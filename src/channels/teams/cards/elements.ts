/**
 * Adaptive Card building blocks (schema 1.5, what Teams renders).
 *
 * Safety rule: text that a person wrote (poll questions, contributions, quotes, names, board answers) only ever
 * goes into a `TextRun`. Teams renders Markdown in `TextBlock` and `FactSet`, so `[x](https://evil)` there would
 * become a disguised link; a `TextRun` is shown literally, and `<at>` only mentions someone when the message
 * carries a mention entity, which we never add. `TextBlock` is used for our own catalog text only.
 */
export type CardElement = { type: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement };
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

export type Verb = string;
export type ActionData = Record<string, string | number | boolean | null>;

// Bidirectional overrides and isolates can make text read differently from what it is ("gnp.exe"-style tricks).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** What a person wrote, made safe to show: no direction tricks, never empty (an empty TextRun is invalid). */
export function clean(text: string): string {
  const cleaned = text.replace(BIDI_CONTROLS, '');
  return cleaned.length > 0 ? cleaned : ' ';
}

interface RunStyle {
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  subtle?: boolean;
  italic?: boolean;
}

function run(text: string, style: RunStyle = {}): CardElement {
  const { subtle, ...rest } = style;
  return { type: 'TextRun', text: clean(text), ...rest, ...(subtle ? { isSubtle: true } : {}) };
}

/** A paragraph of literal text (person-written or interpolated with person-written values). */
export function say(text: string, style: RunStyle = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [run(text, style)] };
}

/** A label followed by literal text on one line, e.g. "Your vote: " + option label. */
export function labelled(label: string, value: string): CardElement {
  return { type: 'RichTextBlock', inlines: [run(label, { weight: 'bolder' }), run(' '), run(value)] };
}

/** A heading of our own catalog text (TextBlock gives screen readers a heading role). */
export function heading(catalogText: string, level: 'large' | 'medium' = 'large'): CardElement {
  return { type: 'TextBlock', text: catalogText, style: 'heading', size: level, weight: 'bolder', wrap: true };
}

/** Our own catalog text, e.g. an explanation. Never pass person-written text here (see the rule above). */
export function note(catalogText: string, opts: { subtle?: boolean; color?: RunStyle['color'] } = {}): CardElement {
  return { type: 'TextBlock', text: catalogText, wrap: true, ...(opts.subtle ? { isSubtle: true } : {}), ...(opts.color ? { color: opts.color } : {}) };
}

/** A status line for what just happened ("Your vote is saved") or went wrong (the member's language). */
export function banner(message: string, kind: 'good' | 'attention', title?: string): CardElement {
  const items = title ? [say(title, { weight: 'bolder' }), say(message)] : [say(message, { weight: 'bolder' })];
  return { type: 'Container', style: kind === 'good' ? 'good' : 'attention', items };
}

/**
 * A quoted contribution; `label` says whose words they are (never a name for anonymous quotes). A
 * translation of the quote goes under it, after its catalog label ("Translation, not word for word:").
 */
export function quote(text: string, label: string | null, mine = false, translation?: { label: string; text: string } | null): CardElement {
  const items = [say(text, { italic: true })];
  if (translation) {
    items.push({ type: 'RichTextBlock', inlines: [run(`${translation.label} `, { subtle: true, weight: 'bolder' }), run(translation.text)] });
  }
  if (label) items.push(say(label, { subtle: true, size: 'small' }));
  return { type: 'Container', style: mine ? 'accent' : 'emphasis', items };
}

export function section(items: CardElement[], opts: { separator?: boolean; id?: string; hidden?: boolean } = {}): CardElement {
  return {
    type: 'Container',
    items,
    spacing: 'medium',
    ...(opts.separator ? { separator: true } : {}),
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.hidden ? { isVisible: false } : {}),
  };
}

/** Shows or hides the element with id `target` in place, in the client: no round trip, nothing changes. */
export function toggle(title: string, target: string): CardElement {
  return { type: 'Action.ToggleVisibility', title, targetElements: [target] };
}

export function execute(title: string, verb: Verb, data: ActionData = {}, opts: { style?: 'positive' | 'destructive'; inputs?: boolean } = {}): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data, verb },
    ...(opts.style ? { style: opts.style } : {}),
    // Navigation buttons must not carry (or validate) what is typed in the form.
    associatedInputs: opts.inputs ? 'auto' : 'none',
  };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

export function buttons(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

export interface TextInputOptions {
  multiline?: boolean;
  maxLength?: number;
  value?: string;
  required?: string;
  placeholder?: string;
}

export function textInput(id: string, label: string, opts: TextInputOptions = {}): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    isMultiline: opts.multiline ?? false,
    ...(opts.maxLength ? { maxLength: opts.maxLength } : {}),
    ...(opts.value ? { value: opts.value } : {}),
    ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
    ...(opts.required ? { isRequired: true, errorMessage: opts.required } : {}),
  };
}

export interface Choice {
  title: string;
  value: string;
}

export function choiceInput(
  id: string,
  label: string,
  choices: Choice[],
  opts: { multi?: boolean; value?: string; required?: string; compact?: boolean } = {},
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: opts.compact ? 'compact' : 'expanded',
    isMultiSelect: opts.multi ?? false,
    choices: choices.map((c) => ({ title: clean(c.title), value: c.value })),
    ...(opts.value ? { value: opts.value } : {}),
    ...(opts.required ? { isRequired: true, errorMessage: opts.required } : {}),
  };
}

/** A yes/no choice the member must tick themselves (off unless they typed it on before). */
export function toggleInput(id: string, label: string, title: string, on = false): CardElement {
  // Sends "true" or "false" (the defaults of valueOn and valueOff).
  return { type: 'Input.Toggle', id, label, title, value: on ? 'true' : 'false' };
}

export const SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * A whole card. `refresh` makes Teams ask us again whenever the card is shown, so every member sees their own
 * state (their vote, their consent) and changes show up in place. Without `userIds`, Teams refreshes
 * automatically for everyone in chats up to 60 people, which covers a panel; larger channels get a manual
 * "refresh" menu item instead.
 */
export function card(body: CardElement[], opts: { actions?: CardElement[]; refresh?: { verb: Verb; data?: ActionData; title: string }; fallback: string }): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA_URL,
    version: '1.5',
    body,
    ...(opts.actions && opts.actions.length > 0 ? { actions: opts.actions } : {}),
    ...(opts.refresh ? { refresh: { action: execute(opts.refresh.title, opts.refresh.verb, opts.refresh.data ?? {}) } } : {}),
    fallbackText: opts.fallback,
    msteams: { width: 'Full' },
  };
}
