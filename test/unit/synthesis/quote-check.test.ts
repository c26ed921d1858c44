import { describe, expect, it } from 'vitest';
import { normaliseForMatch, verifyStatements } from '../../../src/core/quote-check.js';
import type { SynthesisSource } from '../../../src/core/synthesis.js';

const sources: SynthesisSource[] = [
  { contributionId: 'a', whatHappens: 'De bus rijdt maar één keer per uur.\nIk  wacht “altijd” lang.', whatIsNeeded: '', idea: '', language: 'nl', attribution: 'named', authorLabel: 'Marleen', domainKeys: [] },
  { contributionId: 'b', whatHappens: "Je dois choisir entre le médecin et l'électricité.", whatIsNeeded: '', idea: '', language: 'fr', attribution: 'anonymous', authorLabel: null, domainKeys: [] },
  { contributionId: 'c', whatHappens: 'Do not quote me on this.', whatIsNeeded: '', idea: '', language: 'en', attribution: 'no_quote', authorLabel: null, domainKeys: [] },
  { contributionId: 'd', whatHappens: 'Forms are hard.', whatIsNeeded: '', idea: '', language: 'en', attribution: 'named', authorLabel: 'Ahmed', domainKeys: [] },
];

const one = (citation: { contributionId: string; quote: string; authorLabel?: string | null; translation?: string | null }, text = 'Statement.') => [{ theme: 't', text, citations: [citation] }];

