import type { Finding, FindingReason } from '../guard.js';

/**
 * Belgian phone numbers, written the ways people write them: +32 / 0032 / 0 prefix, an optional "(0)"
 * after the country code, and spaces, dots, slashes, dashes or brackets anywhere between digits
 * (0470 12 34 56, 0470/12.34.56, +32 (0)2 123 45 67, 0032470123456).
 *
 * The numbering plan decides, not an allocation list: after the trunk 0, a landline or service number
 * has 8 digits and a mobile number 9 digits starting with 4. Ranges that are not allocated yet match the
 * same shape and are flagged too (they will be allocated one day, and the person wrote them as a number).
 */
const SEP = String.raw`[\s.\/\-()]{0,2}`;
// The national form must not continue a longer number written with dots or dashes (85.07.30-033.29).
const PREFIX = String.raw`(?:\+\s?32|\b0032)${SEP}(?:\(0\)${SEP})?|(?<![\p{L}\p{N}+]|\d[.\/\-])\(?0`;
const PHONE = new RegExp(String.raw`(?:${PREFIX})([1-9](?:${SEP}\d){7,8})(?!${SEP}\d)`, 'gu');

export function findPhoneNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(PHONE)) {
    const national = (match[1] ?? '').replace(/\D/g, '');
    const why = classify(national);
    if (!why) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    if (isEnterpriseNumber(text, start, match[0])) continue;
    findings.push({ category: 'phone', span: { start, end }, why });
  }
  return findings;
}

/** `national` is the number without country code or trunk 0. */
function classify(national: string): FindingReason | null {
  if (national.startsWith('0')) return null;
  if (national.length === 9) return national.startsWith('4') ? 'phone_be_mobile' : null;
  if (national.length !== 8) return null;
  // 070, 077, 078, 0800 and 090x are shared-cost, free or premium numbers: still a number to call.
  return /^(?:70|77|78|80|90)/.test(national) ? 'phone_be_service' : 'phone_be_landline';
}

/**
 * A company's enterprise number (KBO/BCE, 0403.199.702) has the shape of a mobile number but is public and
 * names an organisation: written in 4.3.3 groups with dots, or after "BE", "KBO", "BTW", "TVA"... and its
 * last two digits are 97 - (the first eight mod 97).
 */
const ENTERPRISE_CONTEXT = /(?:\bBE|KBO|BCE|BTW|TVA|VAT|ondernemingsn(?:umme)?r|entreprise|enterprise|company(?:\snumber)?|n°)[\s.:]*$/iu;
function isEnterpriseNumber(text: string, start: number, written: string): boolean {
  const digits = written.replace(/\D/g, '');
  if (digits.length !== 10) return false;
  const checked = 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
  if (!checked) return false;
  return /^0\d{3}\.\d{3}\.\d{3}$/.test(written.trim()) || ENTERPRISE_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
}
