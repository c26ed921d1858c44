import type { ConsentReview } from '../../../core/index.js';
import { statementList } from '../../../web-ui/fragments/statements.js';
import { html, multiline, type Html } from '../../../web-ui/html.js';
import type { Ctx, FormState } from '../../../web-ui/pages.js';
import { formAlert, val } from '../../../web-ui/util.js';
import { guardBox } from './guard.js';

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
        <button type="submit" formaction="/consent/${review.request.id}/withdraw" class="danger">${ctx.t('web:consent.withdraw')}</button>
      </div>
      <p class="hint">${ctx.t('web:consent.withdrawHint')}</p>
    </form>
  </article>`;
}
