import {
  acceptParticipation,
  declineParticipation,
  listSupportRequests,
  markSupportHandled,
  requestSupport,
  withdrawAllMyInput,
  withdrawParticipation,
} from '../../../core/index.js';
import { noticeCard } from '../cards/help.js';
import { supportListCard } from '../cards/privacy.js';
import { when } from '../cards/view.js';
import { showAfterConsent } from './member.js';
import { afterConsent, showPrivacy } from './participation.js';
import { done, idOf, requireFacilitator, str, type Action } from './types.js';
import { confirmFirst } from './confirm.js';

/**
 * Privacy in Teams: the notice and the member's answer, one-step withdrawal, and "I need support". Each
 * calls exactly one use case of the core's privacy module; nothing here decides what consent means.
 */
export const privacyActions: Record<string, Action> = {
  'privacy.show': { changes: false, run: (ctx) => showPrivacy(ctx) },
  'participation.accept': {
    changes: true,
    run: async (ctx, data) => {
      await acceptParticipation(ctx.deps, ctx.view.actor, { version: str(data, 'version') });
      return showAfterConsent(ctx, afterConsent(data), done(ctx.view, 'teams:done.participating'));
    },
    refused: (ctx, data, problem) => showPrivacy(ctx, { problem, next: afterConsent(data) }),
  },
  'participation.decline': {
    changes: true,
    run: async (ctx) => {
      await declineParticipation(ctx.deps, ctx.view.actor);
      return noticeCard(ctx.view, done(ctx.view, 'privacy:done.declined'));
    },
  },
  'participation.withdraw': confirmFirst('withdraw_participation', 'participation.withdraw', {
    changes: true,
    run: async (ctx) => {
      await withdrawParticipation(ctx.deps, ctx.view.actor);
      ctx.kick(); // summaries are re-issued without this member's words; the others quoted are asked again
      return showPrivacy(ctx, { problem: done(ctx.view, 'privacy:done.withdrawn') });
    },
  }),
  'input.withdrawAll': confirmFirst('withdraw_all', 'input.withdrawAll', {
    changes: true,
    run: async (ctx) => {
      await withdrawAllMyInput(ctx.deps, ctx.view.actor);
      ctx.kick(); // summaries are re-issued without this member's words; the others quoted are asked again
      return showPrivacy(ctx, { problem: done(ctx.view, 'privacy:done.withdrawn_all') });
    },
  }),
  'support.request': {
    changes: true,
    run: async (ctx) => {
      const { request, alreadyOpen } = await requestSupport(ctx.deps, ctx.view.actor);
      ctx.kick();
      const message = alreadyOpen ? ctx.view.t('privacy:support.sent', { date: when(ctx.view, request.createdAt) }) : ctx.view.t('privacy:done.support_requested');
      return noticeCard(ctx.view, { kind: 'good', message });
    },
  },
  'support.list': { changes: false, run: async (ctx) => (requireFacilitator(ctx.view), supportListCard(ctx.view, await listSupportRequests(ctx.deps, ctx.view.actor))) },
  'support.handled': {
    changes: true,
    run: async (ctx, data) => {
      await markSupportHandled(ctx.deps, ctx.view.actor, idOf(data, 'requestId'));
      return supportListCard(ctx.view, await listSupportRequests(ctx.deps, ctx.view.actor), done(ctx.view, 'teams:done.supportHandled'));
    },
  },
};
