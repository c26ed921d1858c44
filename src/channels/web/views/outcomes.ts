import type { BacklogItemRecord, ContributionRecord, InputOutcome, NotificationRecord, ReaderTexts } from '../../../core/index.js';
import { localizedText } from './localized.js';
import { html, multiline, type Html } from '../html.js';
import type { Ctx } from '../pages.js';
import { excerpt, when } from './util.js';

/** Status, owner, due date and a progress bar of one action-plan item (shared with the board pages). */
export function itemFacts(ctx: Ctx, item: BacklogItemRecord): Html {
  return html`<span class="tag status-${item.status}">${ctx.t(`common:backlogStatus.${item.status}`)}</span>
    ${item.owner ? html` · ${ctx.t('web:outcome.owner')} ${item.owner}` : ''}
    ${item.dueDate ? html` · ${ctx.t('web:outcome.due')} ${when(ctx, item.dueDate, false)}` : ''}
    <br><strong>${ctx.t('web:outcome.progress')}</strong>
    <progress max="100" value="${item.progress}" aria-label="${ctx.t('web:outcome.progress')}">${item.progress}%</progress> ${item.progress}%`;
}

export function boardResponse(ctx: Ctx, item: BacklogItemRecord, texts?: ReaderTexts): Html {
  if (!item.boardResponse) return html`<p class="muted">${ctx.t('web:outcome.noResponse')}</p>`;
  const answer = texts ? localizedText(ctx, texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse)) : multiline(item.boardResponse);
  return html`<blockquote class="response"><p><strong>${ctx.t('web:outcome.response')}</strong></p><p>${answer}</p>
    ${item.respondedAt ? html`<footer>${when(ctx, item.respondedAt, false)}</footer>` : ''}</blockquote>`;
}

/** "What became of my input": each contribution with the action-plan items that came from it. */
export function outcomesSection(ctx: Ctx, outcomes: InputOutcome[], mine: ContributionRecord[], texts?: ReaderTexts): Html {
  if (outcomes.length === 0) return html`<p>${ctx.t('web:outcome.none')}</p>`;
  return html`${outcomes.map((o) => {
    const c = mine.find((x) => x.id === o.contributionId);
    const text = c ? [c.whatHappens, c.whatIsNeeded, c.idea].filter(Boolean).join(' ') : '';
    return html`<article class="card">
      <p class="muted">${ctx.t('web:outcome.youWrote')} “${excerpt(text)}”</p>
      ${o.items.map((item) => html`<div class="item" id="outcome-${item.id}">
        <p><span class="title">${texts ? localizedText(ctx, texts.get('backlog_item', item.id, 'title', item.title)) : item.title}</span> <span class="muted">(${ctx.t(`common:backlogLevel.${item.level}`)})</span></p>
        <p>${itemFacts(ctx, item)}</p>
        ${boardResponse(ctx, item, texts)}
      </div>`)}
    </article>`;
  })}`;
}

export function notificationsSection(ctx: Ctx, notifications: NotificationRecord[]): Html {
  if (notifications.length === 0) return html``;
  return html`<section aria-labelledby="notifications-h"><h2 id="notifications-h">${ctx.t('web:home.notifications')}</h2>
    <ul>${notifications.map((n) => html`<li>${ctx.t(`common:notification.${n.kind}`)} <span class="muted">(${when(ctx, n.createdAt)})</span></li>`)}</ul>
    <form method="post" action="/notifications/read">
      ${notifications.map((n) => html`<input type="hidden" name="ids" value="${n.id}">`)}
      <button type="submit" class="secondary">${ctx.t('web:home.markRead')}</button>
    </form></section>`;
}
