/**
 * The sensitive-data guard: a pure function run before anything a member writes is stored and before
 * any text goes to a language model. Stable API (used by synthesis through the Synthesizer boundary):
 *
 *   scanText(text, language?) -> Finding[]   (sorted by start, non-overlapping)
 *   redact(text, findings, language?) -> string
 *
 * Findings hold positions and a reason code, never a copy of the matched text, so they can travel in
 * errors, logs and audit details without leaking what they point at.
 */
import type { Language } from '../types.js';
import { findNationalRegisterNumbers } from './detectors/national-register.js';
import { findIbans } from './detectors/iban.js';
import { findPhoneNumbers } from './detectors/phone.js';
import { findEmails } from './detectors/email.js';
import { findThirdPartyHealth } from './detectors/third-party-health.js';
import { findAddresses } from './detectors/address.js';

export const SENSITIVE_CATEGORIES = [
  'national_register_number',
  'iban',
  'phone',
  'email',
  'third_party_health',
  'address',
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** Why a span was flagged: a stable code (documented in README "Privacy and consent"). */
export type FindingReason =
  | 'nrn_checksum_before_2000'
  | 'nrn_checksum_from_2000'
  | 'bis_checksum_before_2000'
  | 'bis_checksum_from_2000'
  | 'iban_be_check_digits'
  | 'iban_check_digits'
  | 'be_account_check_digits'
  | 'phone_be_mobile'
  | 'phone_be_landline'
  | 'phone_be_service'
  | 'email_address'
  | 'name_with_health_detail'
  | 'street_and_number';

export interface Finding {
  category: SensitiveCategory;
  /** Half-open UTF-16 range [start, end) in the scanned text. */
  span: { start: number; end: number };
  why: FindingReason;
}

/** Categories that may never be stored, not even redacted or hashed (no legal basis to process them). */
export const NEVER_STORED: readonly SensitiveCategory[] = ['national_register_number'];

/** Higher wins when two findings overlap: a register number inside a "phone" is still a register number. */
const PRIORITY: Record<SensitiveCategory, number> = {
  national_register_number: 5,
  iban: 4,
  email: 3,
  phone: 2,
  address: 1,
  third_party_health: 1,
};

export function scanText(text: string, language?: Language): Finding[] {
  // Most fields of most requests are empty (a vote without a reason): nothing to find, no pattern to run.
  if (text.trim() === '') return [];
  const all = [
    ...findNationalRegisterNumbers(text),
    ...findIbans(text),
    ...findEmails(text),
    ...findPhoneNumbers(text),
    ...findThirdPartyHealth(text, language),
    ...findAddresses(text),
  ];
  all.sort((a, b) => PRIORITY[b.category] - PRIORITY[a.category] || a.span.start - b.span.start);
  const kept: Finding[] = [];
  for (const finding of all) {
    if (!kept.some((k) => overlaps(k, finding))) kept.push(finding);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

const PLACEHOLDER: Record<Language, Record<SensitiveCategory, string>> = {
  nl: {
    national_register_number: '[rijksregisternummer verwijderd]',
    iban: '[rekeningnummer verwijderd]',
    phone: '[telefoonnummer verwijderd]',
    email: '[e-mailadres verwijderd]',
    third_party_health: '[naam verwijderd]',
    address: '[adres verwijderd]',
  },
  fr: {
    national_register_number: '[numéro de registre national supprimé]',
    iban: '[numéro de compte supprimé]',
    phone: '[numéro de téléphone supprimé]',
    email: '[adresse e-mail supprimée]',
    third_party_health: '[nom supprimé]',
    address: '[adresse supprimée]',
  },
  en: {
    national_register_number: '[national register number removed]',
    iban: '[account number removed]',
    phone: '[phone number removed]',
    email: '[e-mail address removed]',
    third_party_health: '[name removed]',
    address: '[address removed]',
  },
};

/**
 * Replaces every finding with a placeholder in `language`. For a third party's health detail only the
 * name is replaced: the experience itself is what the panel needs, the person's identity is not.
 */
export function redact(text: string, findings: readonly Finding[], language: Language = 'en'): string {
  const ordered = [...findings].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const finding of ordered) {
    if (finding.span.end > limit) continue;
    out = out.slice(0, finding.span.start) + PLACEHOLDER[language][finding.category] + out.slice(finding.span.end);
    limit = finding.span.start;
  }
  return out;
}

/** Distinct categories, in a fixed order: what an error or a page may show about the findings. */
export function categoriesOf(findings: readonly Finding[]): SensitiveCategory[] {
  return SENSITIVE_CATEGORIES.filter((category) => findings.some((f) => f.category === category));
}
