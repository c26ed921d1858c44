import { verifyStatements } from '../../src/core/quote-check.js';
import type { SynthesisSource } from '../../src/core/synthesis.js';
import { offlineStatements } from '../../src/synthesis/offline.js';
import { loadCorpus, loadLabelled, requestFor } from '../../eval/corpus.js';
import { loadavg } from 'node:os';
import { words } from '../../src/synthesis/text/words.js';
import { contributionText } from '../../src/core/synthesis.js';
import { measure } from '../measure.js';
import type { Benchmark, Row } from '../types.js';

/** Deterministic pseudo-random numbers, so every run synthesises the same input. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Target from issue 13: a zone-wide year of contributions is synthesised while the facilitator waits. */
const TARGET_MS = 2_000;

/** n contributions recombined from both fixture sets: fields of different members, in their languages. */
function makeSources(n: number): SynthesisSource[] {
  const base = [...requestFor(loadCorpus(), 'nl').sources, ...requestFor(loadLabelled('themes').corpus, 'nl').sources];
  const random = mulberry32(n);
  const pick = () => base[Math.floor(random() * base.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const [a, b, c] = [pick(), pick(), pick()];
    return { ...a, contributionId: `b${i}`, memberKey: `m${i % 400}`, whatIsNeeded: b.language === a.language ? b.whatIsNeeded : a.whatIsNeeded, idea: c.language === a.language ? c.idea : a.idea, authorLabel: a.authorLabel ? `${a.authorLabel} ${i % 15}` : null };
  });
}

export const benchmark: Benchmark = {
  name: 'offline synthesis',
  async run(): Promise<Row[]> {
    const rows: Row[] = [];
    const request = requestFor(loadCorpus(), 'nl');
    offlineStatements({ ...request, sources: makeSources(200) }); // warm-up: JIT, stemmer tables
    for (const n of [1_000, 10_000]) {
      const sources = makeSources(n);
      // Baseline in the same run: only lower-casing and splitting every text into words, the least any
      // text synthesis does. On a shared machine wall time swings with load; the ratio and the CPU time
      // (this process only) say more than the wall time alone.
      const baseline = await measure(async () => sources.reduce((sum, source) => sum + words(contributionText(source)).length, 0));
      const cpu = process.cpuUsage();
      const synth = await measure(async () => offlineStatements({ ...request, sources }));
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const check = await measure(async () => verifyStatements(synth.value, sources));
      rows.push({
        contributions: n,
        'synthesis ms': synth.ms.toFixed(0),
        'synthesis cpu ms': cpuMs.toFixed(0),
        'baseline ms': baseline.ms.toFixed(0),
        'x baseline': (synth.ms / Math.max(1, baseline.ms)).toFixed(1),
        'peak heap MiB': synth.peakMiB.toFixed(1),
        'verification ms': check.ms.toFixed(0),
        themes: synth.value.length,
        quotes: synth.value.reduce((sum, s) => sum + s.citations.length, 0),
        'quotes verified': `${check.value.quotesKept}/${check.value.quotesChecked}`,
        'rss MiB': (process.memoryUsage().rss / 2 ** 20).toFixed(0),
      });
    }
    return rows;
  },
  notes(rows) {
    const [small, large] = rows;
    if (!small || !large) return [];
    const ratio = Number(large['synthesis ms']) / Math.max(1, Number(small['synthesis ms']));
    const large_ms = Number(large['synthesis ms']);
    return [
      `10,000 / 1,000 contributions: ${ratio.toFixed(1)}x the time for 10x the input (linear would be 10x).`,
      `10,000 contributions in ${large_ms} ms (${large['synthesis cpu ms']} ms CPU): ${large_ms < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target (${(large_ms / TARGET_MS).toFixed(2)} of it); load average ${loadavg()[0]!.toFixed(1)} on this machine.`,
    ];
  },
};
