import type { Finding } from '../guard.js';
import { digitsOf, isolated, mod97 } from './digits.js';

/**
 * Bank account numbers. A Belgian IBAN is BE + 2 IBAN check digits + 12 digits, the last two of which
 * are the national check (first ten digits mod 97, 97 when the rest is 0). Both checks must hold, so a
 * random 14-digit run is not flagged. Foreign IBANs (ISO 13616 mod-97) and the old Belgian notation
 * 123-1234567-12 are flagged too: they identify a person just as well.
 */
// People write a space after the country code too ("BE 95 7350 ...").
const IBAN = /\b[A-Z]{2} ?\d{2}(?:[ .\-]?[A-Z0-9]){10,30}\b/gi;
const SPACED_COUNTRIES = new Set(['BE', 'NL', 'LU', 'FR', 'DE', 'ES', 'IT', 'PT', 'IE', 'AT', 'GB', 'CH', 'PL', 'RO', 'MA', 'TR']);
const BE_ACCOUNT = /\b\d{3}[ .\-]\d{7}[ .\-]\d{2}\b/g;

export function findIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(IBAN)) {
    // With a space after the country code, only a real one written in capitals starts an IBAN: "op 04..."
    // in a sentence is a word and a phone number, whatever the check digits say.
    if (/^[A-Z]{2} /i.test(match[0]) && !SPACED_COUNTRIES.has(match[0].slice(0, 2))) continue;
    const found = longestValidIban(match[0]);
    if (!found) continue;
    const start = match.index;
    findings.push({ category: 'iban', span: { start, end: start + found.length }, why: found.why });
  }
  for (const match of text.matchAll(BE_ACCOUNT)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isolated(text, start, end) && belgianNationalCheck(digitsOf(match[0]))) {
      findings.push({ category: 'iban', span: { start, end }, why: 'be_account_check_digits' });
    }
  }
  return findings;
}

/**
 * The greedy pattern may swallow a following word ("BE68 5390 0754 7034 op"): try the longest prefix
 * first and shrink until the checks pass.
 */
function longestValidIban(raw: string): { length: number; why: 'iban_be_check_digits' | 'iban_check_digits' } | null {
  for (let end = raw.length; end >= 15; end -= 1) {
    if (!/[A-Z0-9]$/i.test(raw.slice(0, end))) continue;
    const compact = raw.slice(0, end).replace(/[ .\-]/g, '').toUpperCase();
    if (compact.startsWith('BE')) {
      if (compact.length === 16 && ibanCheck(compact) && belgianNationalCheck(compact.slice(4))) {
        return { length: end, why: 'iban_be_check_digits' };
      }
      continue;
    }
    if (compact.length >= 15 && compact.length <= 34 && ibanCheck(compact)) return { length: end, why: 'iban_check_digits' };
  }
  return null;
}

function ibanCheck(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return /^\d+$/.test(numeric) && mod97(numeric) === 1;
}

/** Belgian BBAN: 12 digits, the last two = first ten mod 97 (97 when that is 0). */
export function belgianNationalCheck(bban: string): boolean {
  if (!/^\d{12}$/.test(bban)) return false;
  const rest = mod97(bban.slice(0, 10));
  return (rest === 0 ? 97 : rest) === Number(bban.slice(10));
}
