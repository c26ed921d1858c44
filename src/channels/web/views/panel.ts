import { enforce, facilitatorOverview, listMeetings, type Actor } from '../../../core/index.js';
import { html, multiline } from '../../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { meetingForm, outcomeForm, pollForm, roundForm } from './panel-forms.js';
import { when } from '../../../web-ui/util.js';
import { supportSection } from './support-list.js';

/** Facilitators and admins only: the channel says so before asking the core for anything. */
export function requireFacilitator(actor: Actor): void {
  enforce(actor, 'panel.manage');
}

/** The facilitator's panel controls: meetings, polls, the question of the month and summaries. */
export async function panelPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireFacilitator(ctx.actor);
  const { t } = ctx;
  const meetings = await listMeetings(ctx.deps, ctx.actor);
  // The same overview as Slack and Teams draw: a poll past its deadline shows as closed, without a close button.
  const { polls, rounds, summaries } = await facilitatorOverview(ctx.deps, ctx.actor);
  meetings.sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  const body = html`
  <p class="lead">${t('web:panel.intro')}</p>
  ${await supportSection(ctx)}
  <section aria-labelledby="meetings-h"><h2 id="meetings-h">${t('web:panel.meetings')}</h2>
    <details${state?.formId === 'plan-meeting' ? html` open` : ''}><summary>${t('web:meeting.plan')}</summary>${meetingForm(ctx, state)}</details>
    ${meetings.map((m) => html`<article class="card" id="meeting-${m.id}"><h3>${m.title}</h3>
      <p class="muted">${when(ctx, m.scheduledAt)} · ${t(`common:meetingStatus.${m.status}`)}</p>
      ${m.agenda ? html`<p><strong>${t('web:meeting.agenda')}</strong><br>${multiline(m.agenda)}</p>` : ''}
      ${m.decisions ? html`<p><strong>${t('web:meeting.decisions')}</strong><br>${multiline(m.decisions)}</p>` : ''}
      <details${state?.formId === `meeting-${m.id}` ? html` open` : ''}><summary>${t('web:meeting.record')}</summary>${outcomeForm(ctx, m, state)}</details>
    </article>`)}
  </section>

  <section aria-labelledby="polls-h"><h2 id="polls-h">${t('web:panel.polls')}</h2>
    <details${state?.formId === 'create-poll' ? html` open` : ''}><summary>${t('web:panel.createPoll')}</summary>${pollForm(ctx, state, meetings)}</details>
    <form method="post" action="/panel/reminders" class="inline"><button type="submit" class="secondary">${t('web:panel.remind')}</button> <span class="muted">${t('web:panel.remindHint')}</span></form>
    ${polls.map(({ poll: p, open, canClose }) => html`<article class="card" id="poll-${p.id}"><h3>${p.question}</h3>
      <p class="muted">${t(`common:pollKind.${p.kind}`)} · ${t(`common:anonymity.${p.anonymity}`)} · <strong>${t(`web:panel.pollStatus.${open ? 'open' : 'closed'}`)}</strong></p>
      <div class="actions"><a class="button secondary" href="/polls/${p.id}">${t('web:poll.seeResults')}</a>
      ${canClose ? html`<form method="post" action="/panel/polls/${p.id}/close" class="inline"><button type="submit">${t('web:panel.closePoll')}</button></form>` : ''}</div>
    </article>`)}
  </section>

  <section aria-labelledby="rounds-h"><h2 id="rounds-h">${t('web:panel.rounds')}</h2>
    <details${state?.formId === 'open-round' ? html` open` : ''}><summary>${t('web:panel.openRound')}</summary>${roundForm(ctx, state, meetings)}</details>
    ${rounds.map(({ round: r, open, canClose }) => html`<article class="card" id="round-${r.id}"><h3>${r.question}</h3>
      <p class="muted">${when(ctx, r.createdAt, false)} · <strong>${t(`web:panel.roundStatus.${open ? 'open' : 'closed'}`)}</strong></p>
      <div class="actions"><a class="button secondary" href="/panel/rounds/${r.id}">${t('web:panel.seeContributions')}</a>
      ${canClose ? html`<form method="post" action="/panel/rounds/${r.id}/close" class="inline"><button type="submit">${t('web:panel.closeRound')}</button></form>` : ''}</div>
    </article>`)}
  </section>

  <section aria-labelledby="summaries-h"><h2 id="summaries-h">${t('web:panel.summaries')}</h2>
    ${summaries.length === 0 ? html`<p>${t('web:panel.noSummaries')}</p>` : ''}
    ${summaries.map((s) => html`<article class="card"><h3>${s.summary.title}</h3>
      ${s.latest ? html`<p>${t('web:summary.version', { number: s.latest.number })}: <strong>${t(`common:versionStatus.${s.latest.status}`)}</strong></p>
        <p>${t('web:summary.consentCounts', s.consent)}</p>
        <a class="button secondary" href="/panel/versions/${s.latest.id}">${t('web:summary.open')}</a>` : ''}
    </article>`)}
  </section>`;
  return { title: t('web:panel.title'), body };
}
