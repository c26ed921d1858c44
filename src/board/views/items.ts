import { BACKLOG_LEVELS, BACKLOG_STATUSES, DomainError, listBacklog, listSummaries, LIMITS, quotedCitations, unquotedCount, type BacklogItemRecord } from '../../core/index.js';
import { html, selectedIf, type Html } from '../../web-ui/html.js';
import { id, optionalId } from '../../web-ui/form.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { excerpt, formAlert, inputDate, val } from '../../web-ui/util.js';
import { translationLine } from '../../web-ui/fragments/statements.js';
import { boardResponse, itemFacts } from '../../web-ui/fragments/action-plan.js';
import { requireBoard } from '../access.js';
import { origins } from './tree.js';
import { historySection } from './plan.js';

function field(ctx: Ctx, state: FormState | null, f: string, name: string, label: string, value: string, type = 'text', hint?: string): Html {
  return html`<label for="${f}-${name}">${label}</label>${hint ? html`<p class="hint" id="${f}-${name}-hint">${hint}</p>` : ''}
    <input type="${type}" id="${f}-${name}" name="${name}" value="${val(state, f, name, value)}"${type === 'number' ? html` min="0" max="100" step="5"` : ''}${hint ? html` aria-describedby="${f}-${name}-hint"` : ''}>`;
}

function statusField(ctx: Ctx, state: FormState | null, f: string, current: string): Html {
  const v = val(state, f, 'status', current);
  return html`<label for="${f}-status">${ctx.t('board:field.status')}</label>
    <select id="${f}-status" name="status">${BACKLOG_STATUSES.map((s) => html`<option value="${s}"${selectedIf(v === s)}>${ctx.t(`common:backlogStatus.${s}`)}</option>`)}</select>`;
}

/** Fields shared by creating and updating an item: status, owner, due date, progress. */
function followUp(ctx: Ctx, state: FormState | null, f: string, item: Partial<BacklogItemRecord>): Html {
  return html`${statusField(ctx, state, f, item.status ?? 'proposed')}
    ${field(ctx, state, f, 'owner', ctx.t('board:field.owner'), item.owner ?? '')}
    ${field(ctx, state, f, 'dueDate', ctx.t('board:field.dueDate'), inputDate(item.dueDate ?? null, ctx.timeZone), 'date', ctx.t('web:panel.optional'))}
    ${field(ctx, state, f, 'progress', ctx.t('board:field.progress'), String(item.progress ?? 0), 'number', ctx.t('board:field.progressHint'))}`;
}

/** A new action-plan item at any level; from a published statement the form is prefilled and linked. */
export async function newItemPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireBoard(ctx.actor);
  const f = 'new-item';
  const items = await listBacklog(ctx.deps, ctx.actor);
  const statementId = optionalId(ctx.query.statement);
  const pollId = optionalId(ctx.query.poll);
  const parent = optionalId(ctx.query.parent);
  const statement = statementId
    ? (await listSummaries(ctx.deps, ctx.actor)).flatMap((s) => s.published?.statements ?? []).find((s) => s.id === statementId)
    : undefined;
  if (statementId && !statement) throw new DomainError('not_found');
  const parentItem = items.find((i) => i.id === parent);
  const next = parentItem ? BACKLOG_LEVELS[BACKLOG_LEVELS.indexOf(parentItem.level) + 1] : undefined;
  const level = val(state, f, 'level', ctx.query.level ?? next ?? (statement || pollId ? 'action' : 'pillar'));
  const parentId = val(state, f, 'parentId', parentItem?.id ?? '');
  const title = statement ? excerpt(statement.theme ? `${statement.theme}: ${statement.text}` : statement.text, LIMITS.shortText - 1) : '';
  const { t } = ctx;
  const body = html`<p>${t('board:newIntro')}</p>
    ${statement ? html`<section class="card"><h2>${t('board:fromStatement')}</h2><p>${statement.text}</p>
      ${unquotedCount(statement) > 0 ? html`<p class="muted">${t('common:unquoted', { count: unquotedCount(statement) })}</p>` : ''}${quotedCitations(statement).map((c) => html`<blockquote><p>“${c.quote}”</p>${translationLine(ctx, c.translation)}<footer>${c.attributedName ?? t('web:summary.anonymous')}</footer></blockquote>`)}</section>` : ''}
    ${formAlert(state, f)}
    <form method="post" action="/board/items">
      ${statement ? html`<input type="hidden" name="statementIds" value="${statement.id}">` : ''}
      ${pollId ? html`<input type="hidden" name="pollIds" value="${pollId}">` : ''}
      <label for="${f}-level">${t('board:field.level')}</label>
      <select id="${f}-level" name="level">${BACKLOG_LEVELS.map((l) => html`<option value="${l}"${selectedIf(level === l)}>${t(`common:backlogLevel.${l}`)}</option>`)}</select>
      <label for="${f}-parentId">${t('board:field.parent')}</label>
      <p class="hint" id="${f}-parentId-hint">${t('board:field.parentHint')}</p>
      <select id="${f}-parentId" name="parentId" aria-describedby="${f}-parentId-hint"><option value="">${t('board:field.noParent')}</option>
        ${items.filter((i) => i.level !== 'action').map((i) => html`<option value="${i.id}"${selectedIf(parentId === i.id)}>${t(`common:backlogLevel.${i.level}`)}: ${i.title}</option>`)}</select>
      ${field(ctx, state, f, 'title', t('board:field.title'), title)}
      <label for="${f}-description">${t('board:field.description')}</label>
      <textarea id="${f}-description" name="description">${val(state, f, 'description', statement?.text ?? '')}</textarea>
      ${followUp(ctx, state, f, {})}
      <div class="actions"><button type="submit">${t('board:create')}</button> <a href="/board#plan-h">${t('web:common.cancel')}</a></div>
    </form>`;
  return { title: t('board:newTitle'), body };
}

/** One item: follow-up (status, owner, due date, progress) and the answer to the panel. */
export async function itemPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireBoard(ctx.actor);
  const itemId = id(ctx.params.id);
  const item = (await listBacklog(ctx.deps, ctx.actor)).find((i) => i.id === itemId);
  if (!item) throw new DomainError('not_found');
  const { t } = ctx;
  const body = html`<section class="card"><p class="muted">${t(`common:backlogLevel.${item.level}`)}</p><h2>${item.title}</h2>
      <p>${itemFacts(ctx, item)}</p>${boardResponse(ctx, item)}${origins(ctx, item)}</section>
    <h2>${t('board:followUp')}</h2>
    ${formAlert(state, 'update-item')}
    <form method="post" action="/board/items/${item.id}">
      ${field(ctx, state, 'update-item', 'title', t('board:field.title'), item.title)}
      ${followUp(ctx, state, 'update-item', item)}
      <div class="actions"><button type="submit">${t('board:save')}</button></div>
    </form>
    <h2>${t('board:respondTitle')}</h2>
    <p>${t('board:respondIntro')}</p>
    ${formAlert(state, 'respond')}
    <form method="post" action="/board/items/${item.id}/response">
      <label for="respond-response">${t('board:field.response')}</label>
      <textarea id="respond-response" name="response">${val(state, 'respond', 'response', item.boardResponse)}</textarea>
      <div class="actions"><button type="submit">${t('board:respond')}</button></div>
    </form>
    ${await historySection(ctx, item.id)}
    <p><a href="/board#item-${item.id}">${t('board:back')}</a></p>`;
  return { title: t('board:itemTitle'), body };
}
