import type { Request, Response } from 'express';
import { DomainError, listWebIdentities, setMyLanguage, type CoreDeps } from '../../../core/index.js';
import { t } from '../../../i18n/index.js';
import { readForm } from '../form.js';
import { languageOf, sameOriginOnly } from '../errors.js';
import type { createPages } from '../pages.js';
import { clearSessionCookie, sessionActor, sessionValue, setSessionCookie } from '../session.js';
import { pickerBody } from '../views/picker.js';
import { homePage } from '../views/home.js';
import { layout } from '../layout.js';

/** A same-site path to go back to; anything else goes home. */
export function safeBack(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/home';
}

/** Picking a member, leaving, and the language switch. */
export function sessionRoutes(deps: CoreDeps, pages: ReturnType<typeof createPages>): void {
  const { router } = pages;

  router.get('/', async (req: Request, res: Response) => {
    const actor = await sessionActor(deps, req, res);
    res.locals.actor = actor;
    const lang = languageOf(req, actor);
    const tenants = await listWebIdentities(deps);
    res.type('html').send(layout({ lang, actor, path: '/', title: t(lang, 'web:picker.title'), body: pickerBody(lang, tenants, actor) }).value);
  });

  router.post('/session', async (req: Request, res: Response) => {
    sameOriginOnly(req);
    const form = await readForm(req);
    const tenantId = form.need('tenant');
    const memberId = form.need('member');
    const tenant = (await listWebIdentities(deps)).find((x) => x.tenantId === tenantId);
    if (!tenant?.members.some((m) => m.id === memberId)) throw new DomainError('not_found');
    setSessionCookie(res, sessionValue(deps.secret, tenantId, memberId));
    res.redirect(303, '/home');
  });

  router.post('/session/end', async (req: Request, res: Response) => {
    sameOriginOnly(req);
    clearSessionCookie(res);
    res.redirect(303, '/');
  });

  pages.action('/language', {
    formId: 'language',
    run: async (ctx, form) => {
      await setMyLanguage(ctx.deps, ctx.actor, form.need('language'));
      return safeBack(form.str('back'));
    },
    page: homePage,
  });
}
