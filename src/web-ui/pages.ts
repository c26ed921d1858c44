import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Actor, CoreDeps, Language } from '../core/index.js';
import { translator } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { ChannelSet } from '../channels/contract.js';
import { Form, readForm } from './form.js';
import type { Html } from './html.js';
import { layout, type Site, type T } from './layout.js';
import { handleError, languageOf, NoSession, sameOriginOnly } from './errors.js';
import { sessionActor } from './session.js';

export interface PageOptions {
  timeZone: string;
  logger: Logger;
  /** Which pages this server offers (default `web`, the local channel); see `Site`. */
  site?: Site;
  /** The address users reach (STEMMEN_PUBLIC_URL): its origin counts as this site, and https makes cookies Secure. */
  publicUrl?: string;
  /** The running chat channels: erasure deletes the bot's messages in each. */
  channels?: ChannelSet;
}

/** The origin of the public address, or null when there is none (or it cannot be read). */
export function publicOriginOf(opts: Pick<PageOptions, 'publicUrl'>): string | null {
  try {
    return opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  } catch {
    return null;
  }
}

/** Everything a view needs to render for one member. */
export interface Ctx {
  deps: CoreDeps;
  actor: Actor;
  lang: Language;
  t: T;
  timeZone: string;
  /** Path and query of this request as the browser sees it (mount point included). */
  path: string;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
}

/** A form that failed: which form, what the member typed, and the message to show. */
export interface FormState {
  formId: string;
  values: Form;
  message: string;
}

export interface Page {
  title: string;
  body: Html;
  /** A confirmation key under web:done.* (from `?done=`) is shown automatically. */
  status?: string | null;
}

export type Render = (ctx: Ctx, state: FormState | null) => Promise<Page>;

export interface ActionSpec {
  /** Id of the form on the page, to put the member's input back into it when the core refuses it. */
  formId: string | ((ctx: Ctx, form: Form) => string);
  /** Performs exactly one use case; returns where to go next (PRG). */
  run: (ctx: Ctx, form: Form) => Promise<string>;
  /** The page the form lives on, re-rendered with the message and the member's input when refused. */
  page: Render;
}

function queryOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) if (typeof value === 'string') out[key] = value;
  return out;
}

export function sendPage(res: Response, status: number, ctx: { lang: Language; actor: Actor | null; path: string; site?: Site; keepQuery?: string }, page: Page, alert?: string): void {
  res
    .status(status)
    .type('html')
    .send(
      layout({ lang: ctx.lang, actor: ctx.actor, path: ctx.path, title: page.title, body: page.body, alert: alert ?? null, status: page.status ?? null, site: ctx.site ?? 'web', ...(ctx.keepQuery ? { keepQuery: ctx.keepQuery } : {}) }).value,
    );
}

/** A router with member pages (GET) and form actions (POST, then redirect), and one error handler. */
export function createPages(deps: CoreDeps, opts: PageOptions) {
  const router: Router = express.Router();
  const site: Site = opts.site ?? 'web';
  const publicOrigin = publicOriginOf(opts);

  async function context(req: Request, res: Response): Promise<Ctx> {
    res.locals.params = { ...req.params };
    const actor = await sessionActor(deps, req, res);
    if (!actor) throw new NoSession();
    res.locals.actor = actor;
    const params: Record<string, string | undefined> = { ...(req.params as Record<string, string>) };
    return { deps, actor, lang: actor.language, t: translator(actor.language), timeZone: opts.timeZone, path: req.originalUrl, query: queryOf(req), params };
  }

  function done(ctx: Ctx): string | null {
    const key = ctx.query.done;
    return key && /^[a-z_]{1,40}$/.test(key) ? ctx.t(`web:done.${key}`, { defaultValue: '' }) || null : null;
  }

  return {
    router,
    site,
    publicOrigin,
    /** Session cookies set here carry Secure when the public address is https. */
    secureCookies: publicOrigin?.startsWith('https:') ?? false,
    logger: opts.logger,
    channels: opts.channels ?? new ChannelSet(),
    page(path: string, render: Render): void {
      router.get(path, async (req, res) => {
        const ctx = await context(req, res);
        const page = await render(ctx, null);
        sendPage(res, 200, { ...ctx, site }, { ...page, status: page.status ?? done(ctx) });
      });
    },
    action(path: string, spec: ActionSpec): void {
      router.post(path, async (req, res) => {
        sameOriginOnly(req, publicOrigin);
        const ctx = await context(req, res);
        const form = await readForm(req);
        res.locals.rerender = async (message: string) => {
          const formId = typeof spec.formId === 'string' ? spec.formId : spec.formId(ctx, form);
          const back = { ...ctx, path: refererPath(req, publicOrigin) ?? (site === 'web' ? '/home' : '/board') };
          return { ctx: back, formId, page: await spec.page(back, { formId, values: form, message }) };
        };
        res.redirect(303, await spec.run(ctx, form));
      });
    },
    /** Registers the one error handler; call after every route. */
    finish(): Router {
      router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
        void handleError(error, req, res, opts.logger, site);
      });
      return router;
    },
  };
}

/** The same-origin page the form was posted from (only its path), to re-render the right language switch. */
function refererPath(req: Request, publicOrigin: string | null): string | null {
  try {
    const url = new URL(req.get('referer') ?? '');
    return url.host === req.get('host') || url.origin === publicOrigin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

export { languageOf };
