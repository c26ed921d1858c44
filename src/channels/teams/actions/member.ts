import {
  DomainError,
  getOpenIdeaRound,
  homeTexts,
  memberHome,
  myConsentRequests,
  panelOverview,
  pollResults,
  pollScreen,
  respondToConsent,
  setMyLanguage,
  submitContribution,
  vote,
  withdrawContribution,
} from '../../../core/index.js';
import { consentAnswered, consentCard } from '../cards/consent.js';
import { CONTRIBUTION_FIELDS, contributionForm, contributionSaved, outcomesCard } from '../cards/contribution.js';
import { helpCard } from '../cards/help.js';
import { homeCard } from '../cards/home.js';
import { pollCard, resultsCard } from '../cards/poll.js';
import type { AfterConsent } from '../cards/privacy.js';
import type { Notice } from '../cards/view.js';
import { needsConsent, showPrivacy } from './participation.js';
import { done, duplicate, idOf, list, str, typed, type Action, type ActionCtx, type Data } from './types.js';
import { confirmFirst } from './confirm.js';

export async function showHome(ctx: ActionCtx, notice?: Notice) {
  return homeCard(ctx.view, await memberHome(ctx.deps, ctx.view.actor), notice);
}

export async function showPoll(ctx: ActionCtx, pollId: string, notice?: Notice, values?: Record<string, string>) {
  return pollCard(ctx.view, await pollScreen(ctx.deps, ctx.view.actor, pollId), notice, values);
}

async function showContributionForm(ctx: ActionCtx, roundId: string, notice?: Notice, values?: Record<string, string>) {
  // Read the privacy text first, rather than after typing a whole story.
  if (await needsConsent(ctx)) return showPrivacy(ctx, { next: { verb: 'round.contribute', data: { roundId } } });
  const round = await getOpenIdeaRound(ctx.deps, ctx.view.actor, roundId);
  return contributionForm(ctx.view, round, (await panelOverview(ctx.deps, ctx.view.actor)).domains, notice, values);
}

export async function showConsent(ctx: ActionCtx, requestId: string, notice?: Notice, comment?: string) {
  const review = (await myConsentRequests(ctx.deps, ctx.view.actor)).find((r) => r.request.id === requestId);
  if (!review) return consentAnswered(ctx.view, { kind: 'good', message: ctx.view.t('teams:consent.notOpen') });
  return consentCard(ctx.view, review, notice, comment);
}

/** Where an expert lands after agreeing to take part: the view they were on their way to. */
export async function showAfterConsent(ctx: ActionCtx, next: AfterConsent, news: Notice) {
  const id = (key: string) => String(next.data[key] ?? '');
  if (next.verb === 'round.contribute') return showContributionForm(ctx, id('roundId'), news);
  if (next.verb === 'poll.show') return showPoll(ctx, id('pollId'), news);
  return showHome(ctx, news);
}

export async function showOutcomes(ctx: ActionCtx, notice?: Notice) {
  // Drawn from the member's home, which carries the texts in their language.
  const home = await memberHome(ctx.deps, ctx.view.actor);
  return outcomesCard(ctx.view, home.outcomes, home.myContributions, notice, homeTexts(home));
}

function contributionInput(data: Data) {
  const attribution = str(data, 'attribution');
  // The form asks for a conscious choice; a missing one must never quietly become "with my name".
  if (!attribution) throw new DomainError('attribution_required', { field: 'attribution' });
  return {
    roundId: idOf(data, 'roundId'),
    whatHappens: str(data, 'whatHappens'),
    whatIsNeeded: str(data, 'whatIsNeeded'),
    idea: str(data, 'idea'),
    domainKeys: list(data, 'domainKeys'),
    attribution,
    redact: str(data, 'redact'),
  };
}

const CONSENT_DONE: Record<string, string> = {
  approve: 'teams:consent.done.approve',
  approve_anonymous: 'teams:consent.done.approve_anonymous',
  request_change: 'teams:consent.done.request_change',
  withdraw: 'teams:consent.done.withdraw',
};

