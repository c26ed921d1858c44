import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/types.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { loadCatalogs, t, formatDate } from '../../src/i18n/index.js';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('language catalogs', () => {
  const catalogs = loadCatalogs();

  it('have the same namespaces and keys in nl, fr and en', () => {
    const namespaces = Object.keys(catalogs.en).sort();
    const missing: string[] = [];
    for (const lang of LANGUAGES) {
      expect(Object.keys(catalogs[lang]).sort()).toEqual(namespaces);
      for (const ns of namespaces) {
        const mine = new Set(keys(catalogs[lang][ns]));
        for (const other of LANGUAGES) {
          for (const key of keys(catalogs[other][ns])) if (!mine.has(key)) missing.push(`${lang}:${ns}:${key}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('have no empty strings and a message for every error code', () => {
    for (const lang of LANGUAGES) {
      for (const [ns, catalog] of Object.entries(catalogs[lang])) {
        for (const key of keys(catalog)) {
          const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog);
          expect(typeof value === 'string' && value.trim().length > 0, `${lang}:${ns}:${key}`).toBe(true);
        }
      }
      for (const code of ERROR_CODES) expect(t(lang, `errors:${code}`, { field: 'x', max: 1, count: 1 })).not.toBe(code);
    }
  });

  it('formats dates in Europe/Brussels in the member language', () => {
    const date = new Date('2026-07-01T22:30:00Z'); // 00:30 on 2 July in Brussels (summer time)
    expect(formatDate('nl', date)).toContain('2 juli 2026');
    expect(formatDate('fr', date)).toContain('2 juillet 2026');
    expect(formatDate('en', date)).toMatch(/2 July 2026.*00:30/);
  });
});
