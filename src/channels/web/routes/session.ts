import type { Request, Response } from 'express';
import {
  checkSignInLink,
  DomainError,
  isDomainError,
  listWebIdentities,
  redeemSignInLink,
  setMyLanguage,
  type Actor,
  type CoreDeps,
  type Language,
} from '../../../core/index.js';
import { isLanguage, t } from '../../../i18n/index.js';
import { readForm } from '../../../web-ui/form.js';
import { html, type Html } from '../../../web-ui/html.js';
import { languageOf, sameOriginOnly } from '../../../web-ui/errors.js';
import { sendPage, type createPages, type Render } from '../../../web-ui/pages.js';
import { endSession, openSession, sessionActor, setSessionCookie } from '../../../web-ui/session.js';
import { BOARD_LINK_PURPOSE, linkUseKey, SIGN_IN_LINK_TTL_HOURS, verifySignInToken, type SignInClaims } from '../../../web-ui/sign-in-link.js';
import { pickerBody } from '../views/picker.js';
import { homePage } from '../views/home.js';
import { layout } from '../../../web-ui/layout.js';

type Pages = ReturnType<typeof createPages>;

/** A same-site path to go back to; anything else goes to `fallback`. */
export function safeBack(value: string | undefined, fallback = '/home'): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

const readsBoard = (actor: Actor): boolean => actor.role !== 'expert';

/** The local web channel: picking a member, leaving, the language switch, and sign-in links. */
export function sessionRoutes(deps: CoreDeps, pages: Pages): void {
  const { router } = pages;

  router.get('/', async (req: Request, res: Response) => {
    const actor = await sessionActor(deps, req, res);
    res.locals.actor = actor;
    const lang = languageOf(req, actor);
    const tenants = await listWebIdentities(deps);
    res.type('html').send(layout({ lang, actor, path: '/', title: t(lang, 'web:picker.title'), body: pickerBody(lang, tenants, actor) }).value);
  });

  router.post('/session', async (req: Request, res: Response) => {
    sameOriginOnly(req, pages.publicOrigin);
    const form = await readForm(req);
    const tenantId = form.need('tenant');
    const memberId = form.need('member');
    const tenant = (await listWebIdentities(deps)).find((x) => x.tenantId === tenantId);
    if (!tenant?.members.some((m) => m.id === memberId)) throw new DomainError('not_found');
    setSessionCookie(res, await openSession(deps, tenantId, memberId));
    res.redirect(303, '/home');
  });

  signOutRoute(deps, pages);
  languageRoute(pages, homePage);
  linkRoutes(deps, pages);
}

/**
 * Without the local channel: only what the board pages need around them. `/` explains how to get in (there
 * is no picker), sign-in links, signing out and the language switch. No expert or facilitator page.
 */
export function boardSessionRoutes(deps: CoreDeps, pages: Pages): void {
  const { router } = pages;

  router.get('/', async (req: Request, res: Response) => {
    const actor = await sessionActor(deps, req, res);
    if (actor && readsBoard(actor)) return void res.redirect(303, '/board');
    const lang = languageOf(req);
    const body = html`<p class="lead">${t(lang, 'web:signIn.siteIntro')}</p><p>${t(lang, 'web:signIn.needLink')}</p>`;
    sendPage(res, 200, { lang, actor: null, path: '/', site: pages.site }, { title: t(lang, 'web:signIn.siteTitle'), body });
  });

  signOutRoute(deps, pages);
  languageRoute(pages, async (ctx) => ({
    title: ctx.t('web:signIn.siteTitle'),
    body: html`<p><a class="button" href="/board">${ctx.t('web:signIn.toBoard')}</a></p>`,
  }));
  linkRoutes(deps, pages);
}

function signOutRoute(deps: CoreDeps, pages: Pages): void {
  pages.router.post('/session/end', async (req: Request, res: Response) => {
    sameOriginOnly(req, pages.publicOrigin);
    await endSession(deps, req, res);
    res.redirect(303, '/');
  });
}

function languageRoute(pages: Pages, page: Render): void {
  pages.action('/language', {
    formId: 'language',
    run: async (ctx, form) => {
      await setMyLanguage(ctx.deps, ctx.actor, form.need('language'));
      return safeBack(form.str('back'), pages.site === 'web' ? '/home' : '/board');
    },
    page,
  });
}

type Refusal = 'invalid' | 'expired' | 'used';
const REFUSAL_STATUS: Record<Refusal, number> = { invalid: 401, expired: 410, used: 410 };

type Checked = { ok: true; actor: Actor; claims: SignInClaims; used: boolean } | { ok: false; refusal: Refusal; actor: Actor | null };

/**
 * Sign-in with a signed link from Slack or Teams (see `sign-in-link.ts`).
 *
 * `GET /auth/link?t=…` only looks: it says who the link is for and offers one button. Nothing is recorded, so
 * link previews and mail or chat scanners that fetch the link do not use it up. The button posts the token
 * from our own page (`POST /auth/link`): that uses the link once, sets the same session cookie as the picker,
 * and goes on to the board. Because that last step starts on our own page, the browser sends the SameSite=Strict
 * cookie to /board; a redirect straight from a link clicked in Slack or Teams (another site) would not get it.
 */
