import { panelStats } from '../../core/index.js';
import { html, type Html } from '../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { formatDate } from '../../i18n/index.js';
import { when } from '../../web-ui/util.js';
import { requireReader } from '../access.js';
import type { Chart } from '../brief/document.js';
import { barChart } from '../brief/svg.js';

function pair(ctx: Ctx, chart: Chart, table: Html): Html {
  return html`<figure class="chart-pair"><div class="chart-box">${barChart(chart)}<p class="hint">${ctx.t('brief:chartNote')}</p></div>${table}</figure>`;
}

/** Across months, on one page: contributions per domain, turnout per poll, "you said, we did" latency. */
export async function statsPage(ctx: Ctx, _state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const stats = await panelStats(ctx.deps, ctx.actor, { months: 12, timeZone: ctx.timeZone });
  const monthLabel = (m: string) => new Intl.DateTimeFormat(ctx.lang, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-15T00:00:00Z`));
  const months = stats.months.map(monthLabel);
  const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0);
  const body = html`<p>${t('stats:intro')}</p>
    <h2 id="contrib-h">${t('stats:contributions')}</h2>
    ${pair(ctx, { labels: months, series: [{ name: t('brief:col.contributions'), values: stats.totals }] },
      html`<div class="table-wrap"><table><caption>${t('stats:perMonth')}</caption><thead><tr><th scope="col">${t('stats:month')}</th><th scope="col">${t('brief:col.contributions')}</th></tr></thead>
        <tbody>${months.map((m, i) => html`<tr><th scope="row">${m}</th><td>${stats.totals[i]}</td></tr>`)}</tbody></table></div>`)}
    <p id="per-domain"><strong>${t('stats:perDomain')}</strong></p>
    <div class="table-wrap"><table aria-labelledby="per-domain">
      <thead><tr><th scope="col">${t('brief:col.domain')}</th>${months.map((m) => html`<th scope="col">${m}</th>`)}</tr></thead>
      <tbody>${stats.contributions.map((row) => html`<tr><th scope="row">${row.labels ? row.labels[ctx.lang] : t('stats:noDomain')}</th>${row.perMonth.map((n) => html`<td>${n}</td>`)}</tr>`)}</tbody></table></div>
    ${stats.domainsHidden.length ? html`<p class="hint">${t('brief:representationHidden', { min: stats.minGroupSize, domains: stats.domainsHidden.map((d) => d.labels[ctx.lang]).join(', ') })}</p>` : ''}

    <h2 id="turnout-h">${t('stats:turnout')}</h2>
    ${stats.polls.length === 0
      ? html`<p>${t('brief:noPolls')}</p>`
      : pair(ctx, { labels: stats.polls.map((p) => p.question), series: [{ name: t('stats:share'), values: stats.polls.map((p) => pct(p.turnout, p.audience)) }] },
          html`<div class="table-wrap"><table><caption>${t('stats:turnout')}</caption><thead><tr><th scope="col">${t('stats:poll')}</th><th scope="col">${t('stats:closed')}</th><th scope="col">${t('stats:share')}</th></tr></thead>
            <tbody>${stats.polls.map((p) => html`<tr><th scope="row">${p.question}</th><td>${when(ctx, p.closedAt, false)}</td><td>${p.turnout}/${p.audience} (${pct(p.turnout, p.audience)}%)</td></tr>`)}</tbody></table></div>`)}

    <h2 id="latency-h">${t('stats:latency')}</h2>
    <p>${stats.medianLatencyDays === null ? t('stats:noLatency') : t('stats:median', { days: stats.medianLatencyDays })}</p>
    ${stats.latency.length
      ? html`<div class="table-wrap"><table><caption>${t('stats:latency')}</caption><thead><tr><th scope="col">${t('brief:col.item')}</th><th scope="col">${t('stats:answered')}</th><th scope="col">${t('stats:days')}</th></tr></thead>
          <tbody>${stats.latency.map((l) => html`<tr><th scope="row">${l.title}</th><td>${formatDate(ctx.lang, l.respondedAt, ctx.timeZone, false)}</td><td>${l.days}</td></tr>`)}</tbody></table></div>`
      : ''}`;
  return { title: t('stats:title'), body };
}
