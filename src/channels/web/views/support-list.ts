import { listSupportRequests } from '../../../core/index.js';
import { html, type Html } from '../../../web-ui/html.js';
import type { Ctx } from '../../../web-ui/pages.js';
import { when } from '../../../web-ui/util.js';

/** For facilitators on the panel page: who asked for support, and a "handled" button. Nobody else sees it. */
export async function supportSection(ctx: Ctx): Promise<Html> {
  const open = await listSupportRequests(ctx.deps, ctx.actor);
  const { t } = ctx;
  return html`<section aria-labelledby="support-h"><h2 id="support-h">${t('privacy:support.listTitle')}</h2>
    ${open.length === 0 ? html`<p>${t('privacy:support.none')}</p>` : ''}
    ${open.map((r) => html`<article class="card" id="support-${r.id}">
      <p>${t('privacy:support.asked', { name: r.displayName, date: when(ctx, r.createdAt) })}</p>
      <form method="post" action="/panel/support/${r.id}/handled"><button type="submit" class="secondary">${t('privacy:support.handled')}</button></form>
    </article>`)}
  </section>`;
}
