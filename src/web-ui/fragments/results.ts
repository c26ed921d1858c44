// Poll results as the core lets the reader see them, on members' and board pages.
import type { pollResults } from '../../core/index.js';
import { html, type Html } from '../html.js';
import type { Ctx } from '../pages.js';
import { when } from '../util.js';

type PollResults = Awaited<ReturnType<typeof pollResults>>;

function bars(rows: { label: string; count: number }[], total: number): Html {
  return html`<table><tbody>${rows.map((r) => {
    const pct = total > 0 ? Math.round((r.count / total) * 100) : 0;
    return html`<tr><th scope="row">${r.label}</th><td>${r.count}</td><td><progress max="100" value="${pct}" aria-hidden="true"></progress> ${pct}%</td></tr>`;
  })}</tbody></table>`;
}

/** Poll results as the core allows this member to see them (hidden until close, voters only when allowed). */
export function resultsBlock(ctx: Ctx, r: PollResults): Html {
  const { t } = ctx;
  const poll = r.poll;
  const rows =
    poll.kind === 'scale'
      ? r.scale.map((s) => ({ label: String(s.value), count: s.count }))
      : poll.kind === 'consent'
        ? r.consent.map((c) => ({ label: t(`common:consentVote.${c.vote}`), count: c.count }))
        : r.options.map((o) => ({ label: o.label, count: o.count }));
  return html`<p>${t(`common:turnout.${r.poll.audience}`, { turnout: r.turnout, eligible: r.eligible })}
    · ${r.open ? t('web:results.open') : t('web:results.closed', { date: when(ctx, r.closedAt) })}</p>
    ${r.visible
      ? html`${bars(rows, r.turnout)}
        ${r.scaleAverage !== null ? html`<p>${t('web:results.average', { value: r.scaleAverage })}</p>` : ''}
        ${r.objections.length ? html`<h4>${t('web:results.objections')}</h4><ul>${r.objections.map((o) => html`<li>${o.reason}${o.name ? html` <span class="muted">(${t('common:reasonAttribution.by', { name: o.name })})</span>` : ''}</li>`)}</ul>` : ''}
        ${r.voters ? html`<details><summary>${t('web:results.voters')}</summary><ul>${r.voters.map((v) => html`<li>${v.displayName}: ${poll.kind === 'consent' ? t(`common:consentVote.${v.choice}`, { defaultValue: v.choice }) : v.choice}</li>`)}</ul></details>` : ''}`
      : html`<p>${t('web:results.hidden')}</p>`}`;
}
