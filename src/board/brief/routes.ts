import type { Request, Response } from 'express';
import { boardBrief, listMeetings, type Actor, type CoreDeps } from '../../core/index.js';
import { html, selectedIf } from '../../web-ui/html.js';
import { NoSession } from '../../web-ui/errors.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { sessionActor } from '../../web-ui/session.js';
import { inputDate, when, zoned } from '../../web-ui/util.js';
import { requireReader } from '../access.js';
import { briefCsv } from './csv.js';
import { briefDocument, type BriefDocument } from './document.js';
import { briefMarkdown } from './markdown.js';
import { briefHtml } from './page.js';

type Query = Record<string, string | undefined>;

/**
 * pdfkit (with fontkit and its Brotli decoder) is loaded on the first PDF asked for, not at start: it adds
 * about 12 MB to the resident memory of every instance, and most never print a brief.
 */
async function pdfOf(doc: BriefDocument): Promise<Buffer> {
  const { briefPdf } = await import('./pdf.js');
  return briefPdf(doc);
}

/** What the brief covers, from the query: a meeting, or a period typed as local dates. */
function briefInput(query: Query, timeZone: string) {
  if (query.meeting) return { meetingId: query.meeting };
  return { from: zoned(query.from || undefined, timeZone), to: zoned(query.to || undefined, timeZone) };
}

/** The same query, kept for the export links. */
function exportQuery(query: Query): string {
  const params = new URLSearchParams();
  // A meeting sets its own period: dates left in the form beside it do not count.
  for (const key of query.meeting ? ['meeting'] : ['from', 'to']) if (query[key]) params.set(key, query[key]!);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function briefPage(ctx: Ctx, _state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const brief = await boardBrief(ctx.deps, ctx.actor, briefInput(ctx.query, ctx.timeZone));
  const meetings = await listMeetings(ctx.deps, ctx.actor);
  const doc = briefDocument(brief, ctx.lang, ctx.timeZone);
  const q = exportQuery(ctx.query);
  const body = html`<form method="get" action="/board/brief" class="brief-choice"><fieldset><legend>${t('brief:choose')}</legend>
      <label for="brief-meeting">${t('brief:meeting')}</label>
      <select id="brief-meeting" name="meeting"><option value="">${t('brief:noMeeting')}</option>
        ${[...meetings].reverse().map((m) => html`<option value="${m.id}"${selectedIf(brief.meeting?.id === m.id)}>${m.title} (${when(ctx, m.scheduledAt, false)})</option>`)}</select>
      <div class="dates"><div><label for="brief-from">${t('brief:from')}</label><input type="date" id="brief-from" name="from" value="${brief.meeting ? '' : inputDate(brief.from, ctx.timeZone)}"></div>
      <div><label for="brief-to">${t('brief:to')}</label><input type="date" id="brief-to" name="to" value="${brief.meeting ? '' : inputDate(brief.to, ctx.timeZone)}"></div></div>
      <div class="actions"><button type="submit">${t('brief:show')}</button></div></fieldset></form>
    <nav aria-label="${t('brief:exports')}" class="exports"><p><strong>${t('brief:exports')}:</strong>
      <a class="button secondary" href="/board/brief.pdf${q}" download>${t('brief:pdf')}</a>
      <a class="button secondary" href="/board/brief.md${q}" download>${t('brief:markdown')}</a>
      <a class="button secondary" href="/board/brief.csv${q}" download>${t('brief:csv')}</a></p></nav>
    ${briefHtml(doc, t('brief:chartNote'))}`;
  return { title: doc.title, body };
}

const FORMATS = {
  pdf: { type: 'application/pdf', ext: 'pdf' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
} as const;

/** The downloads: the same brief as PDF, Markdown or CSV, for whoever may read the board pages. */
export function briefDownload(deps: CoreDeps, timeZone: string, format: keyof typeof FORMATS) {
  return async (req: Request, res: Response): Promise<void> => {
    const actor: Actor | null = await sessionActor(deps, req, res);
    if (!actor) throw new NoSession();
    res.locals.actor = actor;
    requireReader(actor);
    const query = req.query as Query;
    const brief = await boardBrief(deps, actor, briefInput(query, timeZone));
    const doc = briefDocument(brief, actor.language, timeZone);
    const body = format === 'pdf' ? await pdfOf(doc) : format === 'md' ? briefMarkdown(doc) : briefCsv(brief, actor.language);
    const name = `brief-${brief.to.toISOString().slice(0, 10)}.${FORMATS[format].ext}`;
    res.status(200).type(FORMATS[format].type).set('Content-Disposition', `attachment; filename="${name}"`).send(body);
  };
}