describe('quote verification', () => {
  it('keeps a quote that differs only in Unicode composition and whitespace, stored as the member\'s own span', () => {
    const out = verifyStatements(one({ contributionId: 'a', quote: 'Ik wacht “altijd”   lang.' }), sources);
    expect(out.quotesKept).toBe(1);
    // The member's double space is their character too: the stored quote is their exact span.
    expect(out.statements[0]!.citations[0]).toMatchObject({ contributionId: 'a', quote: 'Ik  wacht “altijd” lang.', attributedName: 'Marleen' });
    const decomposed = 'Je dois choisir entre le me\u0301decin';
    const fr = verifyStatements(one({ contributionId: 'b', quote: decomposed }), sources);
    expect(fr.statements[0]!.citations[0]!.quote).toBe('Je dois choisir entre le médecin');
    expect(normaliseForMatch('  a\n\tb ')).toBe('a b');
  });

  it.each([
    ['a changed case', 'ik wacht “altijd” lang.'],
    ['shouting', 'IK WACHT “ALTIJD” LANG.'],
    ['straightened quote marks', 'Ik wacht "altijd" lang.'],
    ['changed punctuation', 'Ik wacht “altijd” lang!'],
    ['an ellipsis for three dots', 'De bus rijdt maar één keer per uur…'],
    ['a dash for a hyphen', 'De bus rijdt maar één keer per uur – Ik'],
    ['a compatibility ligature', 'De bus rijdt maar één keer per uur.\nIk  wacht “altijd” lang.'.replace('I', 'Ｉ')],
  ])('refuses a quote with %s', (_, quote) => {
    const out = verifyStatements(one({ contributionId: 'a', quote }), sources);
    expect(out.statements).toEqual([]);
    expect(out.removals[0]!.reason).toBe('quote_not_found');
  });

  it('refuses the model\'s capitals in a French quote (the issue\'s example)', () => {
    const fr: SynthesisSource = { ...sources[1]!, contributionId: 'f', whatHappens: 'Il faut des consultations plus longues pour les familles.' };
    const bad = verifyStatements(one({ contributionId: 'f', quote: 'Des consultations PLUS LONGUES pour les familles.' }), [fr]);
    expect(bad.statements).toEqual([]);
    const good = verifyStatements(one({ contributionId: 'f', quote: 'des consultations plus longues' }), [fr]);
    expect(good.statements[0]!.citations[0]!.quote).toBe('des consultations plus longues');
  });

  it.each([
    ['an invented quote', { contributionId: 'a', quote: 'De bus is gratis.' }, 'quote_not_found'],
    ['a near-paraphrase', { contributionId: 'a', quote: 'De bus rijdt één keer per uur.' }, 'quote_not_found'],
    ['a quote cited to the wrong contribution', { contributionId: 'd', quote: 'De bus rijdt maar één keer per uur.' }, 'quote_not_found'],
    ['a swapped author', { contributionId: 'a', quote: 'De bus rijdt', authorLabel: 'Ahmed' }, 'author_mismatch'],
    ['a name on an anonymous contribution', { contributionId: 'b', quote: 'Je dois choisir', authorLabel: 'Marleen' }, 'author_mismatch'],
    ['an unknown contribution', { contributionId: 'zz', quote: 'Forms are hard.' }, 'unknown_contribution'],
    ['a withdrawn contribution', { contributionId: 'w', quote: 'anything' }, 'contribution_withdrawn'],
    ['an empty quote', { contributionId: 'a', quote: '   ' }, 'quote_not_found'],
  ])('removes %s and says why', (_, citation, reason) => {
    const out = verifyStatements(one(citation), sources, new Set(['w']));
    expect(out.statements).toEqual([]);
    expect(out.removals.map((r) => r.reason)).toEqual([reason, 'statement_unsupported']);
  });

  it('keeps a statement resting only on a not-quotable contribution as a paraphrase: no words, no name, counted', () => {
    const out = verifyStatements(one({ contributionId: 'c', quote: 'Do not quote me' }, 'A member finds this hard.'), sources);
    expect(out.removals).toEqual([{ contributionId: 'c', reason: 'not_quotable', statementPosition: 0 }]);
    expect(out.statements).toEqual([{ theme: 't', text: 'A member finds this hard.', citations: [{ contributionId: 'c', quote: '', attributedName: null }] }]);
    expect(out.quotesKept).toBe(0);
    // A paraphrase may name nobody.
    expect(verifyStatements(one({ contributionId: 'c', quote: 'Do not quote me' }, 'Marleen finds this hard.'), sources).statements).toEqual([]);
  });

  it('drops a statement whose text names a member it does not quote (merged speakers)', () => {
    const out = verifyStatements(one({ contributionId: 'd', quote: 'Forms are hard.' }, 'Marleen says forms are hard.'), sources);
    expect(out.statements).toEqual([]);
    expect(out.removals).toEqual([{ contributionId: null, reason: 'author_mismatch', statementPosition: 0 }]);
    expect(out.quotesKept).toBe(0);
    const fine = verifyStatements(one({ contributionId: 'd', quote: 'Forms are hard.' }, 'Ahmed finds forms hard.'), sources);
    expect(fine.statements).toHaveLength(1);
    expect(verifyStatements(one({ contributionId: 'd', quote: 'Forms are hard.' }, 'Marleenke is no member.'), sources).statements).toHaveLength(1);
  });

  it('does not take an ordinary word for a member whose name is that word', () => {
    const named = [...sources, { ...sources[0]!, contributionId: 'an', authorLabel: 'An', idea: 'Een buurtwerker helpt.' }];
    const statement = one({ contributionId: 'd', quote: 'Forms are hard.' }, 'Filling in an application form is hard.');
    expect(verifyStatements(statement, named).statements).toHaveLength(1);
    expect(verifyStatements(one({ contributionId: 'd', quote: 'Forms are hard.' }, 'An finds forms hard.'), named).statements).toHaveLength(0);
  });

  it('carries a translation beside the verbatim quote, never instead of it', () => {
    const out = verifyStatements(one({ contributionId: 'b', quote: 'Je dois choisir', translation: 'Ik moet kiezen' }), sources);
    expect(out.statements[0]!.citations[0]).toEqual({ contributionId: 'b', quote: 'Je dois choisir', attributedName: null, translation: 'Ik moet kiezen' });
  });

  it('is deterministic and keeps the good quotes of a statement with a bad one', () => {
    const drafts = [{ theme: 't', text: 'x', citations: [{ contributionId: 'a', quote: 'invented' }, { contributionId: 'd', quote: 'Forms are hard' }] }];
    const first = verifyStatements(drafts, sources);
    expect(verifyStatements(drafts, sources)).toEqual(first);
    expect(first.statements[0]!.citations.map((c) => c.contributionId)).toEqual(['d']);
    expect(first.removals).toEqual([{ contributionId: 'a', reason: 'quote_not_found', statementPosition: 0 }]);
  });
});
