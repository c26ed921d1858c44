import type { ContributionRecord, InputOutcome, NotificationRecord, ReaderTexts } from '../../../core/index.js';
import { localizedText } from '../../../web-ui/fragments/localized.js';
import { boardResponse, itemFacts } from '../../../web-ui/fragments/action-plan.js';
import { html, multiline, type Html } from '../../../web-ui/html.js';
import { notificationView, type NotificationTarget } from '../../notification.js';
import type { Ctx } from '../../../web-ui/pages.js';
import { excerpt, when } from '../../../web-ui/util.js';

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

/** Where a notification's link leads on this site (the member's home sections, the panel pages). */
function webPathOf(ctx: Ctx, target: NotificationTarget): string {
  const facilitates = ctx.actor.role === 'facilitator' || ctx.actor.role === 'admin';
  switch (target.kind) {
    case 'poll':
      return '/home#polls-h';
    case 'round':
      return '/home#round-h';
    case 'consent':
      return '/home#consent-h';
    case 'outcomes':
      return `/home#outcome-${target.itemId}`;
    case 'summary':
      return facilitates && target.versionId ? `/panel/versions/${target.versionId}` : ctx.actor.role === 'board' ? '/board' : '/home#consent-h';
    case 'support':
      return facilitates ? '/panel#support-h' : '/support';
    default:
      return '/home';
  }
}

export function notificationsSection(ctx: Ctx, notifications: NotificationRecord[]): Html {
  if (notifications.length === 0) return html``;
  return html`<section aria-labelledby="notifications-h"><h2 id="notifications-h">${ctx.t('web:home.notifications')}</h2>
    <ul>${notifications.map((n) => {
      const view = notificationView(ctx.lang, n);
      return html`<li><strong>${view.title}</strong> <span class="muted">(${when(ctx, n.createdAt)})</span><br>${view.text}
        <a href="${webPathOf(ctx, view.target)}">${view.linkLabel}</a></li>`;
    })}</ul>
    <form method="post" action="/notifications/read">
      ${notifications.map((n) => html`<input type="hidden" name="ids" value="${n.id}">`)}
      <button type="submit" class="secondary">${ctx.t('web:home.markRead')}</button>
    </form></section>`;
}
