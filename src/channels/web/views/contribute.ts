import { ATTRIBUTIONS, LIMITS, showsTimeOfDay, type ContributionRecord, type DomainRecord, type IdeaRoundRecord } from '../../../core/index.js';
import { checkedIf, html, multiline, type Html } from '../../../web-ui/html.js';
import type { Ctx, FormState } from '../../../web-ui/pages.js';
import { formAlert, val, vals, when } from '../../../web-ui/util.js';
import { guardBox } from './guard.js';

const FIELDS = ['whatHappens', 'whatIsNeeded', 'idea'] as const;

/** The structured contribution form: three questions, domain tags, how to be mentioned. */
export function contributionForm(
  ctx: Ctx,
  opts: { formId: string; action: string; roundId?: string; current?: ContributionRecord; domains: DomainRecord[]; state: FormState | null; submit: string },
): Html {
  const { formId, state, current } = opts;
  const domainKeys = vals(state, formId, 'domainKeys', (current?.domainIds ?? []).map((id) => opts.domains.find((d) => d.id === id)?.key ?? ''));
  // No choice is made for the member: a new contribution starts with no attribution ticked.
  const attribution = val(state, formId, 'attribution', current?.attribution ?? '');
  return html`${formAlert(state, formId)}
  <form method="post" action="${opts.action}">
    ${opts.roundId ? html`<input type="hidden" name="roundId" value="${opts.roundId}">` : ''}
    <p class="hint">${ctx.t('web:contribute.hint', { max: LIMITS.contributionField })}</p>
    ${FIELDS.map((field) => html`<label for="${formId}-${field}">${ctx.t(`web:contribute.${field}`)}</label>
      <p class="hint" id="${formId}-${field}-hint">${ctx.t(`web:contribute.${field}Hint`)}</p>
      <textarea id="${formId}-${field}" name="${field}" aria-describedby="${formId}-${field}-hint">${val(state, formId, field, current?.[field] ?? '')}</textarea>`)}
    <fieldset><legend>${ctx.t('web:contribute.domains')}</legend>
      <p class="hint">${ctx.t('web:contribute.domainsHint')}</p>
      ${opts.domains.filter((d) => !d.archived).map((d) => html`<label class="choice" for="${formId}-d-${d.key}"><input type="checkbox" id="${formId}-d-${d.key}" name="domainKeys" value="${d.key}"${checkedIf(domainKeys.includes(d.key))}> ${d.labels[ctx.lang]}</label>`)}
    </fieldset>
    <fieldset><legend>${ctx.t('web:contribute.attribution')}</legend>
      ${ATTRIBUTIONS.map((a) => html`<label class="choice" for="${formId}-a-${a}"><input type="radio" id="${formId}-a-${a}" name="attribution" value="${a}"${checkedIf(attribution === a)}> <span>${ctx.t(`common:attribution.${a}`)} <span class="hint">${ctx.t(`web:contribute.attributionHint.${a}`)}</span></span></label>`)}
    </fieldset>
    ${guardBox(ctx, state, formId, FIELDS)}
    <div class="actions"><button type="submit">${opts.submit}</button></div>
  </form>`;
}

/** The open question(s) of the month, each with its form. */
export function roundCard(ctx: Ctx, round: IdeaRoundRecord, domains: DomainRecord[], state: FormState | null): Html {
  const formId = `round-${round.id}`;
  return html`<article class="card" id="${formId}">
    <h3>${round.question}</h3>
    ${round.description ? html`<p>${multiline(round.description)}</p>` : ''}
    ${round.closesAt ? html`<p class="muted">${ctx.t('web:round.closesAt', { date: when(ctx, round.closesAt) })}</p>` : ''}
    ${contributionForm(ctx, { formId, action: '/contributions', roundId: round.id, domains, state, submit: ctx.t('web:contribute.submit') })}
  </article>`;
}

/** What the member wrote, with edit and a one-step withdraw. */
export function myContributionCard(ctx: Ctx, c: ContributionRecord, question: string | null, domains: DomainRecord[]): Html {
  const live = c.status === 'live';
  return html`<article class="card" id="contribution-${c.id}">
    ${question ? html`<h3>${question}</h3>` : ''}
    <p class="muted">${when(ctx, c.createdAt, showsTimeOfDay(c))} · ${ctx.t(`common:attribution.${c.attribution}`)} · <strong>${ctx.t(`web:contribution.status.${c.status}`)}</strong></p>
    ${FIELDS.filter((f) => c[f]).map((f) => html`<p><strong>${ctx.t(`web:contribute.${f}`)}</strong><br>${multiline(c[f])}</p>`)}
    ${c.domainIds.length ? html`<p>${c.domainIds.map((id) => html`<span class="tag">${domains.find((d) => d.id === id)?.labels[ctx.lang] ?? ''}</span>`)}</p>` : ''}
    ${live
      ? html`<div class="actions"><a class="button secondary" href="/contributions/${c.id}/edit">${ctx.t('web:contribution.edit')}</a>
        <form method="post" action="/contributions/${c.id}/withdraw" class="inline"><button type="submit" class="danger">${ctx.t('web:contribution.withdraw')}</button></form></div>
        <p class="hint">${ctx.t('web:contribution.withdrawHint')}</p>`
      : ''}
  </article>`;
}
