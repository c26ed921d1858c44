import type { NextFunction, Request, Response, Router } from 'express';
import { DomainError, type CoreDeps } from '../../core/index.js';
import { securityHeaders } from '../../web-ui/security.js';
import type { ChatChannel } from '../contract.js';
import { sessionActor } from '../../web-ui/session.js';
import { STYLESHEET } from '../../web-ui/assets.js';
import { createPages, type PageOptions } from '../../web-ui/pages.js';
import { memberRoutes } from './routes/member.js';
import { panelRoutes } from './routes/panel.js';
import { legalRoutes } from './routes/legal.js';
import { privacyRoutes } from './routes/privacy.js';
import { boardSessionRoutes, sessionRoutes } from './routes/session.js';
import { shortLinkRoutes } from './routes/short-links.js';

function stylesheet(_req: Request, res: Response): void {
  res.set({ 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' }).type('text/css').send(STYLESHEET);
}


/**
 * The local web channel: server-rendered pages for every role, no credentials (pick who you are), meant for
 * use on this computer only (the server binds to 127.0.0.1 by default).
 */
export function createWebChannel(deps: CoreDeps, opts: PageOptions): Router {
  const pages = createPages(deps, { ...opts, site: 'web' });
  const { router } = pages;
  router.get('/assets/stemmen.css', stylesheet);
  router.use(securityHeaders);
  legalRoutes(deps, pages);
  sessionRoutes(deps, pages);
  memberRoutes(pages);
  panelRoutes(pages);
  privacyRoutes(deps, pages);
  shortLinkRoutes(deps, pages);
  router.use((_req, _res, next) => next(new DomainError('not_found')));
  return pages.finish();
}

/** What the web channel identifies a member from: a request with its session cookie. */
export interface WebEvent {
  req: Request;
  res: Response;
}

/**
 * The local web channel under the channel contract. It posts no chat messages (a member reads their
 * notifications on their home page), so it delivers nothing unasked and has nothing to delete.
 */
export function createWebChatChannel(deps: CoreDeps, opts: PageOptions): ChatChannel<WebEvent> & { router: Router } {
  return {
    name: 'web',
    router: createWebChannel(deps, opts),
    identify: ({ req, res }) => sessionActor(deps, req, res),
    deleteMessages: async () => [],
    start: async () => undefined,
    stop: async () => undefined,
  };
}

/**
 * Without the local web channel (Slack or Teams in production): what the board pages (mounted apart, at
 * /board) need around them, and nothing else. Sign-in links from Slack and Teams, signing out, the language
 * switch, the stylesheet, and at `/` a page that says how to get in. No picker, no expert or facilitator page.
 */
export function createBoardSite(deps: CoreDeps, opts: PageOptions): Router {
  const pages = createPages(deps, { ...opts, site: 'board' });
  const { router } = pages;
  router.get('/assets/stemmen.css', stylesheet);
  router.use(securityHeaders);
  legalRoutes(deps, pages);
  boardSessionRoutes(deps, pages);
  router.use((_req, _res, next) => next(new DomainError('not_found')));
  return pages.finish();
}
