import { html } from '../../web-ui/html.js';
import type { ActionSpec, Ctx, Page } from '../../web-ui/pages.js';

/**
 * A confirm step before what cannot be undone (closing a poll or a question, withdrawing a contribution,
 * from a consent request or everything). No script: the CSP forbids inline JavaScript, so the first post, without
 * `confirm=yes`, leads to a page that says what will happen, with a form that posts again with it.
 */
export const CONFIRMABLE = {
  close_poll: /^\/panel\/polls\/[A-Za-z0-9_-]{1,64}\/close$/,
  close_round: /^\/panel\/rounds\/[A-Za-z0-9_-]{1,64}\/close$/,
  withdraw: /^\/contributions\/[A-Za-z0-9_-]{1,64}\/withdraw$/,
  withdraw_all: /^\/me\/withdraw-all$/,
  withdraw_consent: /^\/consent\/[A-Za-z0-9_-]{1,64}\/withdraw$/,
  withdraw_participation: /^\/privacy\/withdraw$/,
} as const;
export type Confirmable = keyof typeof CONFIRMABLE;

/** Wraps an action: without `confirm=yes` it leads to the confirm page instead of running. */
export function confirmFirst(what: Confirmable, spec: ActionSpec): ActionSpec {
  return {
    ...spec,
    run: async (ctx, form) => {
      if (form.str('confirm') === 'yes') return spec.run(ctx, form);
      const to = ctx.path.split('?')[0]!;
      const back = form.str('back') ?? '';
      return `/confirm?what=${what}&to=${encodeURIComponent(to)}${back ? `&back=${encodeURIComponent(back)}` : ''}`;
    },
  };
}

const isConfirmable = (what: string | undefined): what is Confirmable => !!what && Object.hasOwn(CONFIRMABLE, what);
const safeBack = (back: string | undefined) => (back && /^\/[A-Za-z0-9_\-/?=&#.]{0,200}$/.test(back) && !back.startsWith('//') ? back : '/home');

/** The confirm page: what will happen, "yes" (posting again with confirm=yes) and a way back. */
export async function confirmPage(ctx: Ctx): Promise<Page> {
  const what = ctx.query.what;
  const to = ctx.query.to;
  if (!isConfirmable(what) || !to || !CONFIRMABLE[what].test(to)) {
    return { title: ctx.t('common:confirm.unknownTitle'), body: html`<p>${ctx.t('common:confirm.unknown')}</p><p><a class="button" href="/home">${ctx.t('common:confirm.cancel')}</a></p>` };
  }
  return {
    title: ctx.t(`common:confirm.${what}.title`),
    body: html`<article class="card confirm" id="confirm">
      <p class="lead">${ctx.t(`common:confirm.${what}.body`)}</p>
      <p><strong>${ctx.t('common:confirm.noUndo')}</strong></p>
      <form method="post" action="${to}">
        <input type="hidden" name="confirm" value="yes">
        <div class="actions">
          <button type="submit" class="danger">${ctx.t(`common:confirm.${what}.yes`)}</button>
          <a class="button secondary" href="${safeBack(ctx.query.back)}">${ctx.t('common:confirm.cancel')}</a>
        </div>
      </form>
    </article>`,
  };
}
