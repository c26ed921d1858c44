import { currentPrivacyNotice, participationStatus } from '../../../core/index.js';
import type { ActionData } from '../cards/elements.js';
import { privacyCard, type AfterConsent } from '../cards/privacy.js';
import type { Notice } from '../cards/view.js';
import { idOf, str, type ActionCtx, type Data } from './types.js';

/** Views a member may be sent to after agreeing (named here, so a crafted button cannot run a change). */
const NEXT_VIEWS: Record<string, string[]> = { 'round.contribute': ['roundId'], 'poll.show': ['pollId'], home: [] };

export function afterConsent(data: Data): AfterConsent {
  const verb = str(data, 'next');
  const keys = NEXT_VIEWS[verb];
  if (!keys) return { verb: 'home', data: {} };
  return { verb, data: Object.fromEntries(keys.map((k) => [k, idOf(data, k)])) as ActionData };
}

export async function showPrivacy(ctx: ActionCtx, opts: { problem?: Notice; next?: AfterConsent } = {}) {
  const { deps, view } = ctx;
  return privacyCard(view, currentPrivacyNotice(deps, view.language), await participationStatus(deps, view.actor), opts);
}

/** Experts read and accept the privacy text before their first vote or contribution (the core insists too). */
export async function needsConsent(ctx: ActionCtx): Promise<boolean> {
  return ctx.view.actor.role === 'expert' && (await participationStatus(ctx.deps, ctx.view.actor)).state !== 'accepted';
}
