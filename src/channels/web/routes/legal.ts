import type { Request, Response, NextFunction } from 'express';
import { currentPrivacyNotice, type CoreDeps } from '../../../core/index.js';
import { translator } from '../../../i18n/index.js';
import { html } from '../../../web-ui/html.js';
import { languageOf } from '../../../web-ui/errors.js';
import { sendPage, type createPages } from '../../../web-ui/pages.js';
import { sessionActor } from '../../../web-ui/session.js';

const TERMS = ['service', 'who', 'use', 'urgent', 'availability', 'changes', 'contact'] as const;

/**
 * The privacy statement and the terms of use, public and in the visitor's language (`?lang=`, else the
 * browser's): the Teams app manifest links to /privacy and /terms, and people read them before they sign
 * in, so they answer in every mode. A member signed in on the local web channel gets their own privacy
 * page at /privacy instead (with agree, withdraw and the rest).
 */
export function legalRoutes(deps: CoreDeps, pages: ReturnType<typeof createPages>): void {
  const { router, site } = pages;
  const visitor = (req: Request) => {
    const lang = languageOf(req);
    return { lang, t: translator(lang), ctx: { lang, actor: null, path: req.originalUrl, site, keepQuery: '' } };
  };
  router.get('/privacy', async (req: Request, res: Response, next: NextFunction) => {
    if (site === 'web' && (await sessionActor(deps, req, res))) return next();
    const { lang, t, ctx } = visitor(req);
    const notice = currentPrivacyNotice(deps, lang);
    sendPage(res, 200, ctx, {
      title: t('legal:privacy.title'),
      body: html`<h1>${t('legal:privacy.title')}</h1>
        <h2>${notice.title}</h2>
        ${notice.paragraphs.map((p) => html`<p>${p}</p>`)}
        <p>${t('legal:privacy.controller')}</p>
        <p class="muted">${t('privacy:page.version', { version: notice.version })}</p>`,
    });
  });
  router.get('/terms', (req: Request, res: Response) => {
    const { t, ctx } = visitor(req);
    sendPage(res, 200, ctx, {
      title: t('legal:terms.title'),
      body: html`<h1>${t('legal:terms.title')}</h1>
        ${TERMS.map((key) => html`<p>${t(`legal:terms.${key}`)}</p>`)}`,
    });
  });
}
