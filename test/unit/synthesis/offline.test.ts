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
    expect(result.statements.map((s) => s.theme)).toContain('Vervoer naar zorg');
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

  it('brings a waiting list, a liste d\'attente and a waiting list together, labelled in the reader\'s language', async () => {
    const sources = [
      src('Mijn zoon staat al een jaar op de wachtlijst van het CGG.', { domainKeys: ['psychic_vulnerability'] }),
      src("Ma mère est sur la liste d'attente d'une maison de repos.", { language: 'fr', domainKeys: ['elderly_care'] }),
      src('We have been on the waiting list for an assessment for months.', { language: 'en', domainKeys: ['disability'] }),
    ];
    for (const [language, label] of [['nl', 'Wachtlijsten en wachttijden'], ['fr', "Listes et délais d'attente"], ['en', 'Waiting lists and waiting times']] as const) {
      const result = await new OfflineSynthesizer().synthesize({ ...request(sources), language });
      if (!result.ok) throw new Error('offline failed');
      expect(result.statements).toHaveLength(1);
      expect(result.statements[0]!.theme).toBe(label);
      expect(result.statements[0]!.citations.map((c) => c.contributionId).sort()).toEqual(sources.map((s) => s.contributionId).sort());
    }
  });

  it('counts members, not contributions, and says what they ask for', async () => {
    const sources = [
      src('De bus naar het ziekenhuis rijdt maar om het uur.', { whatIsNeeded: 'Aangepast vervoer.', memberKey: 'a' }),
      src('De bus naar het ziekenhuis rijdt maar één keer per uur.', { whatIsNeeded: 'Vervoer op maat.', memberKey: 'a' }),
      src('Ik heb geen auto en de taxi is te duur.', { whatIsNeeded: 'Vrijwilligers die mensen naar de dokter brengen.', memberKey: 'b' }),
    ];
    const result = await new OfflineSynthesizer().synthesize({ ...request(sources), language: 'en' });
    if (!result.ok) throw new Error('offline failed');
    const [statement] = result.statements;
    expect(statement!.text).toMatch(/^2 members \(NL 2\) describe /);
    expect(statement!.text).toContain('What they ask for: suitable, affordable transport to appointments (2 members)');
  });

  it('counts a member who may not be quoted toward needs and numbers, without quoting them', async () => {
    const sources = [
      src('Het remgeld bij de tandarts kan ik niet betalen.', { whatIsNeeded: 'De derdebetalersregeling.' }),
      src('Ik moet alles voorschieten bij de dokter en de factuur is hoog.', { whatIsNeeded: 'Niet meer voorschieten.', attribution: 'no_quote' }),
    ];
    const result = await new OfflineSynthesizer().synthesize({ ...request(sources), language: 'en' });
    if (!result.ok) throw new Error('offline failed');
    expect(result.statements).toHaveLength(1);
    expect(result.statements[0]!.text).toMatch(/^2 members/);
    expect(result.statements[0]!.text).toContain('not having to pay upfront, through third-party payment (2 members)');
    expect(result.statements[0]!.citations.map((c) => c.contributionId)).toEqual([sources[0]!.contributionId]);
  });

  it('puts what fits no theme under "other" rather than forcing it', async () => {
    const sources = [
      src('Het vervoer naar de kliniek is een probleem.'),
      src('Vervoer op maat ontbreekt.'),
      src('De bibliotheek zou langer open mogen.'),
    ];
    const result = await new OfflineSynthesizer().synthesize(request(sources));
    if (!result.ok) throw new Error('offline failed');
    const other = result.statements.find((s) => s.theme === 'Andere ervaringen');
    expect(other?.citations.map((c) => c.contributionId)).toEqual([sources[2]!.contributionId]);
    expect(other?.text).toMatch(/^1 lid \(NL 1\)/);
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
