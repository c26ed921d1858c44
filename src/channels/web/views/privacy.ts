import { consentHistory, currentPrivacyNotice, mySupportRequest, participationStatus, type ParticipationStatus } from '../../../core/index.js';
import { html, type Html } from '../../../web-ui/html.js';
import type { Ctx, Page } from '../../../web-ui/pages.js';
import { when } from '../../../web-ui/util.js';

/** A confirmation from `?done=` on the privacy pages (keys under privacy:done). */
function done(ctx: Ctx): string | null {
  const key = ctx.query.done;
  return key && /^[a-z_]{1,40}$/.test(key) ? ctx.t(`privacy:done.${key}`, { defaultValue: '' }) || null : null;
}

function stateLine(ctx: Ctx, status: ParticipationStatus): Html {
  const { t } = ctx;
  if (status.state === 'accepted') return html`<p class="done">${t('privacy:page.acceptedOn', { date: when(ctx, status.acceptedAt), version: status.version })}</p>`;
  if (status.state === 'outdated') return html`<p class="alert">${t('privacy:page.changed')}</p>`;
  if (status.state === 'withdrawn') return html`<p>${t('privacy:page.withdrawn')}</p>`;
  if (status.state === 'refused') return html`<p class="done">${t('privacy:page.declined')}</p>`;
  return html`<p>${t('privacy:page.notYet')}</p>`;
}

/**
 * The privacy text with the member's answer: accept, not now, or withdraw (with all their input). A member
 * whose text changed since they agreed can withdraw at once too: stopping never waits for agreeing again.
 */
export async function privacyPage(ctx: Ctx): Promise<Page> {
  const { t } = ctx;
  const notice = currentPrivacyNotice(ctx.deps, ctx.lang);
  const status = await participationStatus(ctx.deps, ctx.actor);
  const history = await consentHistory(ctx.deps, ctx.actor);
  const body = html`
  ${stateLine(ctx, status)}
  <article class="card" id="notice" lang="${notice.language}">
    <h2>${notice.title}</h2>
    <p class="muted">${t('privacy:page.version', { version: notice.version })}</p>
    <p class="lead">${notice.short}</p>
    <details><summary>${t('privacy:page.fullText')}</summary>${notice.paragraphs.map((p) => html`<p>${p}</p>`)}</details>
  </article>
  ${status.state !== 'accepted'
    ? html`<form method="post" action="/privacy/accept" class="actions">
        <input type="hidden" name="version" value="${notice.version}">
        <button type="submit">${t('privacy:page.accept')}</button>
        ${status.state === 'none' ? html`<button type="submit" formaction="/privacy/decline" class="secondary">${t('privacy:page.decline')}</button>` : ''}
      </form>`
    : ''}
  ${status.state === 'accepted' || status.state === 'outdated'
    ? html`<section class="card" aria-labelledby="stop-h"><h2 id="stop-h">${t('privacy:page.withdrawTitle')}</h2>
        <p>${t('privacy:page.withdrawHint')}</p>
        <form method="post" action="/privacy/withdraw"><button type="submit" class="danger">${t('privacy:page.withdrawButton')}</button></form>
      </section>`
    : ''}
  <p><a class="button secondary" href="/me/data">${t('privacy:page.myData')}</a></p>
  ${history.length > 0
    ? html`<section aria-labelledby="history-h"><h2 id="history-h">${t('privacy:page.history')}</h2><ul>${history.map(
        (r) => html`<li>${when(ctx, r.createdAt)}: ${t(`privacy:page.purpose.${r.purpose}`)} · ${t(`privacy:page.decision.${r.decision}`)}</li>`,
      )}</ul></section>`
    : ''}`;
  // After "not now" the state line says it all: one message, not a confirmation beside a contradiction.
  return { title: t('privacy:page.title'), body, status: ctx.query.done === 'declined' ? null : done(ctx) };
}

