// An action-plan item's facts and the board's answer, drawn the same on members' and board pages.
import type { BacklogItemRecord, ReaderTexts } from '../../core/index.js';
import { localizedText } from './localized.js';
import { html, multiline, type Html } from '../html.js';
import type { Ctx } from '../pages.js';
import { when } from '../util.js';

/** Status, owner, due date and a progress bar of one action-plan item (shared with the board pages). */
export function itemFacts(ctx: Ctx, item: BacklogItemRecord): Html {
  return html`<span class="tag status-${item.status}">${ctx.t(`common:backlogStatus.${item.status}`)}</span>
    ${item.owner ? html` · ${ctx.t('web:outcome.owner')} ${item.owner}` : ''}
    ${item.dueDate ? html` · ${ctx.t('web:outcome.due')} ${when(ctx, item.dueDate, false)}` : ''}
    <br><strong>${ctx.t('web:outcome.progress')}</strong>
    <progress max="100" value="${item.progress}" aria-label="${ctx.t('web:outcome.progress')}">${item.progress}%</progress> ${item.progress}%`;
}

/** `texts`: the answer in the reader's language where translated (else the original, marked). */
export function boardResponse(ctx: Ctx, item: BacklogItemRecord, texts?: ReaderTexts): Html {
  if (!item.boardResponse) return html`<p class="muted">${ctx.t('web:outcome.noResponse')}</p>`;
  const answer = texts ? localizedText(ctx, texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse)) : multiline(item.boardResponse);
  return html`<blockquote class="response"><p><strong>${ctx.t('web:outcome.response')}</strong></p><p>${answer}</p>
    ${item.respondedAt ? html`<footer>${when(ctx, item.respondedAt, false)}</footer>` : ''}</blockquote>`;
}
