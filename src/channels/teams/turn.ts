import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { claimDelivery, isDomainError } from '../../core/index.js';
import { recordOutboundMessage } from '../../core/use-cases/outbound-messages.js';
import { errorMessage } from '../../i18n/errors.js';
import { translator } from '../../i18n/index.js';
import type { AdaptiveCard } from './cards/elements.js';
import { helpCard, sentPrivately, welcomeCard } from './cards/help.js';
import { commandAction, parseCommand } from './commands.js';
import { isAlreadyDone } from './actions/types.js';
import { actionCtx, actionFor, runAction } from './dispatch.js';
import { addressOf, deliveryKey, languageOf, onceKey, scopeOf } from './identity.js';
import { onCardAction } from './invoke.js';
import { NoPersonalChat } from './proactive.js';
import { rememberAddress, viewFor, whoIs, type TeamsRuntime, type Who } from './runtime.js';
import { answerInvoke, cardMessage, sendMessage, textMessage } from './send.js';

/** Every activity Teams sends us, after authentication: routed by type; nothing else is acted upon. */
export async function handleTurn(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  switch (activity.type) {
    case ActivityTypes.Message:
      return onMessage(rt, context);
    case ActivityTypes.Invoke:
      if (activity.name === 'adaptiveCard/action') return onCardAction(rt, context);
      return answerInvoke(context, {}, 501);
    case ActivityTypes.InstallationUpdate:
      if (activity.action === 'add' || activity.action === 'add-upgrade') return onInstalled(rt, context);
      return;
    case ActivityTypes.ConversationUpdate:
      if (activity.membersAdded?.some((m) => m.id === activity.recipient?.id)) return onInstalled(rt, context);
      return;
    default:
      return;
  }
}

/** Teams redelivers an activity when our answer was slow or lost; each is handled once. */
async function firstDelivery(rt: TeamsRuntime, activity: Activity): Promise<boolean> {
  const key = deliveryKey(activity);
  return key === null || claimDelivery(rt.deps, key);
}

/** Replies in this conversation, or, outside a personal chat, privately (a channel must not see personal cards). */
async function reply(rt: TeamsRuntime, context: TurnContext, who: Who, card: AdaptiveCard, summary: string): Promise<void> {
  const view = viewFor(rt, who.actor);
  const message = cardMessage(card, summary, view.t('teams:card.shortened'));
  const { actor } = who;
  if (scopeOf(context.activity) === 'personal') {
    const messageId = await sendMessage(context, message);
    const conversationId = context.activity.conversation?.id ?? '';
    if (messageId) await recordOutboundMessage(rt.deps, { tenantId: actor.tenantId, memberId: actor.memberId, channel: 'teams', conversationId, messageId });
    return;
  }
  const address = addressOf(context.activity, who.tenantId);
  if (!address) return;
  let delivered;
  try {
    delivered = await rt.messenger.send(address, message);
  } catch (error) {
    // Without credentials (local mode) we cannot open a private chat: ask for one instead of answering here.
    if (!(error instanceof NoPersonalChat)) throw error;
    await sendMessage(context, textMessage(view.t('teams:channel.writePrivately')));
    return;
  }
  await rememberAddress(rt, context.activity, who, delivered.address);
  await recordOutboundMessage(rt.deps, { tenantId: actor.tenantId, memberId: actor.memberId, channel: 'teams', conversationId: delivered.conversationId, messageId: delivered.messageId });
  await sendMessage(context, cardMessage(sentPrivately(view), view.t('teams:channel.sentPrivately'), view.t('teams:card.shortened')));
}

/** Something the person cannot fix by retyping (e.g. their participation ended): plain words, no card. */
async function replyProblem(context: TurnContext, error: unknown): Promise<void> {
  await sendMessage(context, textMessage(errorMessage(languageOf(context.activity.locale), error)));
}

async function onMessage(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  if (!(await firstDelivery(rt, context.activity))) return;
  let who: Who | null;
  try {
    who = await whoIs(rt, context.activity, true);
  } catch (error) {
    if (isDomainError(error)) return replyProblem(context, error);
    throw error;
  }
  if (!who) return;
  await rememberAddress(rt, context.activity, who);
  const ctx = actionCtx(rt, context, who.actor);
  const { verb, data } = await commandAction(rt.deps, who.actor, parseCommand(context.activity.text));
  const action = actionFor(verb);
  const card = data.unknown
    ? helpCard(ctx.view, { kind: 'attention', message: ctx.view.t('teams:help.unknown') })
    : action
      ? await runAction(rt, ctx, verb, action, data).then((result) => (isAlreadyDone(result) ? result.alreadyDone : result))
      : helpCard(ctx.view);
  await reply(rt, context, who, card, ctx.view.t('teams:card.reply'));
  rt.kick();
}

/** Installed (personally, in a team or a group chat): the installer joins and is greeted once. */
async function onInstalled(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  // Teams may announce one installation twice (installationUpdate and conversationUpdate): greet once.
  if (!activity.conversation?.id || !(await claimDelivery(rt.deps, onceKey('teams-welcome', activity.conversation.id, 'welcome')))) return;
  if (scopeOf(activity) !== 'personal') {
    // A channel gets one neutral welcome; each person starts privately by pressing "start" or writing to the bot.
    const tr = translator(languageOf(activity.locale));
    await sendMessage(context, cardMessage(welcomeCard(tr, { facilitator: false }), tr('teams:welcome.title'), tr('teams:card.shortened')));
    return;
  }
  const who = await whoIs(rt, activity, true).catch(() => null);
  if (!who) return;
  await rememberAddress(rt, activity, who);
  const view = viewFor(rt, who.actor);
  await reply(rt, context, who, welcomeCard(view.t, { facilitator: who.actor.role === 'facilitator' }), view.t('teams:welcome.title'));
}
