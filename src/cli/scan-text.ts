import { redact, scanText } from '../core/privacy/guard.js';
import { isLanguage } from '../i18n/index.js';
import type { Language } from '../core/types.js';

/**
 * `scan-text`: what the guard finds in a text, as JSON (the operator's own text: the matched pieces are
 * printed). Pure: no database, no network.
 */
export function scanTextReport(text: string, language: string | undefined) {
  const lang: Language = isLanguage(language) ? language : 'nl';
  const findings = scanText(text, lang);
  return {
    language: lang,
    findings: findings.map((f) => ({ ...f, text: text.slice(f.span.start, f.span.end) })),
    redacted: redact(text, findings, lang),
  };
}
