import type { Finding, FindingReason } from '../guard.js';
import { digitsOf, isolated, mod97 } from './digits.js';

/**
 * Belgian national register numbers (rijksregisternummer / numéro de registre national) and BIS numbers:
 * YYMMDD SSS CC, check CC = 97 - (YYMMDDSSS mod 97); for births from 2000 on, a "2" is put before the
 * nine digits. BIS numbers add 20 (sex unknown) or 40 (sex known) to the month; a month or day of 00
 * means that part of the birth date is unknown.
 *
 * Separators may sit anywhere (people write 85.07.30-033.28, 850730 033 28 or 85073003328), so any run
 * of 11 digits with at most one separator between digits is a candidate; the checksum decides.
 */
const CANDIDATE = /\d(?:[ .\-/]?\d){10}/g;

export function findNationalRegisterNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isolated(text, start, end)) continue;
    // "+32 470 12 34 56" has 11 digits too: a leading + marks an international phone number.
    if (/\+\s?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    const why = classify(digitsOf(match[0]));
    if (why) findings.push({ category: 'national_register_number', span: { start, end }, why });
  }
  return findings;
}

/** The reason code when `digits` (11 of them) is a valid register or BIS number, otherwise null. */
export function classify(digits: string): FindingReason | null {
  if (!/^\d{11}$/.test(digits)) return null;
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const check = Number(digits.slice(9, 11));
  const bis = month >= 20;
  const realMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
  if (realMonth > 12 || day > 31) return null;
  const base = digits.slice(0, 9);
  if (97 - mod97(base) === check) return bis ? 'bis_checksum_before_2000' : 'nrn_checksum_before_2000';
  if (97 - mod97(`2${base}`) === check) return bis ? 'bis_checksum_from_2000' : 'nrn_checksum_from_2000';
  return null;
}
