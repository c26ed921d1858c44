// The outbox of the Slack channel: each pending notification becomes one DM in the member's language.
import {
  actorOf,
  getOpenIdeaRound,
  myConsentRequests,
  myInputOutcomes,
  type Actor,
  type NotificationRecord,
  type PendingDelivery,
} from '../../core/index.js';
import { notificationText } from '../notification.js';
import { UndeliverableError } from '../outbox.js';
import type { SlackEnv } from './context.js';
import { postDm } from './dm.js';
import type { Tr } from './i18n.js';
import { consentMessage } from './views/consent.js';
import { outcomeMessage, reminderMessage, roundMessage, simpleNotice, statusChangeMessage, type Message } from './views/notices.js';
import { loadPoll, pollMessage } from './views/poll.js';

const id = (n: NotificationRecord, key: string) => String(n.payload[key] ?? '');
const count = (n: NotificationRecord, key: string) => Number(n.payload[key] ?? 0);

/** The message for one notification, or null when there is nothing left to say (e.g. already answered). */
async function messageFor(env: SlackEnv, tr: Tr, actor: Actor, n: NotificationRecord): Promise<(Message & { metadata?: ReturnType<typeof pollMessage>['metadata'] }) | null> {
  const { deps } = env;
  const boardUrl = actor.role === 'expert' ? null : env.boardLinkFor(actor);
  switch (n.kind) {
    case 'consent_requested': {
      const review = (await myConsentRequests(deps, actor)).find((r) => r.request.id === id(n, 'requestId'));
      return review ? consentMessage(tr, review) : null;
    }
    case 'poll_opened': {
      const view = await loadPoll(deps, actor, id(n, 'pollId'));
      return view.closed ? null : pollMessage(tr, view);
    }
    case 'round_opened':
      // Gone or no longer open: a DomainError, which the outbox settles (as for a poll that is gone).
      return roundMessage(tr, await getOpenIdeaRound(deps, actor, id(n, 'roundId')));
    case 'input_outcome': {
      // Experts do not read the action plan itself, only what came from their own input.
      const item = (await myInputOutcomes(deps, actor)).flatMap((o) => o.items).find((i) => i.id === id(n, 'itemId'));
      return item ? outcomeMessage(tr, item) : null;
    }
    case 'item_status_changed': {
      const item = (await myInputOutcomes(deps, actor)).flatMap((o) => o.items).find((i) => i.id === id(n, 'itemId'));
      return item ? statusChangeMessage(tr, item, notificationText(tr.lang, n)) : null;
    }
    case 'reminder':
      return reminderMessage(tr, { polls: count(n, 'polls'), consent: count(n, 'consent') });
    default:
      return simpleNotice(tr, n.kind, boardUrl);
  }
}

/** Slack's answers that no retry can change: the member or the workspace is gone for the bot. */
const PERMANENT = new Set(['user_not_found', 'account_inactive', 'user_disabled', 'cannot_dm_bot', 'channel_not_found', 'is_archived', 'not_authed', 'invalid_auth', 'token_revoked']);

function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : '';
}

/**
 * Delivers one notification. Throws (so that it stays pending) when Slack cannot be reached for now;
 * throws UndeliverableError when it never will, so the outbox settles it.
 */
export function slackDeliverer(env: SlackEnv): (pending: PendingDelivery) => Promise<void> {
  return async ({ notification, member, identity }) => {
    const client = await env.clientForTenant(member.tenantId);
    if (!client) throw new UndeliverableError('no_installation');
    const actor = actorOf(member, 'slack');
    const message = await messageFor(env, env.tr(member.language), actor, notification);
    if (!message) return;
    try {
      await postDm(env, client, { tenantId: member.tenantId, memberId: member.id, userId: identity.externalId, address: identity.address }, message);
    } catch (error) {
      const code = slackErrorCode(error);
      if (PERMANENT.has(code)) throw new UndeliverableError(code);
      throw error;
    }
  };
}
