/**
 * `npm run bench [-- name-filter]`: runs every benchmark in bench/suites/ (one file per benchmark, each
 * exporting `benchmark`) and prints its figures. Benchmarks print; they never assert timings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './types.js';

const filter = process.argv[2] ?? '';
const dir = join(import.meta.dirname, 'suites');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const { benchmark } = (await import(pathToFileURL(join(dir, file)).href)) as { benchmark: Benchmark };
  if (!benchmark.name.includes(filter)) continue;
  console.log(`\n## ${benchmark.name}`);
  const rows = await benchmark.run();
  const headers = Object.keys(rows[0] ?? {});
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  console.log(headers.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const row of rows) console.log(headers.map((h, i) => String(row[h]).padEnd(widths[i]!)).join('  '));
  for (const note of benchmark.notes?.(rows) ?? []) console.log(note);
}
