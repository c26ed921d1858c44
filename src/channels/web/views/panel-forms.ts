import { ANONYMITY, LANGUAGES, NEW_POLL_DEFAULTS, POLL_AUDIENCES, POLL_KINDS, RESULTS_VISIBILITY, type MeetingRecord } from '../../../core/index.js';
import { checkedIf, html, selectedIf, type Html } from '../../../web-ui/html.js';
import type { Ctx, FormState } from '../../../web-ui/pages.js';
import { formAlert, val, when } from '../../../web-ui/util.js';

function text(ctx: Ctx, state: FormState | null, formId: string, name: string, label: string, opts: { type?: string; hint?: string; area?: boolean } = {}): Html {
  const fid = `${formId}-${name}`;
  const hint = opts.hint ? html`<p class="hint" id="${fid}-hint">${opts.hint}</p>` : '';
  const described = opts.hint ? html` aria-describedby="${fid}-hint"` : '';
  return html`<label for="${fid}">${label}</label>${hint}${opts.area
    ? html`<textarea id="${fid}" name="${name}"${described}>${val(state, formId, name)}</textarea>`
    : html`<input type="${opts.type ?? 'text'}" id="${fid}" name="${name}" value="${val(state, formId, name)}"${described}>`}`;
}

function radios(ctx: Ctx, state: FormState | null, formId: string, name: string, legend: string, values: readonly string[], labelKey: string, fallback: string): Html {
  const current = val(state, formId, name, fallback);
  return html`<fieldset><legend>${legend}</legend>${values.map((v) => html`<label class="choice" for="${formId}-${name}-${v}"><input type="radio" id="${formId}-${name}-${v}" name="${name}" value="${v}"${checkedIf(current === v)}> ${ctx.t(`${labelKey}.${v}`)}</label>`)}</fieldset>`;
}

function meetingSelect(ctx: Ctx, state: FormState | null, formId: string, meetings: MeetingRecord[]): Html {
  const current = val(state, formId, 'meetingId');
  const planned = meetings.filter((m) => m.status === 'planned');
  return html`<label for="${formId}-meetingId">${ctx.t('web:panel.forMeeting')}</label>
    <select id="${formId}-meetingId" name="meetingId"><option value="">${ctx.t('web:panel.noMeeting')}</option>
    ${planned.map((m) => html`<option value="${m.id}"${selectedIf(current === m.id)}>${m.title} (${when(ctx, m.scheduledAt, false)})</option>`)}</select>`;
}

export function meetingForm(ctx: Ctx, state: FormState | null): Html {
  const f = 'plan-meeting';
  return html`${formAlert(state, f)}<form method="post" action="/panel/meetings" id="${f}">
    ${text(ctx, state, f, 'title', ctx.t('web:meeting.title'))}
    ${text(ctx, state, f, 'scheduledAt', ctx.t('web:meeting.date'), { type: 'datetime-local', hint: ctx.t('web:panel.timeZone', { zone: ctx.timeZone }) })}
    ${text(ctx, state, f, 'agenda', ctx.t('web:meeting.agenda'), { area: true })}
    <div class="actions"><button type="submit">${ctx.t('web:meeting.plan')}</button></div></form>`;
}

export function outcomeForm(ctx: Ctx, meeting: MeetingRecord, state: FormState | null): Html {
  const f = `meeting-${meeting.id}`;
  const status = val(state, f, 'status', meeting.status === 'planned' ? 'held' : meeting.status);
  return html`${formAlert(state, f)}<form method="post" action="/panel/meetings/${meeting.id}/outcome">
    <label for="${f}-decisions">${ctx.t('web:meeting.decisions')}</label>
    <textarea id="${f}-decisions" name="decisions">${val(state, f, 'decisions', meeting.decisions)}</textarea>
    <label for="${f}-status">${ctx.t('web:meeting.status')}</label>
    <select id="${f}-status" name="status">${(['planned', 'held', 'cancelled'] as const).map((s) => html`<option value="${s}"${selectedIf(status === s)}>${ctx.t(`common:meetingStatus.${s}`)}</option>`)}</select>
    <div class="actions"><button type="submit">${ctx.t('web:meeting.record')}</button></div></form>`;
}

export function pollForm(ctx: Ctx, state: FormState | null, meetings: MeetingRecord[]): Html {
  const f = 'create-poll';
  return html`${formAlert(state, f)}<form method="post" action="/panel/polls" id="${f}">
    ${text(ctx, state, f, 'question', ctx.t('web:panel.pollQuestion'))}
    ${radios(ctx, state, f, 'kind', ctx.t('web:panel.pollKind'), POLL_KINDS, 'common:pollKind', 'single')}
    ${text(ctx, state, f, 'options', ctx.t('web:panel.pollOptions'), { area: true, hint: ctx.t('web:panel.pollOptionsHint') })}
    ${text(ctx, state, f, 'maxChoices', ctx.t('web:panel.maxChoices'), { type: 'number', hint: ctx.t('web:panel.maxChoicesHint') })}
    ${radios(ctx, state, f, 'anonymity', ctx.t('web:panel.anonymity'), ANONYMITY, 'common:anonymity', NEW_POLL_DEFAULTS.anonymity)}
    ${radios(ctx, state, f, 'resultsVisibility', ctx.t('web:panel.resultsVisibility'), RESULTS_VISIBILITY, 'common:resultsVisibility', NEW_POLL_DEFAULTS.resultsVisibility)}
    ${radios(ctx, state, f, 'audience', ctx.t('common:pollAudience.label'), POLL_AUDIENCES, 'common:pollAudience', NEW_POLL_DEFAULTS.audience)}
    ${text(ctx, state, f, 'deadline', ctx.t('web:panel.deadline'), { type: 'datetime-local', hint: ctx.t('web:panel.optional') })}
    ${meetingSelect(ctx, state, f, meetings)}
    <div class="actions"><button type="submit">${ctx.t('web:panel.createPoll')}</button></div></form>`;
}

export function roundForm(ctx: Ctx, state: FormState | null, meetings: MeetingRecord[]): Html {
  const f = 'open-round';
  return html`${formAlert(state, f)}<form method="post" action="/panel/rounds" id="${f}">
    ${text(ctx, state, f, 'question', ctx.t('web:panel.roundQuestion'))}
    ${text(ctx, state, f, 'description', ctx.t('web:panel.roundDescription'), { area: true, hint: ctx.t('web:panel.optional') })}
    ${text(ctx, state, f, 'closesAt', ctx.t('web:panel.closesAt'), { type: 'datetime-local', hint: ctx.t('web:panel.optional') })}
    ${meetingSelect(ctx, state, f, meetings)}
    <div class="actions"><button type="submit">${ctx.t('web:panel.openRound')}</button></div></form>`;
}

export function draftForm(ctx: Ctx, state: FormState | null, roundId: string): Html {
  const f = 'draft-summary';
  const language = val(state, f, 'language', ctx.lang);
  return html`${formAlert(state, f)}<form method="post" action="/panel/rounds/${roundId}/summaries" id="${f}">
    ${text(ctx, state, f, 'title', ctx.t('web:summary.titleField'), { hint: ctx.t('web:panel.optional') })}
    <label for="${f}-language">${ctx.t('web:summary.language')}</label>
    <select id="${f}-language" name="language">${LANGUAGES.map((l) => html`<option value="${l}"${selectedIf(language === l)}>${ctx.t(`common:language.${l}`)}</option>`)}</select>
    <div class="actions"><button type="submit">${ctx.t('web:summary.draft')}</button></div></form>`;
}
