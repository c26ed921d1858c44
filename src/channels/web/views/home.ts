import { listIdeaRounds, memberHome, memberThread, panelOverview } from '../../../core/index.js';
import { html, multiline } from '../../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { consentCard } from './consent.js';
import { myContributionCard, roundCard } from './contribute.js';
import { notificationsSection, outcomesSection } from './outcomes.js';
import { pollCard } from './polls.js';
import { when } from '../../../web-ui/util.js';
import { needsPrivacyStep, privacyBanner, supportCard } from './privacy.js';
import { threadSections } from './thread.js';

/** A member's home: what asks for an answer first, then what they wrote and what became of it. */
export async function homePage(ctx: Ctx, state: FormState | null): Promise<Page> {
  const home = await memberHome(ctx.deps, ctx.actor);
  const { domains } = await panelOverview(ctx.deps, ctx.actor);
  const rounds = home.myContributions.length > 0 ? await listIdeaRounds(ctx.deps, ctx.actor) : [];
  const question = (roundId: string | null) => rounds.find((r) => r.id === roundId)?.question ?? null;
  const thread = await memberThread(ctx.deps, ctx.actor);
  // The translated texts come with the home, the same for every channel.
  const texts = home.texts;
  const statementTexts = home.texts?.statements;
  const { t } = ctx;
  // An expert who has not accepted the privacy text sees the privacy step, and no vote or contribution form.
  const privacyFirst = needsPrivacyStep(ctx, home.participation);
  const canContribute = ctx.actor.role === 'expert' || ctx.actor.role === 'facilitator';
  const body = html`
  <p class="lead">${t('web:home.hello', { name: ctx.actor.displayName })}</p>
  ${home.participation ? privacyBanner(ctx, home.participation) : ''}
  ${notificationsSection(ctx, home.notifications)}

  ${home.consentRequests.length > 0
    ? html`<section aria-labelledby="consent-h"><h2 id="consent-h">${t('web:home.consent')}</h2>
      ${home.consentRequests.map((r) => consentCard(ctx, r, state))}</section>`
    : ''}

  ${privacyFirst
    ? ''
    : html`<section aria-labelledby="polls-h"><h2 id="polls-h">${t('web:home.polls')}</h2>
    ${home.openPolls.length === 0 ? html`<p>${t('web:home.noPolls')}</p>` : home.openPolls.map((p) => pollCard(ctx, p.poll, p.myBallot, state, texts))}
  </section>`}

  ${canContribute && !privacyFirst
    ? html`<section aria-labelledby="round-h"><h2 id="round-h">${t('web:home.round')}</h2>
      ${home.openRounds.length === 0 ? html`<p>${t('web:home.noRound')}</p>` : home.openRounds.map((r) => roundCard(ctx, r, domains, state))}
    </section>`
    : ''}

  ${home.nextMeeting
    ? html`<section aria-labelledby="meeting-h"><h2 id="meeting-h">${t('web:home.meeting')}</h2>
      <article class="card"><h3>${home.nextMeeting.title}</h3><p>${when(ctx, home.nextMeeting.scheduledAt)}</p>
      ${home.nextMeeting.agenda ? html`<p><strong>${t('web:meeting.agenda')}</strong><br>${multiline(home.nextMeeting.agenda)}</p>` : ''}</article></section>`
    : ''}

  ${threadSections(ctx, thread, statementTexts)}

  ${canContribute
    ? html`<section aria-labelledby="mine-h"><h2 id="mine-h">${t('web:home.mine')}</h2>
      ${home.myContributions.length === 0 ? html`<p>${t('web:home.noMine')}</p>` : home.myContributions.map((c) => myContributionCard(ctx, c, question(c.roundId), domains))}
    </section>
    <section aria-labelledby="outcomes-h"><h2 id="outcomes-h">${t('web:home.outcomes')}</h2>
      ${outcomesSection(ctx, home.outcomes, home.myContributions, texts)}
    </section>`
    : ''}
  ${supportCard(ctx, home.supportRequested === true)}`;
  return { title: t('web:home.title'), body };
}
