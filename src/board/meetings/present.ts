import type { ChannelName, PresentView } from '../../core/index.js';
import { html, trusted, type Html } from '../../web-ui/html.js';
import type { Ctx } from '../../web-ui/pages.js';
import { resultsRows } from './results.js';

/** The part of the present view that changes during the session: the agenda line and the current poll. */
export function liveFragment(ctx: Ctx, view: PresentView): Html {
  const { t } = ctx;
  const r = view.results;
  return html`<p class="step">${view.agenda.length ? t('meeting:step', { step: view.step + 1, of: view.agenda.length }) : ''}</p>
    ${view.agenda.length ? html`<p class="agenda-now">${view.agenda[view.step]}</p>` : ''}
    ${r
      ? html`<section class="present-poll" aria-labelledby="present-q"><h2 id="present-q">${r.poll.question}</h2>
        <p class="turnout">${t('meeting:turnout', { turnout: r.turnout, eligible: r.eligible })}</p>
        ${r.visible ? resultsRows(ctx, r) : html`<p>${t('meeting:hiddenUntilClose')}</p>`}
        ${!r.open ? html`<p class="muted">${t('meeting:closed')}</p>` : ''}</section>`
      : html`<p class="muted">${t('meeting:noPoll')}</p>`}`;
}

/**
 * Where phones go to vote: the web channel's short link for this poll, or (without the web channel) the
 * chat apps the zone uses, opened on the member's own device, where the open poll waits for them.
 */
export type PhoneRoute = { kind: 'web'; base: string } | { kind: 'apps'; links: { channel: ChannelName; url: string }[] };

/**
 * The QR code is drawn on the server as SVG (no script, no image request). The qrcode package is loaded when a
 * meeting is first projected, not at start: a board-only instance may never need it.
 */
async function qrOf(url: string): Promise<Html> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return trusted(svg.replace('<svg ', '<svg role="img" aria-hidden="true" focusable="false" class="qr" '));
}

/** The links a phone opens to vote, each with its QR code and what it says above it. */
export async function voteLinks(ctx: Ctx, route: PhoneRoute | null, view: PresentView): Promise<{ heading: string; url: string; qr: Html }[]> {
  if (!route || !view.results?.open) return [];
  if (route.kind === 'web') {
    if (!view.shortCode) return [];
    const url = `${route.base}/v/${view.shortCode}`;
    return [{ heading: ctx.t('meeting:voteOnPhone'), url, qr: await qrOf(url) }];
  }
  return Promise.all(route.links.map(async (l) => ({ heading: ctx.t(`meeting:voteIn.${l.channel}`), url: l.url, qr: await qrOf(l.url) })));
}

/** The whole page for the projector; the script keeps `#live` current. */
export async function presentBody(ctx: Ctx, view: PresentView, route: PhoneRoute | null, staff: boolean): Promise<Html> {
  const id = view.meeting.id;
  const links = await voteLinks(ctx, route, view);
  return html`<noscript><meta http-equiv="refresh" content="2"></noscript>
    <div class="present">
      <div id="live" data-src="/board/meetings/${id}/live" aria-live="polite">${liveFragment(ctx, view)}</div>
      ${links.length ? html`<div class="vote-links">${links.map((link) => html`<aside class="vote-here"><p><strong>${link.heading}</strong></p>${link.qr}<p class="short-link"><a href="${link.url}">${link.url}</a></p></aside>`)}</div>` : ''}
    </div>
    ${staff ? controls(ctx, view) : ''}
    <script src="/board/present.js" defer></script>`;
}

function controls(ctx: Ctx, view: PresentView): Html {
  const { t } = ctx;
  const action = `/board/meetings/${view.meeting.id}/step`;
  const step = (to: number, label: string, disabled: boolean) =>
    html`<form method="post" action="${action}" class="inline"><input type="hidden" name="step" value="${to}"><button type="submit" class="secondary"${disabled ? html` disabled` : ''}>${label}</button></form>`;
  return html`<section class="present-controls" aria-labelledby="controls-h"><h2 id="controls-h">${t('meeting:controls')}</h2>
    <div class="actions">${step(view.step - 1, t('meeting:previous'), view.step <= 0)}${step(view.step + 1, t('meeting:next'), view.step >= view.agenda.length - 1)}</div>
    ${view.polls.length
      ? html`<form method="post" action="${action}"><label for="present-poll">${t('meeting:showPoll')}</label>
        <select id="present-poll" name="pollId"><option value="">${t('meeting:noPollOption')}</option>
        ${view.polls.map((p) => html`<option value="${p.id}"${view.results?.poll.id === p.id ? html` selected` : ''}>${p.question}</option>`)}</select>
        <div class="actions"><button type="submit">${t('meeting:show')}</button></div></form>`
      : ''}
    <p><a href="/board/meetings/${view.meeting.id}">${t('meeting:back')}</a></p></section>`;
}

