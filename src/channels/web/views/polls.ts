import { describeBallot as describeChoice, REASON_ATTRIBUTIONS, type BallotRecord, type PollRecord, type ReaderTexts } from '../../../core/index.js';
import { checkedIf, html, type Html } from '../../../web-ui/html.js';
import type { Ctx, FormState } from '../../../web-ui/pages.js';
import { formAlert, val, vals, when } from '../../../web-ui/util.js';
import { guardBox } from './guard.js';
import { localizedText } from '../../../web-ui/fragments/localized.js';

/** The member's answer in words. */
export function describeBallot(ctx: Ctx, poll: PollRecord, ballot: BallotRecord): string {
  return describeChoice(poll, ballot.choice, ctx.t);
}

function choices(ctx: Ctx, poll: PollRecord, ballot: BallotRecord | null, state: FormState | null, formId: string, texts?: ReaderTexts): Html {
  const fid = (suffix: string) => `${formId}-${suffix}`;
  const choice = ballot?.choice;
  switch (poll.kind) {
    case 'single':
    case 'multiple': {
      const mine = vals(state, formId, 'optionIds', choice?.kind === 'options' ? choice.optionIds : []);
      const type = poll.kind === 'single' ? 'radio' : 'checkbox';
      return html`${poll.kind === 'multiple' ? html`<p class="hint">${poll.maxChoices ? ctx.t('web:poll.pickUpTo', { count: poll.maxChoices }) : ctx.t('web:poll.pickSeveral')}</p>` : ''}
        ${poll.options.map((o) => html`<label class="choice" for="${fid(o.id)}"><input type="${type}" id="${fid(o.id)}" name="optionIds" value="${o.id}"${checkedIf(mine.includes(o.id))}> ${texts ? localizedText(ctx, texts.get('poll_option', o.id, 'label', o.label), { mark: false }) : o.label}</label>`)}`;
    }
    case 'scale': {
      const mine = val(state, formId, 'value', choice?.kind === 'scale' ? String(choice.value) : '');
      return html`<p class="hint">${ctx.t('web:poll.scaleHint')}</p>
        ${[1, 2, 3, 4, 5].map((n) => html`<label class="choice" for="${fid(String(n))}"><input type="radio" id="${fid(String(n))}" name="value" value="${n}"${checkedIf(mine === String(n))}> ${n}</label>`)}`;
    }
    case 'consent': {
      const mine = val(state, formId, 'vote', choice?.kind === 'consent' ? choice.vote : '');
      return html`${(['agree', 'live_with', 'object'] as const).map((v) => html`<label class="choice" for="${fid(v)}"><input type="radio" id="${fid(v)}" name="vote" value="${v}"${checkedIf(mine === v)}> ${ctx.t(`common:consentVote.${v}`)}</label>`)}`;
    }
  }
}

/**
 * With a reason, the member says whether their name may go with it: two choices, neither ticked until they
 * tick one (an anonymous poll keeps no names, and says so instead).
 */
function reasonName(ctx: Ctx, poll: PollRecord, ballot: BallotRecord | null, state: FormState | null, formId: string): Html {
  if (poll.anonymity === 'anonymous') return html`<p class="hint">${ctx.t('common:reasonAttribution.anonymousPoll')}</p>`;
  const mine = val(state, formId, 'reasonAttribution', ballot?.reasonAttribution ?? '');
  return html`<fieldset><legend>${ctx.t('common:reasonAttribution.label')}</legend>
    <p class="hint">${ctx.t('common:reasonAttribution.hint')}</p>
    ${REASON_ATTRIBUTIONS.map((a) => html`<label class="choice" for="${formId}-ra-${a}"><input type="radio" id="${formId}-ra-${a}" name="reasonAttribution" value="${a}"${checkedIf(mine === a)}> ${ctx.t(`common:reasonAttribution.${a}`)}</label>`)}
  </fieldset>`;
}

/** One open poll with its ballot form; the member may change the answer until the poll closes. */
/** `texts`: the question and options in the reader's language where translated (else the original, marked). */
export function pollCard(ctx: Ctx, poll: PollRecord, ballot: BallotRecord | null, state: FormState | null, texts?: ReaderTexts): Html {
  const formId = `poll-${poll.id}`;
  return html`<article class="card" id="${formId}" aria-labelledby="${formId}-q">
    <h3 id="${formId}-q">${texts ? localizedText(ctx, texts.get('poll', poll.id, 'question', poll.question)) : poll.question}</h3>
    <p class="muted">${ctx.t(`common:anonymity.${poll.anonymity}`)}${poll.deadline ? html`<br>${ctx.t('web:poll.deadline', { date: when(ctx, poll.deadline) })}` : ''}</p>
    ${ballot
      ? html`<p class="done">${ctx.t('web:poll.yourAnswer')} <strong>${describeBallot(ctx, poll, ballot)}</strong><br><span class="hint">${ctx.t('web:poll.canChange')}</span></p>`
      : html`<p>${ctx.t('web:poll.notYet')}</p>`}
    ${formAlert(state, formId)}
    <form method="post" action="/polls/${poll.id}/vote">
      <fieldset><legend>${ctx.t('web:poll.choose')}</legend>${choices(ctx, poll, ballot, state, formId, texts)}</fieldset>
      ${poll.kind === 'consent'
        ? html`<label for="${formId}-reason">${ctx.t('web:poll.reason')}</label>
          <textarea id="${formId}-reason" name="reason">${val(state, formId, 'reason', ballot?.reason ?? '')}</textarea>
          ${reasonName(ctx, poll, ballot, state, formId)}
          ${guardBox(ctx, state, formId, ['reason'])}`
        : ''}
      <div class="actions"><button type="submit">${ballot ? ctx.t('web:poll.change') : ctx.t('web:poll.submit')}</button>
      ${poll.resultsVisibility === 'live' ? html`<a href="/polls/${poll.id}">${ctx.t('web:poll.seeResults')}</a>` : ''}</div>
    </form>
  </article>`;
}