const respondConsent: Action = {
  changes: true,
  run: async (ctx, data) => {
    const decision = str(data, 'decision');
    await respondToConsent(ctx.deps, ctx.view.actor, idOf(data, 'requestId'), { decision, comment: str(data, 'comment') });
    ctx.kick();
    return consentAnswered(ctx.view, done(ctx.view, CONSENT_DONE[decision] ?? 'teams:consent.done.approve'));
  },
};
const withdrawConsent = confirmFirst('withdraw_consent', 'consent.respond', respondConsent);

/** What every member can do: their home, polls, the question of the month, consent, outcomes, language. */
export const memberActions: Record<string, Action> = {
  home: { changes: false, run: (ctx) => showHome(ctx) },
  help: { changes: false, run: async (ctx) => helpCard(ctx.view) },
  outcomes: { changes: false, run: (ctx) => showOutcomes(ctx) },
  'language.set': {
    changes: true,
    run: async (ctx, data) => {
      const actor = await setMyLanguage(ctx.deps, ctx.view.actor, str(data, 'language'));
      const view = ctx.viewAs(actor);
      return showHome({ ...ctx, view }, done(view, 'teams:done.language'));
    },
  },
  'poll.show': { changes: false, run: (ctx, data) => showPoll(ctx, idOf(data, 'pollId')) },
  'poll.results': { changes: false, run: async (ctx, data) => resultsCard(ctx.view, await pollResults(ctx.deps, ctx.view.actor, idOf(data, 'pollId'))) },
  'poll.vote': {
    changes: true,
    claimsKey: true,
    kicksOutbox: false,
    run: async (ctx, data) => {
      // The click's key, the ballot and the card drawn after it: one transaction (shared with the votes of
      // the same moment).
      const input = { optionIds: list(data, 'optionIds'), value: str(data, 'value'), vote: str(data, 'vote'), reason: str(data, 'reason'), reasonAttribution: str(data, 'reasonAttribution') };
      const outcome = await vote(ctx.deps, ctx.view.actor, idOf(data, 'pollId'), input, { deliveryKey: ctx.deliveryKey ?? null });
      // The same click again (Teams redelivers when an answer is late): the poll as it stands, nothing changed.
      if (outcome.repeated) return { alreadyDone: pollCard(ctx.view, outcome.screen, duplicate(ctx)) };
      return pollCard(ctx.view, outcome.screen, done(ctx.view, 'teams:done.vote'));
    },
    refused: (ctx, data, problem) => showPoll(ctx, idOf(data, 'pollId'), problem, typed(data, ['optionIds', 'value', 'vote', 'reason', 'reasonAttribution'])),
  },
  'round.contribute': { changes: false, run: (ctx, data) => showContributionForm(ctx, idOf(data, 'roundId')) },
  'contribution.submit': {
    changes: true,
    run: async (ctx, data) => {
      const contribution = await submitContribution(ctx.deps, ctx.view.actor, contributionInput(data));
      return contributionSaved(ctx.view, contribution, done(ctx.view, 'teams:done.contributed'));
    },
    refused: (ctx, data, problem) =>
      showContributionForm(ctx, idOf(data, 'roundId'), problem, typed(data, [...CONTRIBUTION_FIELDS, 'domainKeys', 'attribution', 'redact'])),
  },
  'contribution.withdraw': confirmFirst('withdraw', 'contribution.withdraw', {
    changes: true,
    run: async (ctx, data) => {
      await withdrawContribution(ctx.deps, ctx.view.actor, idOf(data, 'contributionId'));
      ctx.kick(); // summaries that quoted it are re-issued: the people still quoted are asked again
      return showHome(ctx, done(ctx.view, 'teams:done.withdrawn'));
    },
  }),
  'consent.show': { changes: false, run: (ctx, data) => showConsent(ctx, idOf(data, 'requestId')) },
  'consent.respond': {
    changes: true,
    // Withdrawing cannot be undone: that one answer goes through a confirm card first.
    run: (ctx, data) => (str(data, 'decision') === 'withdraw' ? withdrawConsent.run(ctx, data) : respondConsent.run(ctx, data)),
    refused: (ctx, data, problem) => showConsent(ctx, idOf(data, 'requestId'), problem, str(data, 'comment')),
  },
};
