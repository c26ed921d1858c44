import type { ContributionRecord, InputOutcome, NotificationRecord } from '../../../core/index.js';
import { boardResponse, itemFacts } from '../../../web-ui/fragments/action-plan.js';
import { html, multiline, type Html } from '../../../web-ui/html.js';
import type { Ctx } from '../../../web-ui/pages.js';
import { excerpt, when } from '../../../web-ui/util.js';

/** "What became of my input": each contribution with the action-plan items that came from it. */
export function outcomesSection(ctx: Ctx, outcomes: InputOutcome[], mine: ContributionRecord[]): Html {
  if (outcomes.length === 0) return html`<p>${ctx.t('web:outcome.none')}</p>`;
  return html`${outcomes.map((o) => {
    const c = mine.find((x) => x.id === o.contributionId);
    const text = c ? [c.whatHappens, c.whatIsNeeded, c.idea].filter(Boolean).join(' ') : '';
    return html`<article class="card">
      <p class="muted">${ctx.t('web:outcome.youWrote')} “${excerpt(text)}”</p>
      ${o.items.map((item) => html`<div class="item" id="outcome-${item.id}">
        <p><span class="title">${item.title}</span> <span class="muted">(${ctx.t(`common:backlogLevel.${item.level}`)})</span></p>
        <p>${itemFacts(ctx, item)}</p>
        ${boardResponse(ctx, item)}
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
