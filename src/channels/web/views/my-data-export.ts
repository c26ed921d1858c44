import { exportMyData, type BallotChoice, type MemberExport } from '../../../core/index.js';
import { html, multiline } from '../../../web-ui/html.js';
import type { Ctx, Page } from '../../../web-ui/pages.js';
import { when } from '../../../web-ui/util.js';

/**
 * The member's data as a page to read and print, in their language, beside the JSON file: what they wrote,
 * how they voted, what they agreed to, where they are quoted. No internal ids: those mean nothing to a
 * member (the JSON file keeps them, for portability).
 */
export async function myDataExportPage(ctx: Ctx): Promise<Page> {
  const { t } = ctx;
  const data: MemberExport = await exportMyData(ctx.deps, ctx.actor);
  const date = (iso: string | null) => (iso ? when(ctx, new Date(iso), false) : '');
  const body = html`<article class="card printable" id="export">
    <p class="lead">${t('privacy:export.intro', { date: date(data.exportedAt) })}</p>
    <h2>${t('privacy:export.you')}</h2>
    <p>${data.member.displayName} · ${t(`common:language.${data.member.language}`)} · ${t(`privacy:export.participation.${data.participation.state}`)}</p>

    <h2>${t('privacy:export.contributions', { count: data.contributions.length })}</h2>
    ${data.contributions.map((c) => html`<section class="export-item">
      ${c.question ? html`<h3>${c.question}</h3>` : ''}
      <p class="muted">${date(c.createdAt)} · ${t(`common:attribution.${c.attribution}`)} · ${t(`web:contribution.status.${c.status}`)}</p>
      ${[c.whatHappens, c.whatIsNeeded, c.idea].filter((x) => x.length > 0).map((x) => html`<p>${multiline(x)}</p>`)}
    </section>`)}

    <h2>${t('privacy:export.ballots', { count: data.ballots.length })}</h2>
    <ul>${data.ballots.map((b) => html`<li>${b.question}: ${answerOf(ctx, b.choice)}${b.reason ? html` — <q>${b.reason}</q>${b.reasonAttribution ? html` (${t(`common:reasonAttribution.${b.reasonAttribution}`)})` : ''}` : ''}</li>`)}</ul>

    <h2>${t('privacy:export.quotes', { count: data.quotes.length })}</h2>
    <ul>${data.quotes.filter((q) => q.quote.length > 0).map((q) => html`<li><q>${q.quote}</q> · ${t('privacy:export.version', { number: q.versionNumber })}${q.attributedName ? html` · ${q.attributedName}` : ''}</li>`)}</ul>

    <h2>${t('privacy:export.choices', { count: data.consentRecords.length })}</h2>
    <ul>${data.consentRecords.map((r) => html`<li>${when(ctx, r.createdAt, false)}: ${t(`privacy:page.purpose.${r.purpose}`)} · ${t(`privacy:page.decision.${r.decision}`)}</li>`)}</ul>

    <h2>${t('privacy:export.actionPlan', { count: data.actionPlanLinks.length })}</h2>
    <ul>${data.actionPlanLinks.map((l) => html`<li>${l.title}${l.quote ? html` — <q>${l.quote}</q>` : ''}</li>`)}</ul>
  </article>
  <p><a class="button secondary" href="/me/data.json" download>${t('privacy:mydata.download')}</a> <a class="button secondary" href="/me/data">${t('common:confirm.cancel')}</a></p>`;
  return { title: t('privacy:export.title'), body };
}

/** A ballot in words: the scale value or consent vote; for options, that they answered (labels are in the poll). */
function answerOf(ctx: Ctx, choice: BallotChoice): string {
  if (choice.kind === 'scale') return ctx.t('common:poll.scaleAnswer', { value: choice.value });
  if (choice.kind === 'consent') return ctx.t(`common:consentVote.${choice.vote}`);
  return ctx.t('privacy:export.answered');
}
