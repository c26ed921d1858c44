// Statements and verified quotes of a summary version, drawn the same on the member's, the facilitator's
// and the board's pages.
import { quotedCitations, unquotedCount, type Language, type StatementRecord, type StatementTranslation } from '../../core/index.js';
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

/** A statement in the reader's language, under the original and marked (a model's draft as a draft). */
function statementTranslation(ctx: Ctx, tr: StatementTranslation | undefined): Html {
  if (!tr) return html``;
  return html`<p class="translation"><span class="label">${ctx.t(tr.draft ? 'translate:draft' : 'translate:translated')}:</span> <span lang="${tr.lang}">${tr.theme ? `${tr.theme}: ` : ''}${multiline(tr.text)}</span></p>`;
}

/** The statements and verified quotes of one version; the member's own quotes are highlighted. */
export function statementList(
  ctx: Ctx,
  statements: StatementRecord[],
  mine: ReadonlySet<string> = new Set(),
  opts: {
    anchor?: boolean;
    actions?: (s: StatementRecord, index: number) => Html;
    /** The language the summary is written in (marked when it is not the page's), and translations into the reader's. */
    lang?: Language;
    translations?: ReadonlyMap<string, StatementTranslation>;
  } = {},
): Html {
  if (statements.length === 0) return html`<p>${ctx.t('web:summary.noStatements')}</p>`;
  const lang = opts.lang && opts.lang !== ctx.lang ? html` lang="${opts.lang}"` : html``;
  return html`${statements.map((s, i) => html`<section class="card"${opts.anchor ? html` id="statement-${s.id}"` : ''}>
    <h4>${ctx.t('web:summary.statement', { number: i + 1 })}${s.theme ? html`: <span${lang}>${s.theme}</span>` : ''}</h4>
    <p${lang}>${multiline(s.text)}</p>
    ${statementTranslation(ctx, opts.translations?.get(s.id))}
    ${unquotedCount(s) > 0 ? html`<p class="muted unquoted">${ctx.t('common:unquoted', { count: unquotedCount(s) })}</p>` : ''}
    ${quotedCitations(s).map((c) => {
      const own = c.contributionId !== null && mine.has(c.contributionId);
      return html`<blockquote class="${own ? 'mine' : ''}"><p>“${c.quote}”</p>${translationLine(ctx, c.translation)}
        <footer>${own ? html`<strong>${ctx.t('web:consent.yourWords')}</strong> · ` : ''}${c.attributedName ?? ctx.t('web:summary.anonymous')}</footer></blockquote>`;
    })}
    ${opts.actions ? opts.actions(s, i) : ''}
  </section>`)}`;
}
