import { scanText, type Finding } from '../../../core/index.js';
import { html, type Html } from '../../../web-ui/html.js';
import type { Ctx, FormState } from '../../../web-ui/pages.js';

/**
 * When the core refused a form because the guard found sensitive data, this box shows what it found
 * (the member's own text, on their own screen, never stored) and the two ways on: change the text in
 * the form and send again, or let the bot redact. The redact button submits the same form with the
 * text as it is now plus `redact=1`; the core then stores the redacted text.
 */
export function guardBox(ctx: Ctx, state: FormState | null, formId: string, fields: readonly string[]): Html {
  if (state?.formId !== formId) return html``;
  const found: { field: string; text: string; finding: Finding }[] = [];
  for (const field of fields) {
    const text = state.values.all(field)[0] ?? '';
    for (const finding of scanText(text, ctx.lang)) found.push({ field, text, finding });
  }
  if (found.length === 0) return html``;
  const { t } = ctx;
  return html`<section class="card guard" aria-labelledby="${formId}-guard-h">
    <h4 id="${formId}-guard-h">${t('privacy:guard.title')}</h4>
    <p>${t('privacy:guard.intro')}</p>
    <ul>${found.map(({ text, finding }) => html`<li>${t(`privacy:category.${finding.category}`)}: <mark>${text.slice(finding.span.start, finding.span.end)}</mark></li>`)}</ul>
    <p>${t('privacy:guard.rephrase')}</p>
    <p><button type="submit" name="redact" value="1" class="secondary">${t('privacy:guard.redact')}</button></p>
    <p class="hint">${t('privacy:guard.redactHint')}</p>
  </section>`;
}
