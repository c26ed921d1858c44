import type { PollResults } from '../../core/index.js';
import { html, type Html } from '../../web-ui/html.js';
import type { Ctx } from '../../web-ui/pages.js';

/** Result rows with a bar each; the numbers are in the table, the bars are decoration. */
export function resultsRows(ctx: Ctx, r: PollResults): Html {
  const rows =
    r.poll.kind === 'scale'
      ? r.scale.map((s) => ({ label: String(s.value), count: s.count }))
      : r.poll.kind === 'consent'
        ? r.consent.map((c) => ({ label: ctx.t(`common:consentVote.${c.vote}`), count: c.count }))
        : r.options.map((o) => ({ label: o.label, count: o.count }));
  return html`<div class="table-wrap"><table class="results"><tbody>${rows.map((row) => {
    const pct = r.turnout > 0 ? Math.round((row.count / r.turnout) * 100) : 0;
    return html`<tr><th scope="row">${row.label}</th><td class="count">${row.count}</td><td><progress max="100" value="${pct}" aria-hidden="true"></progress> ${pct}%</td></tr>`;
  })}</tbody></table></div>
  ${r.scaleAverage !== null ? html`<p>${ctx.t('web:results.average', { value: r.scaleAverage })}</p>` : ''}`;
}
