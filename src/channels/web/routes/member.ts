import {
  castBallot,
  DomainError,
  editContribution,
  markNotificationsRead,
  myContributions,
  panelOverview,
  respondToConsent,
  submitContribution,
  withdrawContribution,
} from '../../../core/index.js';
import { html } from '../../../web-ui/html.js';
import { id, type Form } from '../../../web-ui/form.js';
import type { createPages, Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { contributionForm } from '../views/contribute.js';
import { homePage } from '../views/home.js';
import { resultsPage } from '../views/results.js';
import { confirmFirst, confirmPage } from '../confirm.js';

function contributionInput(form: Form) {
  return {
    whatHappens: form.str('whatHappens'),
    whatIsNeeded: form.str('whatIsNeeded'),
    idea: form.str('idea'),
    domainKeys: form.all('domainKeys'),
    attribution: form.str('attribution'),
    redact: form.str('redact'),
  };
}

async function editPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  const contributionId = id(ctx.params.id);
  const current = (await myContributions(ctx.deps, ctx.actor)).find((c) => c.id === contributionId && c.status === 'live');
  if (!current) throw new DomainError('not_found');
  const { domains } = await panelOverview(ctx.deps, ctx.actor);
  const formId = `edit-${current.id}`;
  const body = html`<p>${ctx.t('web:contribution.editIntro')}</p>
    ${contributionForm(ctx, { formId, action: `/contributions/${current.id}`, current, domains, state, submit: ctx.t('web:contribution.save') })}
    <p><a href="/home">${ctx.t('web:common.cancel')}</a></p>`;
  return { title: ctx.t('web:contribution.editTitle'), body };
}

/** The member's own pages: home, voting, contributing, consent, notifications. */
export function memberRoutes(pages: ReturnType<typeof createPages>): void {
  pages.page('/home', homePage);
  pages.page('/polls/:id', resultsPage);

  pages.action('/polls/:id/vote', {
    formId: (ctx) => `poll-${ctx.params.id}`,
    run: async (ctx, form) => {
      const pollId = id(ctx.params.id);
      await castBallot(ctx.deps, ctx.actor, pollId, { optionIds: form.all('optionIds'), value: form.str('value'), vote: form.str('vote'), reason: form.str('reason'), reasonAttribution: form.str('reasonAttribution'), redact: form.str('redact') });
      return `/home?done=vote#poll-${pollId}`;
    },
    page: homePage,
  });

  pages.action('/contributions', {
    formId: (_ctx, form) => `round-${form.all('roundId')[0] ?? ''}`,
    run: async (ctx, form) => {
      const roundId = id(form.need('roundId'));
      await submitContribution(ctx.deps, ctx.actor, { roundId, ...contributionInput(form) });
      return '/home?done=contributed#mine-h';
    },
    page: homePage,
  });

  pages.page('/contributions/:id/edit', editPage);

  pages.action('/contributions/:id', {
    formId: (ctx) => `edit-${ctx.params.id}`,
    run: async (ctx, form) => {
      await editContribution(ctx.deps, ctx.actor, id(ctx.params.id), contributionInput(form));
      return '/home?done=edited#mine-h';
    },
    page: editPage,
  });

  pages.action('/contributions/:id/withdraw', confirmFirst('withdraw', {
    formId: 'withdraw',
    run: async (ctx) => {
      await withdrawContribution(ctx.deps, ctx.actor, id(ctx.params.id));
      return '/home?done=withdrawn#mine-h';
    },
    page: homePage,
  }));
  pages.page('/confirm', confirmPage);

  pages.action('/consent/:id', {
    formId: (ctx) => `consent-${ctx.params.id}`,
    run: async (ctx, form) => {
      // The guard's "let the bot redact" button only appears for a change request's comment.
      const decision = form.has('redact') && !form.has('decision') ? 'request_change' : form.need('decision');
      // Withdrawing cannot be undone: it has its own address, behind the confirm step.
      if (decision === 'withdraw') return `/confirm?what=withdraw_consent&to=${encodeURIComponent(`/consent/${id(ctx.params.id)}/withdraw`)}`;
      await respondToConsent(ctx.deps, ctx.actor, id(ctx.params.id), { decision, comment: form.str('comment'), redact: form.str('redact') });
      return `/home?done=consent_${decision}`;
    },
    page: homePage,
  });

  pages.action('/consent/:id/withdraw', confirmFirst('withdraw_consent', {
    formId: (ctx) => `consent-${ctx.params.id}`,
    run: async (ctx) => {
      await respondToConsent(ctx.deps, ctx.actor, id(ctx.params.id), { decision: 'withdraw' });
      return '/home?done=consent_withdraw';
    },
    page: homePage,
  }));

  pages.action('/notifications/read', {
    formId: 'notifications',
    run: async (ctx, form) => {
      await markNotificationsRead(ctx.deps, ctx.actor, form.all('ids').map(id));
      return '/home';
    },
    page: homePage,
  });
}