function linkRoutes(deps: CoreDeps, pages: Pages): void {
  const { router, logger } = pages;

  async function check(token: unknown, withUse: boolean): Promise<Checked> {
    const verified = verifySignInToken(deps.secret, BOARD_LINK_PURPOSE, token, deps.clock.now());
    // Nothing in a token that does not verify is trusted, not even for the logs.
    if (!verified.ok && verified.reason !== 'expired') {
      logger.info({ code: `link_${verified.reason}` }, 'sign-in link refused');
      return { ok: false, refusal: 'invalid', actor: null };
    }
    const { claims } = verified;
    const ids = { tenantId: claims.tenantId, memberId: claims.memberId };
    let found: { actor: Actor; used: boolean };
    try {
      found = await checkSignInLink(deps, { ...ids, ...(withUse ? { useKey: linkUseKey(BOARD_LINK_PURPOSE, claims.nonce) } : {}) });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'not_found') throw error;
      logger.info({ ...ids, code: 'link_member_unknown' }, 'sign-in link refused');
      return { ok: false, refusal: 'invalid', actor: null };
    }
    if (!verified.ok) {
      logger.info({ ...ids, code: 'link_expired' }, 'sign-in link refused');
      return { ok: false, refusal: 'expired', actor: found.actor };
    }
    return { ok: true, actor: found.actor, claims, used: found.used };
  }

  /** `?lang=` (the page's own language switch) first, then the member's language, then the browser's. */
  function languageFor(req: Request, actor: Actor | null): Language {
    const asked = req.query.lang;
    return isLanguage(asked) ? asked : (actor?.language ?? languageOf(req));
  }

  function show(res: Response, status: number, lang: Language, title: string, body: Html, alert?: string, token?: string): void {
    sendPage(res, status, { lang, actor: null, path: '/auth/link', site: pages.site, ...(token ? { keepQuery: `t=${token}` } : {}) }, { title, body }, alert);
  }

  function refuse(req: Request, res: Response, refusal: Refusal, actor: Actor | null): void {
    const lang = languageFor(req, actor);
    // Someone who used the link a moment ago may still be signed in with this browser: one click to check.
    const body = html`<p>${t(lang, 'web:signIn.again')}</p>${refusal === 'used' ? html`<p><a href="/board">${t(lang, 'web:signIn.alreadyIn')}</a></p>` : ''}`;
    show(res, REFUSAL_STATUS[refusal], lang, t(lang, 'web:signIn.refusedTitle'), body, t(lang, `web:signIn.${refusal}`));
  }

  /** Experts do not read the board: what the board pages are for, and where their own part happens. */
  function forExpert(req: Request, res: Response, actor: Actor): void {
    const lang = languageFor(req, actor);
    show(res, 403, lang, t(lang, 'web:signIn.expertTitle'), html`<p>${t(lang, 'web:signIn.expert')}</p>`);
  }

  router.get('/auth/link', async (req: Request, res: Response) => {
    const token = typeof req.query.t === 'string' ? req.query.t : undefined;
    const checked = await check(token, true);
    if (!checked.ok) return refuse(req, res, checked.refusal, checked.actor);
    const { actor } = checked;
    if (checked.used) {
      logger.info({ tenantId: actor.tenantId, memberId: actor.memberId, code: 'link_used' }, 'sign-in link refused');
      return refuse(req, res, 'used', actor);
    }
    const toBoard = readsBoard(actor);
    if (!toBoard && pages.site === 'board') return forExpert(req, res, actor);
    const lang = languageFor(req, actor);
    const asked = isLanguage(req.query.lang) ? `?lang=${req.query.lang}` : '';
    const body = html`<p class="lead">${t(lang, 'web:signIn.intro', { name: actor.displayName, role: t(lang, `common:role.${actor.role}`) })}</p>
<form method="post" action="/auth/link${asked}" id="sign-in">
  <input type="hidden" name="t" value="${token ?? ''}">
  <button type="submit">${t(lang, toBoard ? 'web:signIn.continueBoard' : 'web:signIn.continueHome')}</button>
</form>
<p class="hint">${t(lang, 'web:signIn.once', { hours: SIGN_IN_LINK_TTL_HOURS })}</p>`;
    show(res, 200, lang, t(lang, 'web:signIn.title'), body, undefined, token);
  });

  router.post('/auth/link', async (req: Request, res: Response) => {
    sameOriginOnly(req, pages.publicOrigin);
    const form = await readForm(req);
    const checked = await check(form.str('t'), false);
    if (!checked.ok) return refuse(req, res, checked.refusal, checked.actor);
    const { claims } = checked;
    const toBoard = readsBoard(checked.actor);
    if (!toBoard && pages.site === 'board') return forExpert(req, res, checked.actor);
    const actor = await redeemSignInLink(deps, { tenantId: claims.tenantId, memberId: claims.memberId, useKey: linkUseKey(BOARD_LINK_PURPOSE, claims.nonce) });
    if (!actor) {
      logger.info({ tenantId: claims.tenantId, memberId: claims.memberId, code: 'link_used' }, 'sign-in link refused');
      return refuse(req, res, 'used', checked.actor);
    }
    setSessionCookie(res, await openSession(deps, actor.tenantId, actor.memberId), pages.secureCookies);
    logger.info({ tenantId: actor.tenantId, memberId: actor.memberId, code: 'link_signed_in' }, 'signed in with a link');
    res.redirect(303, toBoard ? '/board' : '/home');
  });
}
