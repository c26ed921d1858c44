import { actionPlan, listPolls, listSummaries, panelOverview, pollResults } from '../../core/index.js';
import { html } from '../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { statementList } from '../../web-ui/fragments/statements.js';
import { resultsBlock } from '../../web-ui/fragments/results.js';
import { when } from '../../web-ui/util.js';
import { factsBlock } from '../../web-ui/fragments/facts.js';
import { isBoard, requireReader } from '../access.js';
import { planTree } from './plan.js';

/** The board's page: consented summaries, closed poll results and the action plan as a tree. */
export async function boardPage(ctx: Ctx, _state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const board = isBoard(ctx.actor);
  const summaries = (await listSummaries(ctx.deps, ctx.actor)).filter((s) => s.published);
  const polls = await listPolls(ctx.deps, ctx.actor, 'closed');
  const results = [];
  for (const poll of polls) results.push(await pollResults(ctx.deps, ctx.actor, poll.id));
  const plan = await actionPlan(ctx.deps, ctx.actor);
  const { domains } = await panelOverview(ctx.deps, ctx.actor);
  const labels = new Map(domains.map((d) => [d.key, d.labels[ctx.lang]]));
  const body = html`<p class="lead">${t('board:intro')}</p>
  <p><a class="button" href="/board/brief">${t('brief:open')}</a> <a class="button secondary" href="/board/plan">${t('plan:open')}</a> <a class="button secondary" href="/board/meetings">${t('meeting:open')}</a> <a class="button secondary" href="/board/stats">${t('stats:open')}</a> <a class="button secondary" href="/board/translations">${t('translate:open')}</a></p>
  <nav aria-label="${t('board:contents')}"><ul><li><a href="#summaries-h">${t('board:summaries')}</a></li><li><a href="#polls-h">${t('board:polls')}</a></li><li><a href="#plan-h">${t('board:plan')}</a></li></ul></nav>

  <section aria-labelledby="summaries-h"><h2 id="summaries-h">${t('board:summaries')}</h2>
    ${summaries.length === 0 ? html`<p>${t('board:noSummaries')}</p>` : ''}
    ${summaries.map(({ summary, published }) => published && html`<article class="card" id="summary-${summary.id}">
      <h3>${summary.title}</h3>
      <p class="muted">${t('web:summary.version', { number: published.number })} · ${t(`common:generator.${published.generator}`)} · ${t('board:publishedAt', { date: when(ctx, published.publishedAt) })}</p>
      <p class="hint">${t('board:quotesVerified')}</p>
      ${statementList(ctx, published.statements, new Set(), {
        anchor: true,
        actions: (s, i) => (board ? html`<p><a class="button secondary" href="/board/items/new?statement=${s.id}">${t('board:makeItem', { number: i + 1 })}</a></p>` : html``),
      })}
      <h4>${t('web:summary.facts')}</h4>
      ${factsBlock(ctx, published.facts, labels)}
    </article>`)}
  </section>

  <section aria-labelledby="polls-h"><h2 id="polls-h">${t('board:polls')}</h2>
    ${results.length === 0 ? html`<p>${t('board:noPolls')}</p>` : ''}
    ${results.map((r) => html`<article class="card" id="poll-${r.poll.id}"><h3>${r.poll.question}</h3>
      ${resultsBlock(ctx, r)}
      ${board ? html`<a class="button secondary" href="/board/items/new?poll=${r.poll.id}">${t('board:makeItemFromPoll')}</a>` : ''}</article>`)}
  </section>

  <section aria-labelledby="plan-h"><h2 id="plan-h">${t('board:plan')}</h2>
    <p>${t('board:planIntro')}</p>
    ${board ? html`<p><a class="button" href="/board/items/new?level=pillar">${t('board:newPillar')}</a></p>` : ''}
    ${plan.total === 0 ? html`<p>${t('board:noItems')}</p>` : await planTree(ctx, plan.roots, board)}
  </section>`;
  return { title: t('board:title'), body };
}
