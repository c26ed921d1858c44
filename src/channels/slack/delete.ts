// Erasure on Slack: the bot deletes the DMs it posted to the member (chat.delete with the bot token of
// their workspace; a bot may always delete its own messages). Slack's answer decides what is reported.
import type { OutboundMessageRecord } from '../../core/index.js';
import type { UndeletedMessage } from '../contract.js';
import type { Client } from './context.js';

/** Already gone: nothing is left to delete. */
const GONE = new Set(['message_not_found', 'channel_not_found', 'is_archived']);

function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

export async function deleteSlackMessages(
  clientForTenant: (tenantId: string) => Promise<Client | null>,
  messages: OutboundMessageRecord[],
): Promise<UndeletedMessage[]> {
  const undeleted: UndeletedMessage[] = [];
  for (const message of messages) {
    const failed = (reason: string) => undeleted.push({ channel: 'slack', conversationId: message.conversationId, messageId: message.messageId, reason });
    const client = await clientForTenant(message.tenantId).catch(() => null);
    if (!client) {
      failed('no_client');
      continue;
    }
    try {
      await client.chat.delete({ channel: message.conversationId, ts: message.messageId });
    } catch (error) {
      const code = slackErrorCode(error);
      if (!GONE.has(code)) failed(code);
    }
  }
  return undeleted;
}
