import type { MemberThread, StatementTranslation } from '../../../core/index.js';
import { html, type Html } from '../../../web-ui/html.js';
import type { Ctx } from '../../../web-ui/pages.js';
import { statementList } from '../../../web-ui/fragments/statements.js';
import { resultsBlock } from '../../../web-ui/fragments/results.js';
import { when } from '../../../web-ui/util.js';

/** Closed polls with their results, and the published summaries that quote the member (their quotes marked). */
export function threadSections(ctx: Ctx, thread: MemberThread, translations?: ReadonlyMap<string, StatementTranslation>): Html {
  const { t } = ctx;
  return html`<section aria-labelledby="closed-h"><h2 id="closed-h">${t('thread:closedPolls')}</h2>
      ${thread.closedPolls.length === 0 ? html`<p>${t('thread:noClosedPolls')}</p>` : ''}
      ${thread.closedPolls.map((r) => html`<article class="card" id="closed-${r.poll.id}"><h3>${r.poll.question}</h3>
        ${resultsBlock(ctx, r)}<p><a href="/polls/${r.poll.id}">${t('thread:seeResults')}</a></p></article>`)}
    </section>
    <section aria-labelledby="summaries-h"><h2 id="summaries-h">${t('thread:summaries')}</h2>
      ${thread.summaries.length === 0 ? html`<p>${t('thread:noSummaries')}</p>` : ''}
      ${thread.summaries.map(({ summary, version, mine }) => html`<article class="card" id="summary-${summary.id}"><h3>${summary.title}</h3>
        <p class="muted">${t('thread:published', { number: version.number, date: when(ctx, version.publishedAt, false) })}</p>
        <p class="hint">${t('thread:yoursMarked')}</p>
        <details><summary>${t('thread:read', { count: version.statements.length })}</summary>${statementList(ctx, version.statements, new Set(mine), { lang: version.language, ...(translations ? { translations } : {}) })}</details></article>`)}
    </section>`;
}
