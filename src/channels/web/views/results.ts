import { pollResults } from '../../../core/index.js';
import { html, type Html } from '../../../web-ui/html.js';
import { id } from '../../../web-ui/form.js';
import type { Ctx, Page } from '../../../web-ui/pages.js';
import { resultsBlock } from '../../../web-ui/fragments/results.js';


export async function resultsPage(ctx: Ctx): Promise<Page> {
  const r = await pollResults(ctx.deps, ctx.actor, id(ctx.params.id));
  return {
    title: ctx.t('web:results.title'),
    body: html`<h2>${r.poll.question}</h2><p class="muted">${ctx.t(`common:pollKind.${r.poll.kind}`)} · ${ctx.t(`common:anonymity.${r.poll.anonymity}`)}</p>
      ${resultsBlock(ctx, r)}<p><a href="/home">${ctx.t('web:nav.home')}</a></p>`,
  };
}
