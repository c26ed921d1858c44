// Shared parts of answering a member, the same in every channel: their language from the platform's
// locale, a failure as a message in that language, and the privacy-first detour.
import { isDomainError, LANGUAGES, type Language } from '../core/index.js';
import { errorMessage } from '../i18n/errors.js';
import type { Logger } from '../logger.js';

/** The member's language from a platform locale ("fr-FR", "nl_BE", "en"); Dutch when it says nothing we speak. */
export function languageOfLocale(locale: unknown): Language {
  const code = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'nl';
}

/**
 * The message for a failure, in the member's language. A DomainError is an answer (its code picks the
 * words); anything else is logged, by code only (never content), and the member gets a plain apology.
 */
export function failureMessage(logger: Logger, language: Language, error: unknown): string {
  if (!isDomainError(error)) {
    const e = (error && typeof error === 'object' ? error : {}) as { code?: unknown; data?: { error?: unknown } };
    const code = typeof e.code === 'string' ? e.code : error instanceof Error ? error.name : 'unknown';
    logger.error({ err: code, ...(typeof e.data?.error === 'string' ? { api: e.data.error } : {}) }, 'channel handler failed');
  }
  return errorMessage(language, error);
}

/**
 * The privacy-first detour: an expert who has not accepted the privacy text yet is shown it (one tap
 * leads on) instead of an error, whatever they were trying to do.
 */
export function needsPrivacyDetour(error: unknown): boolean {
  return isDomainError(error) && error.code === 'participation_consent_required';
}
