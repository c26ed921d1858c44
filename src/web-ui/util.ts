import { formatDate } from '../i18n/index.js';
import type { Ctx, FormState } from './pages.js';
import { html, type Html } from './html.js';

/** What the member typed into this form when it came back with a message, else the fallback. */
export function val(state: FormState | null, formId: string, name: string, fallback = ''): string {
  if (state?.formId !== formId) return fallback;
  return state.values.all(name)[0] ?? '';
}

export function vals(state: FormState | null, formId: string, name: string, fallback: string[] = []): string[] {
  if (state?.formId !== formId) return fallback;
  return state.values.all(name);
}

/** The message next to the form it is about (the page's alert region has it too). */
export function formAlert(state: FormState | null, formId: string): Html {
  return state?.formId === formId ? html`<p class="alert">${state.message}</p>` : html``;
}

export function when(ctx: Ctx, date: Date | null, withTime = true): string {
  return date ? formatDate(ctx.lang, date, ctx.timeZone, withTime) : '';
}

function parts(date: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  for (const p of format.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/**
 * A date (and time) typed in a form, read as wall-clock time in the panel's time zone. Anything that is not
 * a plain `YYYY-MM-DD[THH:MM]` is passed on unchanged so that the core can refuse it in the member's language.
 */
export function zoned(value: string | undefined, timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!m) return value;
  // A day that does not exist goes to the core as typed, so the member hears so instead of a shifted date.
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  if (new Date(wall).getUTCDate() !== Number(m[3])) return value;
  let guess = wall;
  for (let i = 0; i < 3; i += 1) {
    const p = parts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    guess += wall - shown;
  }
  return new Date(guess).toISOString();
}

/** A stored date as the value of a date (or datetime-local) input, in the panel's time zone. */
export function inputDate(date: Date | null, timeZone: string, withTime = false): string {
  if (!date) return '';
  const p = parts(date, timeZone);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return withTime ? `${day}T${pad(p.hour)}:${pad(p.minute)}` : day;
}

/** The first characters of a text, on a word boundary. */
export function excerpt(text: string, max = 160): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
