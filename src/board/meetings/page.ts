import { can, isPollOpen, isRoundOpen, listMeetings, meetingView } from '../../core/index.js';
import { html, multiline } from '../../web-ui/html.js';
import { id } from '../../web-ui/form.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { formAlert, inputDate, val, vals, when } from '../../web-ui/util.js';
import { requireReader } from '../access.js';

export async function meetingsPage(ctx: Ctx, _state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const meetings = (await listMeetings(ctx.deps, ctx.actor)).sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  const body = meetings.length
    ? html`<ul class="plain">${meetings.map((m) => html`<li class="card"><a href="/board/meetings/${m.id}"><strong>${m.title}</strong></a><br>
        <span class="muted">${when(ctx, m.scheduledAt)} · ${t(`meeting:status.${m.status}`)}</span></li>`)}</ul>`
    : html`<p>${t('meeting:none')}</p>`;
  return { title: t('meeting:listTitle'), body };
}

/** One meeting: agenda, linked polls and questions, attendance and decisions; editable until held. */
export async function meetingPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const view = await meetingView(ctx.deps, ctx.actor, id(ctx.params.id));
  const m = view.meeting;
  const staff = can(ctx.actor, 'meeting.record');
  const present = view.attendance.filter((a) => a.present);
  const now = ctx.deps.clock.now();
  const body = html`<p class="lead">${when(ctx, m.scheduledAt)} · ${t(`meeting:status.${m.status}`)}</p>
    <p class="actions"><a class="button" href="/board/meetings/${m.id}/present">${t('meeting:present')}</a>
      <a class="button secondary" href="/board/brief?meeting=${m.id}">${t('meeting:brief')}</a></p>

    <h2 id="agenda-h">${t('meeting:agenda')}</h2>
    ${view.agenda.length ? html`<ol aria-labelledby="agenda-h">${view.agenda.map((line) => html`<li>${line}</li>`)}</ol>` : html`<p>${t('meeting:noAgenda')}</p>`}

    <h2 id="linked-h">${t('meeting:linked')}</h2>
    ${view.polls.length + view.rounds.length === 0 ? html`<p>${t('meeting:nothingLinked')}</p>` : ''}
    <ul>${view.polls.map((p) => html`<li>${t('meeting:poll')}: ${p.question} <span class="muted">(${t(`meeting:pollStatus.${isPollOpen(p, now) ? 'open' : 'closed'}`)})</span></li>`)}
      ${view.rounds.map((r) => html`<li>${t('meeting:round')}: ${r.question} <span class="muted">(${t(`meeting:pollStatus.${isRoundOpen(r, now) ? 'open' : 'closed'}`)})</span></li>`)}</ul>

    <h2 id="attendance-h">${t('meeting:attendance')}</h2>
    <p>${t('meeting:presentCount', { count: present.length, of: view.attendance.length })}</p>
    ${staff
      ? html`${formAlert(state, 'attendance')}<form method="post" action="/board/meetings/${m.id}/attendance"><fieldset><legend>${t('meeting:whoCame')}</legend>
          ${view.attendance.map((a) => {
            const on = vals(state, 'attendance', 'memberIds', present.map((p) => p.memberId)).includes(a.memberId);
            return html`<label class="choice"><input type="checkbox" name="memberIds" value="${a.memberId}"${on ? html` checked` : ''}> ${a.displayName} <span class="muted">(${t(`common:role.${a.role}`)})</span></label>`;
          })}</fieldset><div class="actions"><button type="submit">${t('meeting:saveAttendance')}</button></div></form>`
      : html`<ul>${present.map((a) => html`<li>${a.displayName}</li>`)}</ul>`}

    <h2 id="decisions-h">${t('meeting:decisions')}</h2>
    ${m.decisions ? html`<p>${multiline(m.decisions)}</p>` : html`<p class="muted">${t('meeting:noDecisions')}</p>`}
    ${staff
      ? html`${formAlert(state, 'decisions')}<form method="post" action="/board/meetings/${m.id}/decisions">
          <label for="decisions-text">${t('meeting:decisions')}</label><textarea id="decisions-text" name="decisions">${val(state, 'decisions', 'decisions', m.decisions)}</textarea>
          <div class="actions"><button type="submit">${t(view.editable ? 'meeting:markHeld' : 'meeting:saveDecisions')}</button></div></form>`
      : ''}

    ${staff && view.editable
      ? html`<h2 id="edit-h">${t('meeting:edit')}</h2>${formAlert(state, 'edit-meeting')}
        <form method="post" action="/board/meetings/${m.id}">
          <label for="edit-title">${t('meeting:title')}</label><input type="text" id="edit-title" name="title" value="${val(state, 'edit-meeting', 'title', m.title)}">
          <label for="edit-when">${t('meeting:when')}</label><input type="datetime-local" id="edit-when" name="scheduledAt" value="${val(state, 'edit-meeting', 'scheduledAt', inputDate(m.scheduledAt, ctx.timeZone, true))}">
          <label for="edit-agenda">${t('meeting:agenda')}</label><p class="hint" id="edit-agenda-hint">${t('meeting:agendaHint')}</p>
          <textarea id="edit-agenda" name="agenda" aria-describedby="edit-agenda-hint">${val(state, 'edit-meeting', 'agenda', m.agenda)}</textarea>
          <div class="actions"><button type="submit">${t('meeting:save')}</button></div></form>`
      : ''}
    <p><a href="/board/meetings">${t('meeting:all')}</a></p>`;
  return { title: m.title, body };
}
