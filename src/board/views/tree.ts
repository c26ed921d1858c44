import type { BacklogItemRecord } from '../../core/index.js';
import { html, multiline, type Html } from '../../channels/web/html.js';
import type { Ctx } from '../../channels/web/pages.js';
import { boardResponse, itemFacts } from '../../channels/web/views/outcomes.js';
import { translationLine } from '../../channels/web/views/consent.js';

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

function node(ctx: Ctx, item: BacklogItemRecord, children: Map<string | null, BacklogItemRecord[]>, board: boolean): Html {
  const below = children.get(item.id) ?? [];
  return html`<li id="item-${item.id}"><div class="item">
    <p><span class="muted">${ctx.t(`common:backlogLevel.${item.level}`)}</span><br><span class="title">${item.title}</span></p>
    ${item.description ? html`<p>${multiline(item.description)}</p>` : ''}
    <p>${itemFacts(ctx, item)}</p>
    ${item.boardResponse || item.level === 'action' ? boardResponse(ctx, item) : ''}
    ${origins(ctx, item)}
    ${board
      ? html`<div class="actions"><a class="button secondary" href="/board/items/${item.id}">${ctx.t('board:editItem')}</a>
        ${item.level !== 'action' ? html`<a class="button secondary" href="/board/items/new?parent=${item.id}">${ctx.t('board:addBelow')}</a>` : ''}</div>`
      : ''}
  </div>${below.length ? html`<ul>${below.map((c) => node(ctx, c, children, board))}</ul>` : ''}</li>`;
}

/** The action plan as a tree: pillar → strategic goal → operational goal → action. */
export function backlogTree(ctx: Ctx, items: BacklogItemRecord[], board: boolean): Html {
  if (items.length === 0) return html`<p>${ctx.t('board:noItems')}</p>`;
  const children = new Map<string | null, BacklogItemRecord[]>();
  const ids = new Set(items.map((i) => i.id));
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  return html`<ul class="tree">${(children.get(null) ?? []).map((i) => node(ctx, i, children, board))}</ul>`;
}
