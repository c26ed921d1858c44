// Erasure on Teams: the bot deletes the activities it posted to the member (the connector's delete
// activity, through the Agents SDK, in the conversation they were posted in).
import type { IdentityRecord, OutboundMessageRecord } from '../../core/index.js';
import type { UndeletedMessage } from '../contract.js';
import { parseAddress } from './identity.js';
import type { Messenger } from './proactive.js';

/** The connector's answer for an activity that is not there (deleted already, or the chat is gone). */
function isGone(error: unknown): boolean {
  const status = (error as { status?: unknown; response?: { status?: unknown } } | null)?.response?.status ?? (error as { status?: unknown } | null)?.status;
  return status === 404;
}

function reasonOf(error: unknown): string {
  const e = error as { response?: { status?: unknown }; status?: unknown; code?: unknown } | null;
  const status = e?.response?.status ?? e?.status;
  if (typeof status === 'number') return `http_${status}`;
  return typeof e?.code === 'string' ? e.code : error instanceof Error ? error.name : 'unknown';
}

export async function deleteTeamsMessages(messenger: Messenger, messages: OutboundMessageRecord[], identities: IdentityRecord[]): Promise<UndeletedMessage[]> {
  const undeleted: UndeletedMessage[] = [];
  // Every identity of the member in that zone is reached through the same Teams service.
  const addresses = identities.map((i) => parseAddress(i.address)).filter((a) => a !== null);
  for (const message of messages) {
    const failed = (reason: string) => undeleted.push({ channel: 'teams', conversationId: message.conversationId, messageId: message.messageId, reason });
    const address = addresses[0];
    if (!address) {
      failed('no_address');
      continue;
    }
    try {
      await messenger.delete({ ...address, conversationId: message.conversationId }, message.messageId);
    } catch (error) {
      if (!isGone(error)) failed(reasonOf(error));
    }
  }
  return undeleted;
}
