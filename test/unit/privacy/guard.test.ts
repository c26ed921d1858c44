import { describe, expect, it } from 'vitest';
import { categoriesOf, redact, scanText, type Finding } from '../../../src/core/privacy/guard.js';

const found = (text: string) => scanText(text).map((f) => ({ category: f.category, text: text.slice(f.span.start, f.span.end), why: f.why }));

describe('the sensitive-data guard', () => {
  it('finds national register numbers by their checksum, before and after 2000, and BIS numbers', () => {
    expect(found('nr 85.07.30-033.28')).toEqual([{ category: 'national_register_number', text: '85.07.30-033.28', why: 'nrn_checksum_before_2000' }]);
    expect(found('nr 03.05.12-123.32')).toEqual([{ category: 'national_register_number', text: '03.05.12-123.32', why: 'nrn_checksum_from_2000' }]);
    expect(found('bis 90440021048')[0]?.why).toBe('bis_checksum_before_2000');
    expect(found('bis 05 46 20 301 40')[0]?.why).toBe('bis_checksum_from_2000');
    expect(found('nr 85.07.30-033.29')).toEqual([]); // one digit off: the checksum fails
    expect(found('nr 85.13.30-033.28')).toEqual([]); // no month 13
  });

  it('finds Belgian IBANs only when both the IBAN and the national check digits hold', () => {
    expect(found('op BE68 5390 0754 7034 graag')).toEqual([{ category: 'iban', text: 'BE68 5390 0754 7034', why: 'iban_be_check_digits' }]);
    expect(found('BE41539007547035')).toEqual([]); // valid IBAN check digits, wrong national check digits
    expect(found('BE69 5390 0754 7034')).toEqual([]); // wrong IBAN check digits
    expect(found('539-0075470-34')[0]?.why).toBe('be_account_check_digits');
  });

  it('finds Belgian phone numbers in every common notation, unallocated ranges included', () => {
    for (const phone of ['0470 12 34 56', '0470/12.34.56', '+32 470 12 34 56', '0032470123456', '+32 (0)2 123 45 67', '(02) 123 45 67', '09 234 56 78', '0440 12 34 56']) {
      expect(found(`bel ${phone} nu`).map((f) => f.text)).toEqual([phone]);
    }
    expect(found('gratis 0800 12 345')[0]?.why).toBe('phone_be_service');
    expect(found('0440 12 34 56')[0]?.why).toBe('phone_be_mobile');
    expect(found('op 01/02/2024 om 10u, 0,50 euro, 112 of 1733')).toEqual([]);
    expect(found('+33 6 12 34 56 78')).toEqual([]);
  });

  it('finds e-mail addresses, also written with (at) and (dot)', () => {
    expect(found('mail jan.peeters@telenet.be.').map((f) => f.text)).toEqual(['jan.peeters@telenet.be']);
    expect(found('marie (at) skynet (dot) be').map((f) => f.category)).toEqual(['email']);
    expect(found('we zien elkaar @ het buurthuis')).toEqual([]);
  });

  it("flags a third party's name next to a health detail, not the member's own story or a doctor's name", () => {
    expect(found('Mijn buurvrouw Maria heeft kanker.')).toEqual([{ category: 'third_party_health', text: 'Maria', why: 'name_with_health_detail' }]);
    expect(found('Ma voisine Sophie. Elle est dépressive.').map((f) => f.text)).toEqual(['Sophie']);
    expect(found('Ik heb zelf diabetes.')).toEqual([]);
    expect(found('Dokter Janssens zei dat mijn depressie meevalt.')).toEqual([]);
    expect(found('Maria en ik gaan naar het buurthuis.')).toEqual([]);
  });

  it('returns sorted, non-overlapping findings that hold positions and codes, never the text', () => {
    const text = 'Jef heeft COPD, bel 0476 55 44 33 of mail jef@example.be; nr 85073003328.';
    const findings = scanText(text, 'nl');
    expect(findings.map((f) => f.category)).toEqual(['third_party_health', 'phone', 'email', 'national_register_number']);
    for (const [a, b] of findings.slice(1).map((f, i) => [findings[i]!, f] as const)) expect(a.span.end).toBeLessThanOrEqual(b.span.start);
    expect(JSON.stringify(findings)).not.toMatch(/0476|jef@|85073003328/);
    expect(categoriesOf(findings)).toEqual(['national_register_number', 'phone', 'email', 'third_party_health']);
  });

  it('redacts each finding with a placeholder in the chosen language, keeping the experience', () => {
    const text = 'Mijn buurvrouw Maria heeft kanker; haar nummer is 85.07.30-033.28 en bel 0470 12 34 56.';
    const out = redact(text, scanText(text), 'nl');
    expect(out).toBe('Mijn buurvrouw [naam verwijderd] heeft kanker; haar nummer is [rijksregisternummer verwijderd] en bel [telefoonnummer verwijderd].');
    expect(out).not.toMatch(/\d/);
    expect(scanText(out)).toEqual([]);
    expect(redact('call 0470 12 34 56', scanText('call 0470 12 34 56'), 'fr')).toBe('call [numéro de téléphone supprimé]');
    const none: Finding[] = [];
    expect(redact(text, none)).toBe(text);
  });
});
