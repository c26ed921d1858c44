import type { TurnContext } from '@microsoft/agents-hosting';
import { isDomainError, type Actor } from '../../core/index.js';
import { errorMessage } from '../../i18n/errors.js';
import { facilitatorActions } from './actions/facilitator.js';
import { memberActions } from './actions/member.js';
import { showPrivacy } from './actions/participation.js';
import { privacyActions } from './actions/privacy.js';
import type { Action, ActionCtx, AlreadyDone, Data } from './actions/types.js';
import type { AdaptiveCard } from './cards/elements.js';
import type { AfterConsent } from './cards/privacy.js';
import { noticeCard } from './cards/help.js';
import { scopeOf } from './identity.js';
import { recordOutboundMessage } from '../../core/use-cases/outbound-messages.js';
import { viewFor, type TeamsRuntime } from './runtime.js';
import { cardMessage, sendMessage } from './send.js';

export const ACTIONS: Record<string, Action> = { ...memberActions, ...facilitatorActions, ...privacyActions };

export function actionFor(verb: string): Action | undefined {
  return Object.hasOwn(ACTIONS, verb) ? ACTIONS[verb] : undefined;
}

export function actionCtx(rt: TeamsRuntime, context: TurnContext, actor: Actor): ActionCtx {
  return {
    deps: rt.deps,
    view: viewFor(rt, actor),
    scope: scopeOf(context.activity),
    viewAs: (next) => viewFor(rt, next),
    post: async (card, summary) => {
      const view = viewFor(rt, actor);
      const messageId = await sendMessage(context, cardMessage(card, summary, view.t('teams:card.shortened')));
      const conversationId = context.activity.conversation?.id ?? '';
      if (messageId) await recordOutboundMessage(rt.deps, { tenantId: actor.tenantId, memberId: actor.memberId, channel: 'teams', conversationId, messageId });
    },
    kick: rt.kick,
  };
}

function backTo(verb: string, data: Data): AfterConsent {
  const id = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  if (verb === 'poll.vote') return { verb: 'poll.show', data: { pollId: id('pollId') } };
  if (verb === 'contribution.submit') return { verb: 'round.contribute', data: { roundId: id('roundId') } };
  return { verb: 'home', data: {} };
}

/**
 * Runs one action and always produces a card: the result, the form again with the reason when the core
 * refused the input (nothing was stored), or a plain apology for anything unexpected (logged by code only).
 */
export async function runAction(rt: TeamsRuntime, ctx: ActionCtx, verb: string, action: Action, data: Data): Promise<AdaptiveCard | AlreadyDone> {
  const { view } = ctx;
  try {
    return await action.run(ctx, data);
  } catch (error) {
    if (!isDomainError(error)) {
      rt.logger.error({ verb, memberId: view.actor.memberId, err: error instanceof Error ? error.name : 'unknown' }, 'teams action failed');
      return noticeCard(view, { kind: 'attention', message: errorMessage(view.language, error) });
    }
    rt.logger.info({ verb, memberId: view.actor.memberId, code: error.code }, 'teams action refused');
    const problem = { kind: 'attention' as const, message: errorMessage(view.language, error), code: error.code };
    // Not yet agreed to take part: show the privacy text, then bring them back to what they were doing.
    if (error.code === 'participation_consent_required') return showPrivacy(ctx, { problem, next: backTo(verb, data) });
    if (!action.refused) return noticeCard(view, problem);
    try {
      return await action.refused(ctx, data, problem);
    } catch {
      return noticeCard(view, problem);
    }
  }
}
