import { quotedCitations, unquotedCount, type ConsentReview, type StatementRecord } from '../../../core/index.js';
import { html, multiline, type Html } from '../html.js';
import type { Ctx, FormState } from '../pages.js';
import { formAlert, val } from './util.js';
import { guardBox } from './guard.js';

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

/** One consent request: the exact text of this version and four clear answers. */
export function consentCard(ctx: Ctx, review: ConsentReview, state: FormState | null): Html {
  const formId = `consent-${review.request.id}`;
  const mine = new Set(review.myContributionIds);
  return html`<article class="card" id="${formId}">
    <h3>${ctx.t('web:consent.title', { number: review.version.number })}</h3>
    <p class="lead">${ctx.t('privacy:consentShort')}</p>
    <p>${ctx.t('web:consent.intro')}</p>
    <p class="hint">${ctx.t('web:consent.free')}</p>
    ${statementList(ctx, review.version.statements, mine)}
    ${formAlert(state, formId)}
    <form method="post" action="/consent/${review.request.id}">
      <label for="${formId}-comment">${ctx.t('web:consent.comment')}</label>
      <p class="hint" id="${formId}-comment-hint">${ctx.t('web:consent.commentHint')}</p>
      <textarea id="${formId}-comment" name="comment" aria-describedby="${formId}-comment-hint">${val(state, formId, 'comment')}</textarea>
      ${guardBox(ctx, state, formId, ['comment'])}
      <div class="actions">
        <button type="submit" name="decision" value="approve">${ctx.t('web:consent.approve')}</button>
        <button type="submit" name="decision" value="approve_anonymous" class="secondary">${ctx.t('web:consent.approveAnonymous')}</button>
        <button type="submit" name="decision" value="request_change" class="secondary">${ctx.t('web:consent.requestChange')}</button>
        <button type="submit" name="decision" value="withdraw" class="danger">${ctx.t('web:consent.withdraw')}</button>
      </div>
      <p class="hint">${ctx.t('web:consent.withdrawHint')}</p>
    </form>
  </article>`;
}
