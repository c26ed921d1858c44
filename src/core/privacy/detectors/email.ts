import type { Finding } from '../guard.js';

/**
 * E-mail addresses, including the disguised forms people use to dodge spam filters:
 * "jan.peeters (at) telenet (dot) be", "marie[at]skynet.be", and spoken ones ("naam at gmail punt com",
 * "josiane arobase skynet point be"). A spoken address must end in a known top-level domain, since "at"
 * and "punt" are ordinary words too.
 */
const LOCAL = String.raw`[\p{L}\p{N}._%+\-]+`;
const AT = String.raw`(?:\s?@\s?|\s?[\[(]\s?(?:at|@|apenstaart(?:je)?|arobase)\s?[\])]\s?)`;
const DOT = String.raw`(?:\.|\s?[\[(]\s?(?:dot|punt|point)\s?[\])]\s?)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+\-])${LOCAL}${AT}(?:${LABEL}${DOT})+\p{L}{2,24}(?![\p{L}\p{N}])`, 'giu');

const SPOKEN_AT = String.raw`\s(?:at|apenstaart(?:je)?|arobase|arrobas)\s`;
const SPOKEN_DOT = String.raw`(?:\.|\s(?:dot|punt|point)\s)`;
const TLD = String.raw`(?:com|be|net|org|eu|fr|nl|lu|de|uk|info|io|me)`;
const SPOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}._%+\-])${LOCAL}${SPOKEN_AT}(?:${LABEL}${SPOKEN_DOT})+${TLD}(?![\p{L}\p{N}])`, 'giu');

export function findEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const pattern of [EMAIL, SPOKEN]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (findings.some((f) => f.span.start < end && start < f.span.end)) continue;
      findings.push({ category: 'email', span: { start, end }, why: 'email_address' });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}
