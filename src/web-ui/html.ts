/**
 * A tiny HTML template: every interpolated value is escaped unless it is already `Html`
 * (made by this template). Arrays are rendered item by item; null, undefined and false render nothing.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Marks trusted, constant markup (never member text) as HTML. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Renders text with line breaks kept (escaped). */
export function multiline(text: string): Html {
  return new Html(text.split('\n').map(escapeHtml).join('<br>'));
}

/** `checked`/`selected` attribute helpers. */
export const checkedIf = (on: boolean): Html => new Html(on ? ' checked' : '');
export const selectedIf = (on: boolean): Html => new Html(on ? ' selected' : '');