/** "My data": download everything, withdraw everything, erase everything. */
export async function myDataPage(ctx: Ctx): Promise<Page> {
  const { t } = ctx;
  const body = html`<p class="lead">${t('privacy:mydata.intro')}</p>
  <section class="card" aria-labelledby="download-h"><h2 id="download-h">${t('privacy:mydata.download')}</h2>
    <p>${t('privacy:mydata.downloadHint')}</p>
    <p><a class="button" href="/me/data/read">${t('privacy:export.readable')}</a> <a class="button secondary" href="/me/data.json" download>${t('privacy:mydata.download')}</a></p>
  </section>
  <section class="card" aria-labelledby="withdraw-h"><h2 id="withdraw-h">${t('privacy:mydata.withdrawAllTitle')}</h2>
    <p>${t('privacy:mydata.withdrawAllHint')}</p>
    <form method="post" action="/me/withdraw-all"><button type="submit" class="danger">${t('privacy:mydata.withdrawAllButton')}</button></form>
  </section>
  <section class="card" aria-labelledby="erase-h" id="erase"><h2 id="erase-h">${t('privacy:mydata.eraseTitle')}</h2>
    <p>${t('privacy:mydata.eraseHint')}</p>
    <form method="post" action="/me/erase">
      <label class="choice" for="erase-confirm"><input type="checkbox" id="erase-confirm" name="confirm" value="yes" required> ${t('privacy:mydata.eraseConfirm')}</label>
      <div class="actions"><button type="submit" class="danger">${t('privacy:mydata.eraseButton')}</button></div>
    </form>
  </section>`;
  return { title: t('privacy:mydata.title'), body, status: done(ctx) };
}

/** "I need support": what it does, and whether the facilitator was told already. */
export async function supportPage(ctx: Ctx): Promise<Page> {
  const { t } = ctx;
  const open = ctx.actor.role === 'expert' ? await mySupportRequest(ctx.deps, ctx.actor) : null;
  const body = html`<p>${t('privacy:support.hint')}</p>
    ${open
      ? html`<p class="done">${t('privacy:support.sent', { date: when(ctx, open.createdAt) })}</p>`
      : html`<form method="post" action="/support"><button type="submit">${t('privacy:support.button')}</button></form>`}
    <p><a href="/home">${t('web:error.backHome')}</a></p>`;
  return { title: t('privacy:support.title'), body, status: done(ctx) };
}

/** Whether the member must answer the privacy text before any vote or contribution form is shown. */
export function needsPrivacyStep(ctx: Ctx, status: ParticipationStatus | undefined): boolean {
  return ctx.actor.role === 'expert' && status !== undefined && status.state !== 'accepted';
}

/**
 * On the member's home, before any form: the privacy step (the short text, "I agree", "not now", the full
 * text one step away); after "not now", one clear message and what they can still do.
 */
export function privacyBanner(ctx: Ctx, status: ParticipationStatus): Html {
  if (!needsPrivacyStep(ctx, status)) return html``;
  const { t } = ctx;
  const notice = currentPrivacyNotice(ctx.deps, ctx.lang);
  if (status.state === 'refused') {
    return html`<section class="card notice" aria-labelledby="privacy-h" id="privacy-banner">
      <h2 id="privacy-h">${t('privacy:page.title')}</h2>
      <p>${t('privacy:page.declined')}</p>
      <p><a class="button secondary" href="/privacy">${t('privacy:page.bannerLink')}</a></p>
    </section>`;
  }
  return html`<section class="card notice" aria-labelledby="privacy-h" id="privacy-banner">
    <h2 id="privacy-h">${t('privacy:page.banner')}</h2>
    ${status.state === 'outdated' ? html`<p>${t('privacy:page.changed')}</p>` : html`<p>${t('privacy:page.firstStep')}</p>`}
    <p class="lead" lang="${notice.language}">${notice.short}</p>
    <form method="post" action="/privacy/accept" class="actions">
      <input type="hidden" name="version" value="${notice.version}">
      <button type="submit">${t('privacy:page.accept')}</button>
      ${status.state === 'none' ? html`<button type="submit" formaction="/privacy/decline" class="secondary">${t('privacy:page.decline')}</button>` : ''}
    </form>
    <p><a href="/privacy">${t('privacy:page.fullText')}</a></p>
  </section>`;
}

export function supportCard(ctx: Ctx, requested: boolean): Html {
  if (ctx.actor.role !== 'expert') return html``;
  return html`<section class="card" aria-labelledby="support-h" id="support">
    <h2 id="support-h">${ctx.t('privacy:support.title')}</h2>
    <p class="hint">${ctx.t('privacy:support.hint')}</p>
    ${requested
      ? html`<p class="done">${ctx.t('privacy:support.sentShort')}</p>`
      : html`<form method="post" action="/support"><button type="submit" class="secondary">${ctx.t('privacy:support.button')}</button></form>`}
  </section>`;
}
