import type { BacklogItemRecord } from '../../core/index.js';
import { html, type Html } from '../../web-ui/html.js';
import type { Ctx } from '../../web-ui/pages.js';
import { translationLine } from '../../web-ui/fragments/statements.js';

/** Where an item came from: summary statements, polls and the verified quotes they carried. */
export function origins(ctx: Ctx, item: BacklogItemRecord): Html {
  const statements = [...new Set(item.links.map((l) => l.statementId).filter((id): id is string => !!id))];
  const polls = [...new Set(item.links.map((l) => l.pollId).filter((id): id is string => !!id))];
  const quotes = item.links.filter((l) => l.quote);
  if (statements.length + polls.length + quotes.length === 0) return html``;
  return html`<div class="origins"><p><strong>${ctx.t('board:cameFrom')}</strong>
    ${statements.map((id) => html`<a href="/board#statement-${id}">${ctx.t('board:fromStatement')}</a> `)}
    ${polls.map((id) => html`<a href="/board#poll-${id}">${ctx.t('board:fromPoll')}</a> `)}</p>
    ${quotes.map((l) => html`<blockquote><p>“${l.quote}”</p>${translationLine(ctx, l.translation)}</blockquote>`)}</div>`;
}
