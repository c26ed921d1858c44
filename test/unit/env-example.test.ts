import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('.env.example', () => {
  it('documents every variable that src/config.ts reads, each with a comment', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const schema = source.slice(source.indexOf('const envSchema'), source.indexOf('});', source.indexOf('const envSchema')));
    const read = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    const example = readFileSync('.env.example', 'utf8').split('\n');
    const missing = read.filter((name) => !example.some((line) => line.startsWith(`${name}=`)));
    expect(read.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    for (const name of read) {
      const index = example.findIndex((line) => line.startsWith(`${name}=`));
      const above = example.slice(Math.max(0, index - 6), index);
      expect(above.some((line) => line.startsWith('#')), `${name} has a comment`).toBe(true);
    }
  });
});
