import type { Request, Response } from 'express';
import {
  acceptParticipation,
  declineParticipation,
  exportMyData,
  markSupportHandled,
  requestSupport,
  withdrawAllMyInput,
  withdrawParticipation,
  type Actor,
  type CoreDeps,
} from '../../../core/index.js';
import { t } from '../../../i18n/index.js';
import { eraseMemberEverywhere } from '../../erasure.js';
import { html } from '../../../web-ui/html.js';
import { id, MalformedRequest } from '../../../web-ui/form.js';
import { languageOf } from '../../../web-ui/errors.js';
import { sendPage, type createPages } from '../../../web-ui/pages.js';
import { clearSessionCookie, sessionActor } from '../../../web-ui/session.js';
import { panelPage } from '../views/panel.js';
import { myDataPage, privacyPage, supportPage } from '../views/privacy.js';
import { confirmFirst, type Confirmable } from '../confirm.js';
import { myDataExportPage } from '../views/my-data-export.js';

/**
 * Privacy pages of the local channel: the privacy notice (accept, not now, withdraw), "my data" (download,
 * withdraw everything, erase), "I need support", and the facilitator's "handled" for a support request.
 * Each action calls one use case; erasure also deletes the messages the chat channels posted to the member.
 */
export function privacyRoutes(deps: CoreDeps, pages: ReturnType<typeof createPages>): void {
  const { router } = pages;
  pages.page('/privacy', privacyPage);
  pages.page('/me/data', myDataPage);
  pages.page('/me/data/read', myDataExportPage);
  pages.page('/support', supportPage);

  pages.action('/privacy/accept', {
    formId: 'notice',
    run: async (ctx, form) => {
      await acceptParticipation(ctx.deps, ctx.actor, { version: form.need('version') });
      return '/home?done=privacy_accepted';
    },
    page: privacyPage,
  });

  // One-step answers: a button, one use case for the member who pressed it, then back with a note.
  const oneStep: [path: string, formId: string, run: (deps: CoreDeps, actor: Actor) => Promise<unknown>, next: string, page: typeof privacyPage][] = [
    ['/privacy/decline', 'notice', declineParticipation, '/privacy?done=declined', privacyPage],
    ['/privacy/withdraw', 'notice', withdrawParticipation, '/privacy?done=withdrawn', privacyPage],
    ['/me/withdraw-all', 'withdraw-h', withdrawAllMyInput, '/me/data?done=withdrawn_all', myDataPage],
    ['/support', 'support', requestSupport, '/support?done=support_requested', supportPage],
  ];
  // Withdrawing everything cannot be undone: those two ask for a confirm step first.
  const confirmed: Record<string, Confirmable> = { '/privacy/withdraw': 'withdraw_participation', '/me/withdraw-all': 'withdraw_all' };
  for (const [path, formId, run, next, page] of oneStep) {
    const spec = {
      formId,
      run: async (ctx: Parameters<typeof privacyPage>[0]) => {
        await run(ctx.deps, ctx.actor);
        return next;
      },
      page,
    };
    const what = confirmed[path];
    pages.action(path, what ? confirmFirst(what, spec) : spec);
  }

  pages.action('/me/erase', {
    formId: 'erase',
    run: async (ctx, form) => {
      if (form.str('confirm') !== 'yes') throw new MalformedRequest('not confirmed');
      await eraseMemberEverywhere(ctx.deps, pages.channels, ctx.actor, ctx.actor.memberId);
      return `/erased?lang=${ctx.lang}`;
    },
    page: myDataPage,
  });

  pages.action('/panel/support/:id/handled', {
    formId: (ctx) => `support-${ctx.params.id}`,
    run: async (ctx) => {
      await markSupportHandled(ctx.deps, ctx.actor, id(ctx.params.id));
      return '/panel?done=support_handled#support-h';
    },
    page: panelPage,
  });

  /** Everything about the member as a JSON file (GDPR art. 20). */
  router.get('/me/data.json', async (req: Request, res: Response) => {
    const actor = await sessionActor(deps, req, res);
    if (!actor) return void res.redirect(303, '/');
    res.locals.actor = actor;
    const data = await exportMyData(deps, actor);
    res
      .status(200)
      .set('Content-Disposition', `attachment; filename="stemmen-my-data-${data.exportedAt.slice(0, 10)}.json"`)
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  });

  /** After erasure there is no member any more: a plain page, and the session cookie goes. */
  router.get('/erased', (req: Request, res: Response) => {
    clearSessionCookie(res);
    const lang = languageOf(req);
    const body = html`<p>${t(lang, 'privacy:mydata.erased')}</p><p><a class="button" href="/">${t(lang, 'web:error.pick')}</a></p>`;
    sendPage(res, 200, { lang, actor: null, path: '/erased' }, { title: t(lang, 'privacy:mydata.eraseTitle'), body });
  });
}
