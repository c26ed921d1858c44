import { DomainError } from './errors.js';

/** Normalises member text: Unicode NFC, no control characters except newlines and tabs, trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
}

function length(text: string): number {
  return [...text].length;
}

/** Required text: clean, non-empty, at most `max` characters. `field` names it in the error. */
export function requireText(value: unknown, field: string, max: number): string {
  const text = cleanText(value);
  if (text.length === 0) throw new DomainError('text_empty', { field });
  if (length(text) > max) throw new DomainError('text_too_long', { field, max });
  return text;
}

/** Optional text: clean, may be empty, at most `max` characters. */
export function optionalText(value: unknown, field: string, max: number): string {
  const text = cleanText(value);
  if (length(text) > max) throw new DomainError('text_too_long', { field, max });
  return text;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('invalid_input', { field });
}

/**
 * A date, refused when it names a day that does not exist: `new Date('2027-02-30')` quietly becomes
 * 2 March, and a deadline that moves by itself is worse than a clear "that day does not exist".
 */
export function optionalDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DomainError('invalid_input', { field });
    return value;
  }
  const text = String(value).trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T ])/.exec(text);
  if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) throw new DomainError('date_impossible', { field, value: day[0] });
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new DomainError('invalid_input', { field });
  return date;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An optional date that must lie in the future: a poll or question cannot close before it opens. */
export function futureDate(value: unknown, field: string, now: Date): Date | null {
  const date = optionalDate(value, field);
  if (date && date.getTime() <= now.getTime()) throw new DomainError('deadline_past', { field });
  return date;
}

export function requireDate(value: unknown, field: string): Date {
  const date = optionalDate(value, field);
  if (!date) throw new DomainError('invalid_input', { field });
  return date;
}

export function intInRange(value: unknown, field: string, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('invalid_input', { field });
  return n;
}
