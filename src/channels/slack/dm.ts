import type { types } from '@slack/bolt';
import { saveChannelAddress } from '../../core/index.js';
import { recordOutboundMessage } from '../../core/use-cases/outbound-messages.js';
import type { Block } from './blocks.js';
import type { Client, SlackEnv } from './context.js';

export interface DmTarget {
  tenantId: string;
  memberId: string;
  userId: string;
  /** The DM channel id when already known (saved on the member's Slack identity). */
  address?: string | null;
}

export async function openDm(env: SlackEnv, client: Client, target: DmTarget): Promise<string> {
  if (target.address) return target.address;
  const opened = await client.conversations.open({ users: target.userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open gave no channel');
  await saveChannelAddress(env.deps, { tenantId: target.tenantId, channel: 'slack', externalId: target.userId, address: channel });
  return channel;
}

/**
 * Posts a DM and records it (conversation and message id, no text), so that erasure can delete it.
 * Links are not unfurled: a preview could show more than the member chose to share.
 */
export async function postDm(
  env: SlackEnv,
  client: Client,
  target: DmTarget,
  message: { text: string; blocks: Block[]; metadata?: types.MessageMetadata },
): Promise<{ channel: string; ts: string }> {
  const channel = await openDm(env, client, target);
  const posted = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(message.metadata ? { metadata: message.metadata } : {}),
    unfurl_links: false,
    unfurl_media: false,
  });
  const ts = posted.ts;
  if (!ts) throw new Error('chat.postMessage gave no ts');
  await recordOutboundMessage(env.deps, { tenantId: target.tenantId, memberId: target.memberId, channel: 'slack', conversationId: channel, messageId: ts });
  return { channel, ts };
}
