import { actionPlan, backlogItemHistory, BACKLOG_STATUSES, readerTexts, type PlanNode, type ReaderTexts } from '../../core/index.js';
import { html, selectedIf, type Html } from '../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { boardResponse } from '../../web-ui/fragments/action-plan.js';
import { localizedText } from '../../web-ui/fragments/localized.js';
import { inputDate, when, zoned } from '../../web-ui/util.js';
import { isBoard, requireReader } from '../access.js';
import { origins } from './tree.js';

/** Status, owner, due date (marked when overdue) and the rolled-up progress of one item. */
export function planFacts(ctx: Ctx, node: PlanNode): Html {
  const { item } = node;
  const { t } = ctx;
  const rolled = node.children.length > 0;
  return html`<span class="tag status-${item.status}">${t(`common:backlogStatus.${item.status}`)}</span>
    ${item.owner ? html` · ${t('web:outcome.owner')} ${item.owner}` : ''}
    ${item.dueDate ? html` · ${t('web:outcome.due')} ${when(ctx, item.dueDate, false)}` : ''}
    ${node.overdue ? html` <strong class="overdue">${t('plan:overdue')}</strong>` : ''}
    <br><strong>${t(rolled ? 'plan:rolledProgress' : 'web:outcome.progress')}</strong>
    <progress max="100" value="${node.progress}" aria-hidden="true"></progress> ${node.progress}%`;
}

function node(ctx: Ctx, n: PlanNode, board: boolean, texts: ReaderTexts): Html {
  const { item } = n;
  return html`<li id="item-${item.id}"><div class="item${n.matches ? '' : ' context'}${n.overdue ? ' late' : ''}">
    <p><span class="muted">${ctx.t(`common:backlogLevel.${item.level}`)}</span><br><span class="title">${localizedText(ctx, texts.get('backlog_item', item.id, 'title', item.title))}</span></p>
    <p>${planFacts(ctx, n)}</p>
    ${item.boardResponse || item.level === 'action' ? boardResponse(ctx, item, texts) : ''}
    ${origins(ctx, item)}
    ${board
      ? html`<div class="actions"><a class="button secondary" href="/board/items/${item.id}">${ctx.t('board:editItem')}</a>
        ${item.level !== 'action' ? html`<a class="button secondary" href="/board/items/new?parent=${item.id}">${ctx.t('board:addBelow')}</a>` : ''}</div>`
      : ''}
  </div>${n.children.length ? html`<ul>${n.children.map((c) => node(ctx, c, board, texts))}</ul>` : ''}</li>`;
}

const ids = (nodes: PlanNode[]): string[] => nodes.flatMap((n) => [n.item.id, ...ids(n.children)]);

/** The plan as a tree with rolled-up progress; with filters, items above a match are shown dimmed as its path. */
export async function planTree(ctx: Ctx, roots: PlanNode[], board: boolean): Promise<Html> {
  if (roots.length === 0) return html`<p>${ctx.t('plan:nothing')}</p>`;
  const texts = await readerTexts(ctx.deps, ctx.actor, { backlog_item: ids(roots) });
  return html`<ul class="tree">${roots.map((n) => node(ctx, n, board, texts))}</ul>`;
}

export async function planPage(ctx: Ctx, _state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t, query } = ctx;
  const plan = await actionPlan(ctx.deps, ctx.actor, { status: query.status, owner: query.owner, dueBefore: zoned(query.dueBefore || undefined, ctx.timeZone), overdue: query.overdue });
  const f = plan.filters;
  const body = html`<p>${t('board:planIntro')}</p>
    <form method="get" action="/board/plan" class="filters"><fieldset><legend>${t('plan:filter')}</legend>
      <div class="dates">
        <div><label for="plan-status">${t('board:field.status')}</label><select id="plan-status" name="status"><option value="">${t('plan:any')}</option>
          ${BACKLOG_STATUSES.map((s) => html`<option value="${s}"${selectedIf(f.status === s)}>${t(`common:backlogStatus.${s}`)}</option>`)}</select></div>
        <div><label for="plan-owner">${t('board:field.owner')}</label><input type="text" id="plan-owner" name="owner" list="plan-owners" value="${f.owner ?? ''}">
          <datalist id="plan-owners">${plan.owners.map((o) => html`<option value="${o}"></option>`)}</datalist></div>
        <div><label for="plan-due">${t('plan:dueBefore')}</label><input type="date" id="plan-due" name="dueBefore" value="${inputDate(f.dueBefore, ctx.timeZone)}"></div>
      </div>
      <label class="choice"><input type="checkbox" name="overdue" value="1"${f.overdueOnly ? html` checked` : ''}> ${t('plan:overdueOnly', { count: plan.overdue })}</label>
      <div class="actions"><button type="submit">${t('plan:apply')}</button> <a href="/board/plan">${t('plan:clear')}</a></div>
    </fieldset></form>
    <p role="status">${t('plan:shown', { matching: plan.matching, total: plan.total })}</p>
    ${isBoard(ctx.actor) ? html`<p><a class="button" href="/board/items/new?level=pillar">${t('board:newPillar')}</a></p>` : ''}
    ${await planTree(ctx, plan.roots, isBoard(ctx.actor))}`;
  return { title: t('board:plan'), body };
}

/** An item's timeline: each change of status or progress, oldest first. */
export async function historySection(ctx: Ctx, itemId: string): Promise<Html> {
  const { t } = ctx;
  const history = await backlogItemHistory(ctx.deps, ctx.actor, itemId);
  if (history.length === 0) return html``;
  const state = (status: string | null, progress: number | null) => (status ? `${t(`common:backlogStatus.${status}`)} (${progress ?? 0}%)` : t('brief:new'));
  return html`<h2 id="history-h">${t('plan:history')}</h2><div class="table-wrap"><table aria-labelledby="history-h">
    <thead><tr><th scope="col">${t('brief:col.date')}</th><th scope="col">${t('brief:col.before')}</th><th scope="col">${t('brief:col.now')}</th></tr></thead>
    <tbody>${history.map((h) => html`<tr><td>${when(ctx, h.createdAt)}</td><td>${state(h.previousStatus, h.previousProgress)}</td><td>${state(h.status, h.progress)}</td></tr>`)}</tbody></table></div>`;
}
