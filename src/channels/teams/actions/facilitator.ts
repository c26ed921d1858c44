import {
  closeIdeaRound,
  closePoll,
  createPoll,
  remindPanel,
  draftSummary,
  getSummaryVersion,
  facilitatorOverview,
  handleChangeRequest,
  listPanelMembers,
  openChangeRequests,
  summaryOverview,
  openIdeaRound,
  panelOverview,
  pollScreen,
  pollResults,
  publishSummary,
  setMemberRole,
  versionConsent,
} from '../../../core/index.js';
import { buttons, card, execute, heading, say } from '../cards/elements.js';
import { facilitatorCard, membersCard, pollForm, roundForm } from '../cards/facilitator.js';
import { pollCard, resultsCard } from '../cards/poll.js';
import { answersCard, versionCard } from '../cards/summary.js';
import type { Notice, View } from '../cards/view.js';
import { done, idOf, requireFacilitator, str, typed, type Action, type ActionCtx } from './types.js';
import { confirmFirst } from './confirm.js';

export async function showTools(ctx: ActionCtx, notice?: Notice) {
  requireFacilitator(ctx.view);
  const { deps, view } = ctx;
  const overview = await facilitatorOverview(deps, view.actor);
  const openChanges = new Map<string, number>();
  for (const s of overview.summaries.slice(0, 5)) openChanges.set(s.summary.id, (await openChangeRequests(deps, view.actor, s.summary.id)).length);
  return facilitatorCard(view, { ...overview, openChanges }, notice);
}

export async function showVersion(ctx: ActionCtx, versionId: string, notice?: Notice) {
  const { deps, view } = ctx;
  const version = await getSummaryVersion(deps, view.actor, versionId);
  const overview = await summaryOverview(deps, view.actor, version.summaryId);
  const changes = await openChangeRequests(deps, view.actor, version.summaryId);
  return versionCard(view, version, overview, (await panelOverview(deps, view.actor)).domains, notice, changes);
}

/** Cards posted into a group chat or channel are first seen as a plain member would see them (refresh personalises). */
function neutral(view: View): View {
  // Everyone in the channel sees this card: no personal sign-in link in it.
  return { ...view, actor: { ...view.actor, role: 'expert' }, boardUrl: '' };
}

const POLL_FIELDS = ['question', 'kind', 'options', 'anonymity', 'resultsVisibility', 'audience'] as const;
const ROUND_FIELDS = ['question', 'description'] as const;

