import { audit, authorize, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Actor, ChannelName, IdentityRecord } from '../types.js';

/**
 * Where the member can be reached on each platform (their identities, with the addresses the channels
 * saved), read before an erasure removes them: a channel needs them to delete its messages afterwards.
 */
export async function identitiesForErasure(deps: CoreDeps, actor: Actor, memberId: string): Promise<IdentityRecord[]> {
  if (actor.memberId !== memberId) authorize(actor, ['admin']);
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member || member.tenantId !== actor.tenantId) throw new DomainError('not_found');
    return repos.members.listIdentities(memberId);
  });
}

/** The same, for the operator at the server (the command line): no actor, any zone. */
export async function identitiesForOperatorErasure(deps: CoreDeps, memberId: string): Promise<{ tenantId: string; identities: IdentityRecord[] }> {
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member) throw new DomainError('not_found');
    return { tenantId: member.tenantId, identities: await repos.members.listIdentities(memberId) };
  });
}

export interface UndeletedMessageInput {
  channel: ChannelName;
  conversationId: string;
  messageId: string;
  reason: string;
}

/**
 * After an erasure, the messages the bot posted that the platform would not let it delete (or that no
 * running channel could reach) are recorded under the erased member's pseudonym: platform ids and error
 * codes only, so that an operator can finish the deletion by hand. Nothing is recorded when all went.
 */
export async function recordUndeletedMessages(deps: CoreDeps, input: { tenantId: string; pseudonym: string; undeleted: UndeletedMessageInput[] }): Promise<void> {
  if (input.undeleted.length === 0) return;
  const reasons = [...new Set(input.undeleted.map((u) => u.reason))].sort().join(',');
  const where = input.undeleted.map((u) => `${u.channel}:${u.conversationId}:${u.messageId}`).join(' ');
  await deps.store.transaction((repos) =>
    audit(repos, null, 'member.erasure.messages_undeleted', 'member', input.pseudonym, { count: input.undeleted.length, reasons, messages: where.slice(0, 4000) }, input.tenantId),
  );
}
