import type { TurnContext } from '@microsoft/agents-hosting';
import { DomainError, handleOnce, isDomainError } from '../../core/index.js';
import { errorMessage } from '../../i18n/errors.js';
import { duplicate, isAlreadyDone, type Action, type Data } from './actions/types.js';
import type { AdaptiveCard } from './cards/elements.js';
import { actionCtx, actionFor, runAction } from './dispatch.js';
import { deliveryKey, languageOf } from './identity.js';
import { showHome } from './actions/member.js';
import { rememberAddress, whoIs, type TeamsRuntime, type Who } from './runtime.js';
import { answerInvoke, cardInvokeBody, keepCardBody } from './send.js';

interface ExecuteValue {
  action?: { type?: unknown; verb?: unknown; data?: unknown };
  trigger?: unknown;
}

function parseValue(value: unknown): { verb: string; data: Data; automatic: boolean } | null {
  const v = (value ?? {}) as ExecuteValue;
  if (v.action?.type !== 'Action.Execute' || typeof v.action.verb !== 'string') return null;
  const data = v.action.data && typeof v.action.data === 'object' && !Array.isArray(v.action.data) ? (v.action.data as Data) : {};
  return { verb: v.action.verb, data, automatic: v.trigger === 'automatic' };
}

/** An error answer in the person's language when we cannot even tell who they are. */
function refusal(context: TurnContext, error: unknown) {
  const message = errorMessage(languageOf(context.activity.locale), error);
  return answerInvoke(context, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } });
}

/**
 * Action.Execute (a button on one of our cards) and automatic refreshes. The answer is the card that replaces
 * the clicked one for this member only. A refresh only ever shows; it never changes anything or enrols anyone.
 */
export async function onCardAction(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const parsed = parseValue(activity.value);
  const action = parsed ? actionFor(parsed.verb) : undefined;
  if (!parsed || !action) return refusal(context, new DomainError('invalid_input', { field: 'verb' }));
  if (parsed.automatic && action.changes) return answerInvoke(context, keepCardBody());

  let who: Who | null;
  try {
    who = await whoIs(rt, activity, !parsed.automatic);
  } catch (error) {
    if (isDomainError(error)) return refusal(context, error);
    throw error;
  }
  if (!who) return answerInvoke(context, parsed.automatic ? keepCardBody() : {}, parsed.automatic ? 200 : 400);
  // Where to reach the member later is kept beside the action, not before it: the answer does not need it,
  // and a vote then joins the votes of the same moment without waiting for this read first.
  const remembered = parsed.automatic ? Promise.resolve() : rememberAddress(rt, activity, who);
  const [, answer] = await Promise.all([remembered, answerFor(rt, context, who, parsed, action)]);
  await answerInvoke(context, answer.body);
  if (!parsed.automatic && !answer.repeated && action.kicksOutbox !== false) rt.kick();
}

/** The card that answers the click: the action's result, or where things stand for a click seen before. */
async function answerFor(rt: TeamsRuntime, context: TurnContext, who: Who, parsed: { verb: string; data: Data }, action: Action): Promise<{ body: Record<string, unknown>; repeated: boolean }> {
  const ctx = actionCtx(rt, context, who.actor);
  const shortened = ctx.view.t('teams:card.shortened');
  const key = action.changes ? deliveryKey(context.activity) : null;
  if (action.claimsKey) {
    // The action claims the key in the transaction of its change, and draws the card for a repeat itself
    // (a vote shows the poll as it now stands, not the member's whole home).
    const result = await runAction(rt, { ...ctx, deliveryKey: key }, parsed.verb, action, parsed.data);
    if (isAlreadyDone(result)) return { body: cardInvokeBody(result.alreadyDone, shortened), repeated: true };
    return { body: cardInvokeBody(result, shortened), repeated: false };
  }
  let card: AdaptiveCard | null = null;
  const first = await handleOnce(rt.deps, key, async () => {
    const result = await runAction(rt, ctx, parsed.verb, action, parsed.data);
    card = isAlreadyDone(result) ? result.alreadyDone : result;
  });
  // The same click delivered twice: it was done once; show where things stand.
  if (!first || !card) return { body: cardInvokeBody(await showHome(ctx, duplicate(ctx)), shortened), repeated: true };
  return { body: cardInvokeBody(card, shortened), repeated: false };
}
