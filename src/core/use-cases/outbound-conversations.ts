import { type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import type { Actor, ChannelName, MemberRecord } from '../types.js';

/**
 * The conversations in which the bot wrote to members of the actor's panel on one channel (ids only), so
 * that a facilitator's action, such as closing a poll, can update the messages members already have.
 */
export async function outboundConversations(
  deps: CoreDeps,
  actor: Actor,
  channel: ChannelName,
): Promise<{ member: MemberRecord; conversationId: string }[]> {
  enforce(actor, 'outbound.list');
  return panelConversations(deps, actor.panelId, channel);
}

/**
 * The same for the app's own work, with no one asking (a poll closed at its deadline is redrawn where members
 * have it). Ids only, for the channel to update its own messages.
 */
export async function panelConversations(deps: CoreDeps, panelId: string, channel: ChannelName): Promise<{ member: MemberRecord; conversationId: string }[]> {
  return deps.store.transaction(async (repos) => {
    const out: { member: MemberRecord; conversationId: string }[] = [];
    for (const member of await repos.members.listByPanel(panelId)) {
      if (!member.active || member.erasedAt) continue;
      const conversations = new Set((await repos.outbound.listByMember(member.id)).filter((m) => m.channel === channel).map((m) => m.conversationId));
      for (const conversationId of conversations) out.push({ member, conversationId });
    }
    return out;
  });
}
