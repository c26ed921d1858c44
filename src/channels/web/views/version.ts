import { DomainError, getSummaryVersion, listSummaries, openChangeRequests, panelOverview, versionConsent, type MemberConsentState, type OpenChangeRequest, type SummaryFacts } from '../../../core/index.js';
import { failureMessage } from '../../../synthesis/messages.js';
import { html, type Html } from '../../../web-ui/html.js';
import { id } from '../../../web-ui/form.js';
import type { Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { statementList } from '../../../web-ui/fragments/statements.js';
import { factsBlock } from '../../../web-ui/fragments/facts.js';
import { requireFacilitator } from './panel.js';
import { formAlert, when } from '../../../web-ui/util.js';

/** Each cited member's answer, with the comment of a change request, so the facilitator can act on it. */
function consentTable(ctx: Ctx, states: MemberConsentState[]): Html {
  const { t } = ctx;
  if (states.length === 0) return html``;
  return html`<ul class="consent-states">${states.map(
    (s) => html`<li><strong>${s.anonymousAuthor ? t('common:attribution.anonymous') : s.displayName}</strong>: ${t(`common:consentStatus.${s.status}`)}${s.comment ? html` — <q>${s.comment}</q>` : ''}</li>`,
  )}</ul>`;
}

/** Change requests not handled yet, from any version: they stay until the facilitator marks them handled. */
function changeRequestList(ctx: Ctx, open: OpenChangeRequest[], versionId: string): Html | string {
  if (open.length === 0) return '';
  return html`<section class="card" aria-labelledby="changes-h" id="change-requests"><h3 id="changes-h">${ctx.t('common:changeRequests.title')}</h3><ul>${open.map(
    (r) => html`<li>${ctx.t('common:changeRequests.from', { name: r.displayName, number: r.versionNumber })}${r.comment ? html` — <q>${r.comment}</q>` : ''}
      <form method="post" action="/panel/change-requests/${r.requestId}/handled" class="inline"><input type="hidden" name="back" value="${versionId}"><button type="submit" class="secondary">${ctx.t('common:changeRequests.handled')}</button></form></li>`,
  )}</ul></section>`;
}

/** One version of a summary for the facilitator: status, source, quotes, removals, facts and consent. */
export async function versionPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireFacilitator(ctx.actor);
  const version = await getSummaryVersion(ctx.deps, ctx.actor, id(ctx.params.id));
  const overview = (await listSummaries(ctx.deps, ctx.actor)).find((s) => s.summary.id === version.summaryId);
  if (!overview) throw new DomainError('not_found');
  const { domains } = await panelOverview(ctx.deps, ctx.actor);
  const labels = new Map(domains.map((d) => [d.key, d.labels[ctx.lang]]));
  const { t } = ctx;
  const latest = overview.latest?.id === version.id;
  const body = html`<h2>${overview.summary.title}</h2>
    <p>${t('web:summary.version', { number: version.number })}: <strong>${t(`common:versionStatus.${version.status}`)}</strong>
      · ${t(`common:generator.${version.generator}`)} · ${when(ctx, version.createdAt)}</p>
    ${version.status === 'failed' ? html`<p class="alert" role="alert">${failureMessage(ctx.lang, version.failureReason)}</p>` : ''}
    ${!latest && overview.latest ? html`<p class="alert">${t('web:summary.notLatest')} <a href="/panel/versions/${overview.latest.id}">${t('web:summary.openLatest')}</a></p>` : ''}
    ${version.status === 'awaiting_consent' && overview.published ? html`<p class="hint">${t('web:summary.boardReads', { number: overview.published.number })} <a href="/panel/versions/${overview.published.id}">${t('web:summary.open')}</a></p>` : ''}
    ${latest ? html`<section class="card" aria-labelledby="consent-h"><h3 id="consent-h">${t('web:summary.consentTitle')}</h3>
      <p>${t('web:summary.consentCounts', overview.consent)}</p>
      ${consentTable(ctx, await versionConsent(ctx.deps, ctx.actor, version.id))}</section>` : ''}
    ${changeRequestList(ctx, await openChangeRequests(ctx.deps, ctx.actor, version.summaryId), version.id)}
    <h3>${t('web:summary.statements')}</h3>
    ${statementList(ctx, version.statements)}
    <h3>${t('web:summary.removals')}</h3>
    ${version.removals.length === 0 ? html`<p>${t('web:summary.noRemovals')}</p>` : html`<ul>${version.removals.map((r) => html`<li>${r.statementPosition !== undefined ? html`${t('web:summary.statement', { number: r.statementPosition + 1 })}: ` : ''}${t(`common:removalReason.${r.reason}`)}</li>`)}</ul>`}
    <h3>${t('web:summary.facts')}</h3>
    ${factsBlock(ctx, version.facts, labels)}
    ${latest && (version.status === 'awaiting_consent' || version.status === 'published')
      ? html`<h3>${t('web:summary.next')}</h3>
        ${formAlert(state, 'publish')}
        <div class="actions"><a class="button secondary" href="/panel/versions/${version.id}/edit">${t('web:summary.edit')}</a>
        ${version.status === 'awaiting_consent' ? html`<form method="post" action="/panel/versions/${version.id}/publish" class="inline"><button type="submit">${t('web:summary.publish')}</button></form>` : ''}</div>
        <p class="hint">${t('web:summary.publishHint')}</p>`
      : ''}
    <p><a href="/panel">${t('web:nav.panel')}</a></p>`;
  return { title: t('web:summary.title'), body };
}
