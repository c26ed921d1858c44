import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TOptions } from 'i18next';
import { LANGUAGES, type Language } from '../core/types.js';

const LOCALES = dirname(fileURLToPath(import.meta.url));

type Catalog = Record<string, unknown>;

/** Reads every namespace file of every language: <lang>/<namespace>.json. */
export function loadCatalogs(): Record<Language, Record<string, Catalog>> {
  const out = {} as Record<Language, Record<string, Catalog>>;
  for (const lang of LANGUAGES) {
    out[lang] = {};
    for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json'))) {
      out[lang][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Catalog;
    }
  }
  return out;
}

let instance: i18n | null = null;

function init(): i18n {
  if (instance) return instance;
  const resources = loadCatalogs();
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: 'nl',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance = created;
  return created;
}

/** Translates `ns:key` (or a `common` key) into the member's language. */
export function t(language: Language, key: string, params?: TOptions): string {
  return init().getFixedT(language)(key, params ?? {}) as string;
}

/** A translator bound to one language, for renderers. */
export function translator(language: Language): (key: string, params?: TOptions) => string {
  return (key, params) => t(language, key, params);
}

const LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** Dates are shown in Europe/Brussels (or the configured zone), in the member's language. */
export function formatDate(language: Language, date: Date, timeZone = 'Europe/Brussels', withTime = true): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
