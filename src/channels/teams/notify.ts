import { actorOf, getOpenIdeaRound, panelOverview, pollScreen, saveChannelAddress, type PendingDelivery } from '../../core/index.js';
import { recordOutboundMessage } from '../../core/use-cases/outbound-messages.js';
import { showVersion } from './actions/facilitator.js';
import { showConsent, showHome, showOutcomes } from './actions/member.js';
import { pollCard } from './cards/poll.js';
import type { ActionCtx } from './actions/types.js';
import { execute, type AdaptiveCard } from './cards/elements.js';
import { contributionForm } from './cards/contribution.js';
import { noticeCard } from './cards/help.js';
import type { Notice } from './cards/view.js';
import { notificationText, notificationView } from '../notification.js';
import { UndeliverableError } from '../outbox.js';
import { parseAddress } from './identity.js';
import { viewFor, type TeamsRuntime } from './runtime.js';
import { cardMessage } from './send.js';

/** No conversation reference stored for the member: the outbox settles it rather than retrying forever. */
class NoAddress extends UndeliverableError {
  readonly code = 'no_address';
}

const id = (value: string | number | null | undefined): string => (typeof value === 'string' ? value : '');

/** The card for one notification, or null when it no longer asks anything (closed poll, answered request). */
async function notificationCard(ctx: ActionCtx, pending: PendingDelivery): Promise<AdaptiveCard | null> {
  const { kind, payload } = pending.notification;
  const shown = notificationView(ctx.view.language, pending.notification);
  const news: Notice = { kind: 'good', title: shown.title, message: shown.text };
  switch (kind) {
    case 'consent_requested': {
      const card = await showConsent(ctx, id(payload.requestId), news);
      return card.refresh ? card : null;
    }
    case 'poll_opened': {
      // A poll that no longer takes answers (closed, or past its deadline) is not announced.
      const screen = await pollScreen(ctx.deps, ctx.view.actor, id(payload.pollId));
      return screen.closed ? null : pollCard(ctx.view, screen, news);
    }
    case 'round_opened': {
      // Gone or no longer open: a DomainError, which the outbox settles.
      const round = await getOpenIdeaRound(ctx.deps, ctx.view.actor, id(payload.roundId));
      return round ? contributionForm(ctx.view, round, (await panelOverview(ctx.deps, ctx.view.actor)).domains, news) : null;
    }
    case 'input_outcome':
    case 'item_status_changed':
      return showOutcomes(ctx, news);
    case 'reminder': {
      const { t } = ctx.view;
      const polls = Number(payload.polls ?? 0);
      const consent = Number(payload.consent ?? 0);
      const parts = [t('teams:notify.reminder'), polls > 0 ? t('teams:notify.reminderPolls', { count: polls }) : '', consent > 0 ? t('teams:notify.reminderConsent', { count: consent }) : ''];
      return showHome(ctx, { kind: 'attention', message: parts.filter(Boolean).join(' ') });
    }
    case 'change_requested':
      return showVersion(ctx, id(payload.versionId), news);
    case 'summary_published':
    case 'summary_changed':
      return noticeCard(ctx.view, news);
    case 'support_requested':
      // Who asked is shown only on the facilitator's request (an audited look), never in the message itself.
      return noticeCard(ctx.view, news, [execute(ctx.view.t('privacy:support.listTitle'), 'support.list', {}, { style: 'positive' })]);
    default:
      return null;
  }
}

/**
 * The outbox's delivery for Teams: a 1:1 card in the member's language. A notification whose subject is no
 * longer open is dropped, one whose subject is gone settled by the outbox; a failed send is retried.
 */
export async function deliverNotification(rt: TeamsRuntime, pending: PendingDelivery): Promise<void> {
  const address = parseAddress(pending.identity.address);
  if (!address) throw new NoAddress('no_address');
  const actor = actorOf(pending.member, 'teams');
  const view = viewFor(rt, actor);
  const ctx: ActionCtx = { deps: rt.deps, view, scope: 'personal', viewAs: (a) => viewFor(rt, a), post: async () => undefined, kick: () => undefined };
  // A subject that is gone throws a DomainError: the shared outbox settles the notification.
  const card = await notificationCard(ctx, pending);
  if (!card) {
    rt.logger.info({ notificationId: pending.notification.id, kind: pending.notification.kind }, 'teams notification no longer relevant; not sent');
    return;
  }
  const message = cardMessage(card, notificationText(view.language, pending.notification), view.t('teams:card.shortened'));
  const delivered = await rt.messenger.send(address, message);
  await recordOutboundMessage(rt.deps, { tenantId: actor.tenantId, memberId: actor.memberId, channel: 'teams', conversationId: delivered.conversationId, messageId: delivered.messageId });
  if (!address.conversationId) {
    const { identity } = pending;
    await saveChannelAddress(rt.deps, { tenantId: identity.tenantId, channel: 'teams', externalId: identity.externalId, address: JSON.stringify(delivered.address) });
  }
}
