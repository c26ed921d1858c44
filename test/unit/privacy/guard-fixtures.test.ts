import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENSITIVE_CATEGORIES, scanText, type SensitiveCategory } from '../../../src/core/privacy/guard.js';
import type { Language } from '../../../src/core/types.js';

/**
 * Precision and recall of the guard on the fixture set (test/fixtures/sensitive), per category. A found
 * span counts as right when it overlaps an expected span of the same category. The other files were
 * written while the detectors were built; holdout.json was written after them. Its first run found two
 * defects (a capitalised stopword before a name, "Name, my flatmate") and one lexicon gap ("stroke"),
 * giving third_party_health recall 11/14 before they were fixed; its figures are printed apart.
 * edges.json holds the misses found by walking the panel cycle with hostile input (issue 10), written
 * before the fixes; its first run gave iban recall 14/16, phone precision 30/33, email recall 12/15 and
 * third_party_health recall 41/47 over all fixtures (address 8/8 with the new detector).
 */
interface Case {
  lang: Language;
  text: string;
  expect: { category: SensitiveCategory; match: string }[];
}

const DIR = join(import.meta.dirname, '../../fixtures/sensitive');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (file: string): Case[] => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Case[];

type Tally = Record<SensitiveCategory, { tp: number; fp: number; fn: number }>;

function measure(cases: Case[]): { tally: Tally; misses: string[] } {
  const tally = Object.fromEntries(SENSITIVE_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Tally;
  const misses: string[] = [];
  for (const c of cases) {
    const found = scanText(c.text, c.lang);
    const expected = c.expect.map((e) => {
      const start = c.text.indexOf(e.match);
      if (start < 0) throw new Error(`fixture match not in text: ${e.match}`);
      return { category: e.category, start, end: start + e.match.length };
    });
    const hit = new Set<number>();
    for (const f of found) {
      const i = expected.findIndex((e, k) => !hit.has(k) && e.category === f.category && e.start < f.span.end && f.span.start < e.end);
      if (i >= 0) {
        hit.add(i);
        tally[f.category].tp += 1;
      } else {
        tally[f.category].fp += 1;
        misses.push(`false positive ${f.category}: ${c.text}`);
      }
    }
    expected.forEach((e, k) => {
      if (hit.has(k)) return;
      tally[e.category].fn += 1;
      misses.push(`missed ${e.category}: ${c.text}`);
    });
  }
  return { tally, misses };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function table(title: string, tally: Tally): string {
  const rows = SENSITIVE_CATEGORIES.map((c) => {
    const { tp, fp, fn } = tally[c];
    return `${c.padEnd(26)} ${String(tp + fn).padStart(5)} ${ratio(tp, tp + fp).toFixed(3).padStart(10)} ${ratio(tp, tp + fn).toFixed(3).padStart(8)}   (tp ${tp}, fp ${fp}, fn ${fn})`;
  });
  return [`\n${title}`, `${'category'.padEnd(26)} ${'exp.'.padStart(5)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`, ...rows].join('\n');
}

describe('the guard on the fixture set', () => {
  const all = measure(files.flatMap(load));
  const holdout = measure(load('holdout.json'));
  const edges = measure(load('edges.json'));

  it('prints precision and recall per category', () => {
    console.log(table(`Sensitive-data guard, all fixtures (${files.length} files)`, all.tally));
    console.log(table('Held-out fixtures only (holdout.json)', holdout.tally));
    console.log(table('Edge cases only (edges.json)', edges.tally));
    if (all.misses.length > 0) console.log(`\nNot right:\n${all.misses.join('\n')}`);
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it('misses no national register number and flags no wrong one', () => {
    expect(all.tally.national_register_number.fn).toBe(0);
    expect(all.tally.national_register_number.fp).toBe(0);
  });

  it('keeps every category at recall >= 0.97 and precision above its floor', () => {
    for (const category of SENSITIVE_CATEGORIES) {
      const { tp, fp, fn } = all.tally[category];
      expect(ratio(tp, tp + fn), `${category} recall`).toBeGreaterThanOrEqual(0.97);
      // Naming a third party is a heuristic over capitalised words: a lower floor for its precision.
      expect(ratio(tp, tp + fp), `${category} precision`).toBeGreaterThanOrEqual(category === 'third_party_health' ? 0.8 : 0.95);
    }
  });
});
