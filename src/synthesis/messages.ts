import { SYNTHESIS_FAILURES } from '../core/synthesis.js';
import type { Language } from '../core/types.js';
import { t } from '../i18n/index.js';

/**
 * What the facilitator reads for a failed draft (SummaryVersion.failureReason holds the code). Channels
 * call this rather than showing the code.
 */
export function failureMessage(language: Language, reason: string | null): string {
  const known = (SYNTHESIS_FAILURES as readonly string[]).includes(reason ?? '');
  return t(language, known ? `synthesis:failure.${reason}` : 'synthesis:failure.unknown');
}
