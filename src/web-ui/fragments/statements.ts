// Statements and verified quotes of a summary version, drawn the same on the member's, the facilitator's
// and the board's pages.
import { quotedCitations, unquotedCount, type StatementRecord } from '../../core/index.js';
import { html, multiline, type Html } from '../html.js';
import type { Ctx } from '../pages.js';

/**
 * The synthesis's translation of a quote, under the verbatim quote and marked as a translation (it was
 * not checked word for word, so it is never shown as the quote itself).
 */
export function translationLine(ctx: Ctx, translation: string | null | undefined): Html {
  if (!translation) return html``;
  return html`<span class="translation"><span class="label">${ctx.t('web:summary.translation')}</span> <i>${translation}</i></span>`;
}

/** The statements and verified quotes of one version; the member's own quotes are highlighted. */
export function statementList(
  ctx: Ctx,
  statements: StatementRecord[],
  mine: ReadonlySet<string> = new Set(),
  opts: { anchor?: boolean; actions?: (s: StatementRecord, index: number) => Html } = {},
): Html {
  if (statements.length === 0) return html`<p>${ctx.t('web:summary.noStatements')}</p>`;
  return html`${statements.map((s, i) => html`<section class="card"${opts.anchor ? html` id="statement-${s.id}"` : ''}>
    <h4>${ctx.t('web:summary.statement', { number: i + 1 })}${s.theme ? html`: ${s.theme}` : ''}</h4>
    <p>${multiline(s.text)}</p>
    ${unquotedCount(s) > 0 ? html`<p class="muted unquoted">${ctx.t('common:unquoted', { count: unquotedCount(s) })}</p>` : ''}
    ${quotedCitations(s).map((c) => {
      const own = c.contributionId !== null && mine.has(c.contributionId);
      return html`<blockquote class="${own ? 'mine' : ''}"><p>“${c.quote}”</p>${translationLine(ctx, c.translation)}
        <footer>${own ? html`<strong>${ctx.t('web:consent.yourWords')}</strong> · ` : ''}${c.attributedName ?? ctx.t('web:summary.anonymous')}</footer></blockquote>`;
    })}
    ${opts.actions ? opts.actions(s, i) : ''}
  </section>`)}`;
}
