// Erasure as a member or an admin asks for it from any channel: the core erases the member's data, then
// every channel deletes, on its platform, the messages the bot posted to them (through the contract), and
// what could not be deleted is recorded for an operator.
import { eraseMember, identitiesForErasure, recordUndeletedMessages, type Actor, type CoreDeps, type ErasureResult, type IdentityRecord } from '../core/index.js';
import type { ChannelSet, UndeletedMessage } from './contract.js';

export interface FullErasure extends ErasureResult {
  undeletedMessages: UndeletedMessage[];
}

export async function eraseMemberEverywhere(deps: CoreDeps, channels: ChannelSet, actor: Actor, memberId: string): Promise<FullErasure> {
  const identities = await identitiesForErasure(deps, actor, memberId);
  const result = await eraseMember(deps, actor, memberId);
  return { ...result, undeletedMessages: await deleteErasedMessages(deps, channels, actor.tenantId, result, identities) };
}

/** The second half, for erasures started elsewhere (the operator's command line). */
export async function deleteErasedMessages(deps: CoreDeps, channels: ChannelSet, tenantId: string, result: ErasureResult, identities: IdentityRecord[]): Promise<UndeletedMessage[]> {
  const undeleted = await channels.deleteMessages(result.outboundMessages, identities);
  await recordUndeletedMessages(deps, { tenantId, pseudonym: result.pseudonym, undeleted });
  return undeleted;
}
