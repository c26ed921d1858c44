/**
 * The panel's privacy text ("privacy notice"), versioned. Members accept it before they first contribute
 * or vote, and are asked again when the version changes. The text lives in the language catalogs
 * (src/i18n/<lang>/privacy.json, key "notice"); change it there and raise the version here, or the
 * notice test fails (it pins a hash of each language's text to the version).
 */
import { createHash } from 'node:crypto';
import en from '../../i18n/en/privacy.json' with { type: 'json' };
import fr from '../../i18n/fr/privacy.json' with { type: 'json' };
import nl from '../../i18n/nl/privacy.json' with { type: 'json' };
import { DEFAULT_PRIVACY_POLICY, type ChannelName, type ConsentRecordInput, type Language, type PrivacyPolicy } from '../types.js';

// 2026-12.1: a short, plain version opens the text (issue 10); the full text is unchanged.
export const PRIVACY_NOTICE_VERSION = '2026-12.1';

/** The order in which paragraphs are shown (and hashed). */
const PARAGRAPHS = ['intro', 'what', 'who', 'anonymous', 'careful', 'howLong', 'rights', 'support', 'withdraw'] as const;

const CATALOGS: Record<Language, { notice: Record<'title' | 'short' | (typeof PARAGRAPHS)[number], string> }> = { nl, fr, en };

export interface PrivacyNotice {
  version: string;
  language: Language;
  title: string;
  /** The short version in everyday words, shown first; the paragraphs are the full text, one step away. */
  short: string;
  paragraphs: string[];
  /** SHA-256 of exactly what the member was shown (title and paragraphs, with the configured numbers). */
  hash: string;
}

function fill(text: string, policy: PrivacyPolicy): string {
  return text
    .replaceAll('{{retentionDays}}', String(policy.retentionDays))
    .replaceAll('{{deadlineDays}}', String(policy.consentDeadlineDays))
    // Months read more easily than "730 days".
    .replaceAll('{{retentionMonths}}', String(Math.round(policy.retentionDays / 30.44)));
}

export function privacyNotice(language: Language, policy: PrivacyPolicy = DEFAULT_PRIVACY_POLICY): PrivacyNotice {
  const notice = CATALOGS[language].notice;
  const title = fill(notice.title, policy);
  const short = fill(notice.short, policy);
  const paragraphs = PARAGRAPHS.map((key) => fill(notice[key], policy));
  const hash = createHash('sha256').update(JSON.stringify({ version: PRIVACY_NOTICE_VERSION, language, title, short, paragraphs })).digest('hex');
  return { version: PRIVACY_NOTICE_VERSION, language, title, short, paragraphs, hash };
}

/** The consent record of a member's answer to this exact notice (taking part, or stopping). */
export function participationRecord(
  member: { tenantId: string; pseudonym: string },
  notice: PrivacyNotice,
  decision: ConsentRecordInput['decision'],
  channel: ChannelName,
  withdrawsId: string | null = null,
): ConsentRecordInput {
  return {
    tenantId: member.tenantId,
    pseudonym: member.pseudonym,
    purpose: 'participation',
    objectType: 'privacy_notice',
    objectId: notice.version,
    objectHash: notice.hash,
    textVersion: notice.version,
    language: notice.language,
    decision,
    channel,
    withdrawsId,
  };
}
