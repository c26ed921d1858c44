// Closing a poll updates the poll messages already in members' DMs, in place: the choice and submit
// button give way to the final results (or to "closed" while results stay hidden for them).
import { actorOf, type Actor } from '../../core/index.js';
import { outboundConversations, panelConversations } from '../../core/use-cases/outbound-conversations.js';
import type { Client, SlackEnv } from './context.js';
import { loadPoll, pollMessage, POLL_METADATA } from './views/poll.js';

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** After a facilitator's close (who may list the panel's conversations) or the close at the deadline (the app). */
export async function refreshPollMessages(env: SlackEnv, client: Client, by: Actor | { panelId: string }, pollId: string, since: Date): Promise<number> {
  let updated = 0;
  const conversations = 'memberId' in by ? await outboundConversations(env.deps, by, 'slack') : await panelConversations(env.deps, by.panelId, 'slack');
  for (const { member, conversationId } of conversations) {
    try {
      const history = await client.conversations.history({
        channel: conversationId,
        oldest: String(Math.floor(since.getTime() / 1000) - 1),
        include_all_metadata: true,
        limit: 200,
      });
      const messages = (history.messages ?? []) as HistoryMessage[];
      const ours = messages.filter((m) => m.metadata?.event_type === POLL_METADATA && m.metadata.event_payload?.poll_id === pollId && m.ts);
      if (ours.length === 0) continue;
      const view = await loadPoll(env.deps, actorOf(member, 'slack'), pollId);
      const message = pollMessage(env.tr(member.language), view);
      for (const m of ours) {
        await client.chat.update({ channel: conversationId, ts: m.ts as string, text: message.text, blocks: message.blocks, metadata: message.metadata });
        updated += 1;
      }
    } catch (error) {
      // One member's DM that cannot be read or updated must not stop the others.
      env.logger.warn({ err: (error as { code?: string }).code ?? 'unknown', pollId }, 'poll message not refreshed');
    }
  }
  return updated;
}
