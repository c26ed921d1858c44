import { redact, scanText } from '../core/privacy/guard.js';
import type { Language } from '../core/types.js';

/**
 * Contribution text is passed through the privacy guard before it is sent to a model: phone numbers,
 * e-mail addresses, account and register numbers and third parties' names never leave the server. A quote
 * that contains a placeholder cannot match the stored text, so it is removed by verification.
 */
export function redactForModel(text: string, language: Language): string {
  return text.length === 0 ? text : redact(text, scanText(text, language), language);
}
