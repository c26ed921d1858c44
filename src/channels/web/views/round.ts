import { DomainError, isRoundOpen, listContributions, listIdeaRounds, listPanelMembers, panelOverview, showsTimeOfDay } from '../../../core/index.js';
import { html, multiline } from '../../../web-ui/html.js';
import { id } from '../../../web-ui/form.js';
import type { Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { draftForm } from './panel-forms.js';
import { requireFacilitator } from './panel.js';
import { when } from '../../../web-ui/util.js';

const FIELDS = ['whatHappens', 'whatIsNeeded', 'idea'] as const;

/** The contributions to one question of the month, and the button to draft a summary of them. */
export async function roundPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireFacilitator(ctx.actor);
  const roundId = id(ctx.params.id);
  const round = (await listIdeaRounds(ctx.deps, ctx.actor)).find((r) => r.id === roundId);
  if (!round) throw new DomainError('not_found');
  const contributions = await listContributions(ctx.deps, ctx.actor, round.id);
  const members = await listPanelMembers(ctx.deps, ctx.actor);
  const { domains } = await panelOverview(ctx.deps, ctx.actor);
  const { t } = ctx;
  const author = (authorId: string | null) => (authorId ? members.find((m) => m.id === authorId)?.displayName ?? '' : t('web:summary.anonymous'));
  const live = contributions.filter((c) => c.status === 'live');
  const body = html`<h2>${round.question}</h2>
    <p class="muted">${t(`web:panel.roundStatus.${isRoundOpen(round, ctx.deps.clock.now()) ? 'open' : 'closed'}`)} · ${t('web:round.count', { count: live.length })}</p>
    ${contributions.map((c) => html`<article class="card" id="contribution-${c.id}">
      <p class="muted">${author(c.authorId)} · ${t(`common:attribution.${c.attribution}`)} · ${t(`common:language.${c.language}`)} · ${when(ctx, c.createdAt, showsTimeOfDay(c))}
        ${c.status === 'withdrawn' ? html` · <strong>${t('web:contribution.status.withdrawn')}</strong>` : ''}</p>
      ${c.status === 'live' ? FIELDS.filter((f) => c[f]).map((f) => html`<p><strong>${t(`web:contribute.${f}`)}</strong><br>${multiline(c[f])}</p>`) : ''}
      ${c.domainIds.length ? html`<p>${c.domainIds.map((d) => html`<span class="tag">${domains.find((x) => x.id === d)?.labels[ctx.lang] ?? ''}</span>`)}</p>` : ''}
    </article>`)}
    <h2>${t('web:summary.draftTitle')}</h2>
    <p>${t('web:summary.draftIntro')}</p>
    ${draftForm(ctx, state, round.id)}
    <p><a href="/panel">${t('web:nav.panel')}</a></p>`;
  return { title: t('web:round.title'), body };
}