/** The facilitator's work in Teams; the board's work stays on the board pages. */
export const facilitatorActions: Record<string, Action> = {
  facilitator: { changes: false, run: (ctx) => showTools(ctx) },
  'poll.new': { changes: false, run: async (ctx) => (requireFacilitator(ctx.view), pollForm(ctx.view)) },
  'poll.create': {
    changes: true,
    run: async (ctx, data) => {
      const options = str(data, 'options').split('\n').map((line) => line.trim()).filter(Boolean);
      const poll = await createPoll(ctx.deps, ctx.view.actor, {
        question: str(data, 'question'),
        kind: str(data, 'kind'),
        anonymity: str(data, 'anonymity'),
        resultsVisibility: str(data, 'resultsVisibility'),
        audience: str(data, 'audience'),
        options,
      });
      ctx.kick();
      if (ctx.scope !== 'personal') {
        const seen = neutral(ctx.view);
        await ctx.post(pollCard(seen, await pollScreen(ctx.deps, seen.actor, poll.id)), ctx.view.t('common:notification.poll_opened'));
      }
      return pollCard(ctx.view, await pollScreen(ctx.deps, ctx.view.actor, poll.id), done(ctx.view, 'teams:done.poll'));
    },
    refused: async (ctx, data, problem) => pollForm(ctx.view, problem, typed(data, POLL_FIELDS)),
  },
  'poll.close': confirmFirst('close_poll', 'poll.close', {
    changes: true,
    run: async (ctx, data) => {
      const poll = await closePoll(ctx.deps, ctx.view.actor, idOf(data, 'pollId'));
      return resultsCard(ctx.view, await pollResults(ctx.deps, ctx.view.actor, poll.id), done(ctx.view, 'teams:done.pollClosed'));
    },
  }),
  'round.new': { changes: false, run: async (ctx) => (requireFacilitator(ctx.view), roundForm(ctx.view)) },
  'round.create': {
    changes: true,
    run: async (ctx, data) => {
      const round = await openIdeaRound(ctx.deps, ctx.view.actor, { question: str(data, 'question'), description: str(data, 'description') });
      ctx.kick();
      if (ctx.scope !== 'personal') {
        const { t } = ctx.view;
        const announcement = card([heading(t('teams:home.round')), say(round.question, { weight: 'bolder' }), buttons([execute(t('teams:contribute.open'), 'round.contribute', { roundId: round.id }, { style: 'positive' })])], { fallback: t('teams:home.round') });
        await ctx.post(announcement, t('common:notification.round_opened'));
      }
      return showTools(ctx, done(ctx.view, 'teams:done.round'));
    },
    refused: async (ctx, data, problem) => roundForm(ctx.view, problem, typed(data, ROUND_FIELDS)),
  },
  'round.close': confirmFirst('close_round', 'round.close', {
    changes: true,
    run: async (ctx, data) => {
      await closeIdeaRound(ctx.deps, ctx.view.actor, idOf(data, 'roundId'));
      return showTools(ctx, done(ctx.view, 'teams:done.roundClosed'));
    },
  }),
  'summary.draft': {
    changes: true,
    run: async (ctx, data) => {
      const { version } = await draftSummary(ctx.deps, ctx.view.actor, { roundId: idOf(data, 'roundId'), language: ctx.view.language });
      ctx.kick(); // the members quoted are asked for consent now
      return showVersion(ctx, version.id, done(ctx.view, version.status === 'failed' ? 'teams:done.draftFailed' : 'teams:done.drafted'));
    },
    refused: (ctx, _data, problem) => showTools(ctx, problem),
  },
  'summary.show': { changes: false, run: (ctx, data) => showVersion(ctx, idOf(data, 'versionId')) },
  'summary.answers': {
    // Not a refreshable view: each look at who answered what is recorded by the core.
    changes: false,
    run: async (ctx, data) => answersCard(ctx.view, idOf(data, 'versionId'), await versionConsent(ctx.deps, ctx.view.actor, idOf(data, 'versionId'))),
  },
  'summary.publish': {
    changes: true,
    run: async (ctx, data) => {
      const version = await publishSummary(ctx.deps, ctx.view.actor, idOf(data, 'versionId'));
      ctx.kick();
      return showVersion(ctx, version.id, done(ctx.view, 'teams:done.published'));
    },
    refused: (ctx, data, problem) => showVersion(ctx, idOf(data, 'versionId'), problem),
  },
  'change.handled': {
    changes: true,
    run: async (ctx, data) => {
      await handleChangeRequest(ctx.deps, ctx.view.actor, idOf(data, 'requestId'));
      return showVersion(ctx, idOf(data, 'versionId'), done(ctx.view, 'common:changeRequests.done'));
    },
  },
  'reminders.send': {
    changes: true,
    run: async (ctx) => {
      const count = await remindPanel(ctx.deps, ctx.view.actor);
      ctx.kick();
      return showTools(ctx, done(ctx.view, 'teams:done.reminders', { count }));
    },
  },
  members: { changes: false, run: async (ctx) => (requireFacilitator(ctx.view), membersCard(ctx.view, await listPanelMembers(ctx.deps, ctx.view.actor))) },
  'member.role': {
    changes: true,
    run: async (ctx, data) => {
      await setMemberRole(ctx.deps, ctx.view.actor, idOf(data, 'memberId'), str(data, 'role'));
      return membersCard(ctx.view, await listPanelMembers(ctx.deps, ctx.view.actor), done(ctx.view, 'teams:done.role'));
    },
  },
};
