import { authorize, type CoreDeps } from '../context.js';
import type { Actor, ChannelName, MemberRecord } from '../types.js';

/**
 * Remembers a message the bot posted to a member (conversation and message id only, never its text),
 * so that erasure can delete it on the platform later.
 */
export async function recordOutboundMessage(
  deps: CoreDeps,
  input: { tenantId: string; memberId: string; channel: ChannelName; conversationId: string; messageId: string },
): Promise<void> {
  await deps.store.transaction((repos) => repos.outbound.record(input));
}

/**
 * The conversations in which the bot wrote to members of the actor's panel on one channel, so that a
 * facilitator's action (closing a poll) can update the messages already sent. Ids only.
 */
export async function outboundConversations(
  deps: CoreDeps,
  actor: Actor,
  channel: ChannelName,
): Promise<{ member: MemberRecord; conversationId: string }[]> {
  authorize(actor, ['facilitator', 'admin']);
  return deps.store.transaction(async (repos) => {
    const out: { member: MemberRecord; conversationId: string }[] = [];
    for (const member of await repos.members.listByPanel(actor.panelId)) {
      if (!member.active || member.erasedAt) continue;
      const conversations = new Set((await repos.outbound.listByMember(member.id)).filter((m) => m.channel === channel).map((m) => m.conversationId));
      for (const conversationId of conversations) out.push({ member, conversationId });
    }
    return out;
  });
}
