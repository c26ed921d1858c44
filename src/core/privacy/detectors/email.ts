import type { Finding } from '../guard.js';

/**
 * E-mail addresses, including the disguised forms people use to dodge spam filters:
 * "jan.peeters (at) telenet (dot) be", "marie[at]skynet.be", "jan apenstaartje gmail punt com" is not
 * covered (too close to ordinary words).
 */
const LOCAL = String.raw`[\p{L}\p{N}._%+\-]+`;
const AT = String.raw`(?:\s?@\s?|\s?[\[(]\s?(?:at|@|apenstaart(?:je)?|arobase)\s?[\])]\s?)`;
const DOT = String.raw`(?:\.|\s?[\[(]\s?(?:dot|punt|point)\s?[\])]\s?)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+\-])${LOCAL}${AT}(?:${LABEL}${DOT})+\p{L}{2,24}(?![\p{L}\p{N}])`, 'giu');

export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    category: 'email' as const,
    span: { start: match.index, end: match.index + match[0].length },
    why: 'email_address' as const,
  }));
}
