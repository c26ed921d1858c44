import type { NextFunction, Request, Response } from 'express';
import { can, editMeeting, presentView, recordAttendance, recordMeetingOutcome, stepMeeting, type CoreDeps } from '../../core/index.js';
import { translator } from '../../i18n/index.js';
import { NoSession } from '../../web-ui/errors.js';
import { id } from '../../web-ui/form.js';
import { publicOriginOf, sendPage, type Ctx, type PageOptions, type createPages } from '../../web-ui/pages.js';
import { sessionActor } from '../../web-ui/session.js';
import { zoned } from '../../web-ui/util.js';
import { requireReader } from '../access.js';
import { meetingPage, meetingsPage } from './page.js';
import { liveFragment, presentBody, type PhoneRoute } from './present.js';
import { PRESENT_SCRIPT } from './present-script.js';

type Pages = ReturnType<typeof createPages>;

/** The present view runs one script from this site and fetches its live part; nothing else changes in the CSP. */
function presentHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set('Content-Security-Policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  next();
}

async function ctxOf(deps: CoreDeps, opts: PageOptions, req: Request, res: Response): Promise<Ctx> {
  const actor = await sessionActor(deps, req, res);
  if (!actor) throw new NoSession();
  res.locals.actor = actor;
  requireReader(actor);
  const params = { ...(req.params as Record<string, string>) };
  return { deps, actor, lang: actor.language, t: translator(actor.language), timeZone: opts.timeZone, path: req.originalUrl, query: {}, params };
}

/** Meetings on the board pages (both sites): the list, one meeting, and the live session for the projector. */
export function meetingRoutes(deps: CoreDeps, opts: PageOptions, pages: Pages): void {
  const { router } = pages;
  pages.page('/meetings', meetingsPage);
  pages.page('/meetings/:id', meetingPage);

  router.get('/present.js', (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=300' }).type('text/javascript').send(PRESENT_SCRIPT);
  });
  router.get('/meetings/:id/present', presentHeaders, async (req, res) => {
    const ctx = await ctxOf(deps, opts, req, res);
    const view = await presentView(deps, ctx.actor, id(req.params.id));
    // The phone link goes to the web channel's short link: at the public address when the projector reached
    // us through it (a proxy may end https there), else the address the projector's browser used. Without
    // that channel, members vote in Slack or Teams: the link opens the app in the zone's workspace.
    const publicOrigin = publicOriginOf(opts);
    const own = `${req.protocol}://${req.get('host')}`;
    const route: PhoneRoute =
      pages.site === 'web'
        ? { kind: 'web', base: publicOrigin && new URL(publicOrigin).host === req.get('host') ? publicOrigin : own }
        : { kind: 'apps', links: view.results?.open ? ((await opts.channels?.appLinks(ctx.actor.tenantId)) ?? []) : [] };
    const body = await presentBody(ctx, view, route, can(ctx.actor, 'meeting.record'));
    sendPage(res, 200, { ...ctx, site: pages.site }, { title: view.meeting.title, body });
  });
  router.get('/meetings/:id/live', async (req, res) => {
    const ctx = await ctxOf(deps, opts, req, res);
    res.type('html').send(liveFragment(ctx, await presentView(deps, ctx.actor, id(req.params.id))).value);
  });

  pages.action('/meetings/:id/step', {
    formId: 'present',
    run: async (ctx, form) => {
      const meetingId = id(ctx.params.id);
      const step = form.str('step');
      const pollId = form.all('pollId')[0];
      await stepMeeting(ctx.deps, ctx.actor, meetingId, { ...(step !== '' && step !== undefined ? { step } : {}), ...(pollId !== undefined ? { pollId } : {}) });
      return `/board/meetings/${meetingId}/present`;
    },
    page: meetingPage,
  });
  pages.action('/meetings/:id', {
    formId: 'edit-meeting',
    run: async (ctx, form) => {
      const meetingId = id(ctx.params.id);
      await editMeeting(ctx.deps, ctx.actor, meetingId, { title: form.str('title'), scheduledAt: zoned(form.str('scheduledAt'), ctx.timeZone), agenda: form.str('agenda') });
      return `/board/meetings/${meetingId}?done=meeting_saved`;
    },
    page: meetingPage,
  });
  pages.action('/meetings/:id/attendance', {
    formId: 'attendance',
    run: async (ctx, form) => {
      const meetingId = id(ctx.params.id);
      await recordAttendance(ctx.deps, ctx.actor, meetingId, form.all('memberIds'));
      return `/board/meetings/${meetingId}?done=attendance_saved`;
    },
    page: meetingPage,
  });
  pages.action('/meetings/:id/decisions', {
    formId: 'decisions',
    run: async (ctx, form) => {
      const meetingId = id(ctx.params.id);
      await recordMeetingOutcome(ctx.deps, ctx.actor, meetingId, { decisions: form.str('decisions'), status: 'held' });
      return `/board/meetings/${meetingId}?done=decisions`;
    },
    page: meetingPage,
  });
}
