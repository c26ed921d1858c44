import { createHash } from 'node:crypto';
import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { z } from 'zod';
import type { Language } from '../../core/index.js';
import { languageOfLocale } from '../replies.js';

/** Where a Teams conversation happens: a personal chat with the bot, a group chat, or a team channel. */
export type Scope = 'personal' | 'groupChat' | 'channel';

export function scopeOf(activity: Activity): Scope {
  const type = activity.conversation?.conversationType;
  return type === 'groupChat' || type === 'channel' ? type : 'personal';
}

/** One zone per Microsoft 365 tenant. */
export function tenantOf(activity: Activity): string | null {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = activity.conversation?.tenantId ?? (typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined);
  return id && id.length <= 100 ? id : null;
}

/** The member's language from the client's locale (nl-BE, fr-FR, en-US...); Dutch otherwise. */
export function languageOf(locale: string | undefined): Language {
  return languageOfLocale(locale);
}

/**
 * The stable key of a Teams user: the Entra object id when Teams sends it (it survives a new bot registration),
 * else the bot-scoped user id.
 */
export function externalIdOf(activity: Activity): string | null {
  const from = activity.from;
  return from?.aadObjectId ?? from?.id ?? null;
}

/** Idempotency key of one activity; Teams redelivers the same id when our answer was slow or lost. */
export function deliveryKey(activity: Activity): string | null {
  if (!activity.id || !activity.conversation?.id) return null;
  return onceKey('teams', activity.conversation.id, activity.id);
}

/** A short key for "do this once" per conversation (hashed: Teams ids are long and say nothing useful). */
export function onceKey(purpose: string, conversationId: string, what: string): string {
  return `${purpose}:${createHash('sha256').update(`${conversationId}\n${what}`).digest('base64url')}`;
}

/**
 * Where the bot can reach a member privately, stored on their identity. Only ids, never names: the
 * personal chat's id when we know it, otherwise enough to open one (Teams returns the existing chat).
 */
const addressSchema = z.object({
  v: z.literal(1),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  tenantId: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  bot: z.object({ id: z.string().min(1) }),
  conversationId: z.string().min(1).optional(),
});

export type TeamsAddress = z.infer<typeof addressSchema>;

export function addressOf(activity: Activity, tenantId: string): TeamsAddress | null {
  if (!activity.serviceUrl || !activity.from?.id || !activity.recipient?.id) return null;
  return {
    v: 1,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    tenantId,
    user: { id: activity.from.id },
    bot: { id: activity.recipient.id },
    ...(scopeOf(activity) === 'personal' && activity.conversation?.id ? { conversationId: activity.conversation.id } : {}),
  };
}

export function parseAddress(json: string | null): TeamsAddress | null {
  if (!json) return null;
  try {
    const parsed = addressSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The SDK's conversation reference for a personal chat (no activity id: a new message, not a reply). */
export function referenceOf(address: TeamsAddress & { conversationId: string }): ConversationReference {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, conversationType: 'personal', tenantId: address.tenantId, isGroup: false },
    user: { id: address.user.id },
    agent: { id: address.bot.id },
  } as ConversationReference;
}
