import type { Language } from '../../core/index.js';
import { formatDate, t } from '../../i18n/index.js';

/** A translator for one member: `key` in the slack namespace, or `ns:key` for another namespace. */
export type Tr = ((key: string, params?: Record<string, unknown>) => string) & { lang: Language; when(date: Date, withTime?: boolean): string };

export function translator(lang: Language, timeZone: string): Tr {
  const tr = ((key: string, params?: Record<string, unknown>) => t(lang, key.includes(':') ? key : `slack:${key}`, params)) as Tr;
  tr.lang = lang;
  tr.when = (date, withTime = true) => formatDate(lang, date, timeZone, withTime);
  return tr;
}
