import { describe, expect, it } from 'vitest';
import { verifyStatements } from '../../../src/core/quote-check.js';
import type { SynthesisSource } from '../../../src/core/synthesis.js';
import { OfflineSynthesizer } from '../../../src/synthesis/offline.js';
import { TermExtractor } from '../../../src/synthesis/text/terms.js';
import { loadCorpus, requestFor } from '../../../eval/corpus.js';

let n = 0;
const src = (text: string, extra: Partial<SynthesisSource> = {}): SynthesisSource => ({
  contributionId: `c${++n}`,
  whatHappens: text,
  whatIsNeeded: '',
  idea: '',
  language: 'nl',
  attribution: 'named',
  authorLabel: null,
  domainKeys: ['poverty'],
  ...extra,
});
const request = (sources: SynthesisSource[]) => ({ language: 'nl' as const, question: 'q', sources, domains: [{ key: 'poverty', label: 'Armoede' }] });

describe('terms', () => {
  it('stem Dutch, French and English words and drop stop words', () => {
    const terms = new TermExtractor();
    expect(terms.terms('De huisartsen en de huisarts', 'nl').map((t) => t.stem)).toEqual(['huisart', 'huisart']);
    expect(terms.terms('Les médecins et le médecin', 'fr').map((t) => t.stem)).toEqual(['médecin', 'médecin']);
    expect(terms.terms('The waiting and the waits', 'en').map((t) => t.stem)).toEqual(['wait', 'wait']);
  });
});

describe('the offline synthesis', () => {
  it('groups contributions that share a stemmed term, across inflections', async () => {
    const sources = [
      src('De wachttijden bij de huisarts zijn lang.'),
      src('Ik wacht weken op de huisartsen.'),
      src('Het vervoer naar de kliniek is duur.'),
      src('Vervoer op maat ontbreekt.'),
    ];
    const result = await new OfflineSynthesizer().synthesize(request(sources));
    if (!result.ok) throw new Error('offline failed');
    const groups = result.statements.map((s) => s.citations.map((c) => c.contributionId).sort());
    expect(groups).toContainEqual([sources[0]!.contributionId, sources[1]!.contributionId].sort());
    expect(groups).toContainEqual([sources[2]!.contributionId, sources[3]!.contributionId].sort());
    expect(result.statements.map((s) => s.theme)).toContain('Vervoer');
    expect(result).toMatchObject({ generator: 'offline', model: null, tokensIn: 0 });
  });

  it('quotes verbatim, never a not-quotable contribution, and prefers a sentence without contact details', async () => {
    const sources = [
      src('Bel me op 0471 23 45 67. Het vervoer is een probleem.'),
      src('Het vervoer is slecht.', { attribution: 'no_quote' }),
      src('Vervoer naar de dokter kost te veel.'),
    ];
    const result = await new OfflineSynthesizer().synthesize(request(sources));
    if (!result.ok) throw new Error('offline failed');
    const quotes = result.statements.flatMap((s) => s.citations);
    expect(quotes.map((q) => q.contributionId)).not.toContain(sources[1]!.contributionId);
    expect(quotes.find((q) => q.contributionId === sources[0]!.contributionId)?.quote).toBe('Het vervoer is een probleem.');
    expect(verifyStatements(result.statements, sources).removals).toEqual([]);
  });

  it('over the fixture corpus: every quote verifies, output is deterministic, instructions change nothing', async () => {
    const corpus = loadCorpus();
    const req = requestFor(corpus, 'en');
    const first = await new OfflineSynthesizer().synthesize(req);
    expect(await new OfflineSynthesizer().synthesize(req)).toEqual(first);
    if (!first.ok) throw new Error('offline failed');
    const outcome = verifyStatements(first.statements, req.sources);
    expect(outcome.quotesKept).toBe(outcome.quotesChecked);
    const canaries = corpus.contributions.filter((c) => c.injection).map((c) => c.injection!.canary.toLowerCase());
    for (const s of first.statements) for (const canary of canaries) expect(`${s.theme} ${s.text}`.toLowerCase()).not.toContain(canary);
  });

  it('quotes only one of two near-paraphrases', async () => {
    const sources = [
      src('De bus naar het gezondheidscentrum rijdt maar één keer per uur.'),
      src('De bus naar het gezondheidscentrum rijdt maar één keer per uur, en niet tot bij mij.'),
      src('De bus is vaak te laat voor mijn afspraak.'),
    ];
    const result = await new OfflineSynthesizer().synthesize(request(sources));
    if (!result.ok) throw new Error('offline failed');
    const cited = result.statements.flatMap((s) => s.citations.map((c) => c.contributionId));
    expect(cited.filter((id) => id === sources[0]!.contributionId || id === sources[1]!.contributionId)).toHaveLength(1);
  });
});
