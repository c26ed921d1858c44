import type { Request, Response } from 'express';
import { httpStatusOf, isDomainError, type Actor, type Language } from '../core/index.js';
import { errorMessage } from '../i18n/errors.js';
import { isLanguage, t } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { MalformedRequest } from './form.js';
import { html } from './html.js';
import { layout, type Site } from './layout.js';

/** No (valid) session: pages send the member to the picker, forms answer 401. */
export class NoSession extends Error {
  constructor() {
    super('no session');
    this.name = 'NoSession';
  }
}

/** A POST that a page of this site did not send. */
export class CrossSiteRequest extends Error {
  constructor() {
    super('cross-site request');
    this.name = 'CrossSiteRequest';
  }
}

/**
 * Rejects cross-site POSTs: the browser's Sec-Fetch-Site, else the Origin header, must say same origin.
 * `publicOrigin` (from STEMMEN_PUBLIC_URL) is this site too: behind a proxy that ends TLS the browser's
 * origin is https while this server sees http.
 */
export function sameOriginOnly(req: Request, publicOrigin: string | null = null): void {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new CrossSiteRequest();
  const origin = req.get('origin');
  if (origin !== undefined && origin !== `${req.protocol}://${req.get('host') ?? ''}` && origin !== publicOrigin) throw new CrossSiteRequest();
}

/** The language for a page without a member: `?lang=`, else the browser's preference, else Dutch. */
export function languageOf(req: Request, actor: Actor | null = null): Language {
  if (actor) return actor.language;
  const query = req.query.lang;
  if (isLanguage(query)) return query;
  for (const part of (req.get('accept-language') ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'nl';
}

/** A page that only says something (an error, a refusal), with the way back that this site offers. */
export function messagePage(res: Response, status: number, lang: Language, actor: Actor | null, title: string, message: string, site: Site = 'web', path: string = site === 'web' ? '/home' : '/board'): void {
  const back =
    site === 'web'
      ? html`<p><a class="button" href="${actor ? '/home' : '/'}">${t(lang, actor ? 'web:error.backHome' : 'web:error.pick')}</a></p>`
      : actor && actor.role !== 'expert'
        ? html`<p><a class="button" href="/board">${t(lang, 'web:signIn.toBoard')}</a></p>`
        : html``;
  res.status(status).type('html').send(layout({ lang, actor, path, title, body: back, alert: message, site }).value);
}

type Rerender = (message: string) => Promise<{ ctx: { path: string }; formId: string; page: { title: string; body: ReturnType<typeof html> } }>;

/**
 * The one place where errors become pages. Domain errors re-render the form with the member's input and
 * the message in their language; malformed requests get 400; anything else is logged with ids and codes
 * only (never bodies, names or message text) and shown as a generic apology without details.
 */
export async function handleError(error: unknown, req: Request, res: Response, logger: Logger, site: Site = 'web'): Promise<void> {
  const actor = (res.locals.actor as Actor | undefined) ?? null;
  const lang = languageOf(req, actor);
  const say = (status: number, who: Actor | null, message: string) => messagePage(res, status, lang, who, t(lang, 'web:error.title'), message, site);
  try {
    if (error instanceof NoSession) {
      // The local channel sends the visitor to the picker; elsewhere only a link from Slack or Teams signs in.
      if (site === 'board') return messagePage(res, 401, lang, null, t(lang, 'web:signIn.siteTitle'), t(lang, 'web:signIn.needLink'), site);
      if (req.method === 'GET' || req.method === 'HEAD') return void res.redirect(303, '/');
      return say(401, null, t(lang, 'web:error.noSession'));
    }
    if (error instanceof CrossSiteRequest) return say(403, actor, t(lang, 'web:error.crossSite'));
    if (error instanceof MalformedRequest || isClientHttpError(error)) return say(400, actor, t(lang, 'errors:malformed'));
    if (isDomainError(error)) {
      const status = httpStatusOf(error.code);
      const message = errorMessage(lang, error);
      const rerender = res.locals.rerender as Rerender | undefined;
      if (rerender && actor) {
        try {
          const { ctx, formId, page } = await rerender(message);
          const alertFor = page.body.value.includes(`id="${formId}"`) ? formId : null;
          res.status(status).type('html').send(layout({ lang, actor, path: ctx.path, title: page.title, body: page.body, alert: message, alertFor, site }).value);
          return;
        } catch (again) {
          if (!isDomainError(again)) throw again;
        }
      }
      return say(status, actor, message);
    }
    throw error;
  } catch (unexpected) {
    logger.error(
      { memberId: actor?.memberId ?? null, method: req.method, route: req.baseUrl + String(req.route?.path ?? ''), ids: idsOf(res), error: describe(unexpected) },
      'web request failed',
    );
    if (res.headersSent) return;
    say(500, actor, t(lang, 'errors:internal'));
  }
}

/** Route ids (opaque database ids only: anything else in a path is left out of the log). */
function idsOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((res.locals.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) out[key] = value;
  }
  return out;
}

/** Errors raised by Express itself for unreadable requests (e.g. a bad percent-encoding in the path). */
function isClientHttpError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Name and code of an error, never its message (which may hold member text or SQL with data). */
function describe(error: unknown): { name: string; code: string | null } {
  if (typeof error !== 'object' || error === null) return { name: typeof error, code: null };
  const code = (error as { code?: unknown }).code;
  return { name: (error as { name?: unknown }).name === undefined ? 'Error' : String((error as { name: unknown }).name), code: typeof code === 'string' || typeof code === 'number' ? String(code) : null };
}
