import type { CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { ChannelName, MemberRecord } from '../types.js';
import { TurnBox } from './turn-box.js';

/**
 * Who is asking, looked up together for requests that arrive together. Every press in a chat channel first
 * finds its member; when a whole panel presses "submit" at once, the lookups of one turn of the event loop
 * share one read (the members behind all their identities) instead of a transaction each. Each request
 * still gets what a lookup of its own would give, read at that moment: nothing is cached between turns.
 */
export interface ActorQuery {
  tenantId: string;
  channel: ChannelName;
  externalId: string;
}

/** The lookups of one turn, per zone and channel: the members behind all their identities, in one read. */
const lookups = new TurnBox<ActorQuery, MemberRecord | null>(async (deps, queries) => {
  const { tenantId, channel } = queries[0]!;
  const find = (repos: Repositories) => repos.members.findMembersByIdentities(tenantId, channel, queries.map((q) => q.externalId));
  // One read answers it: no transaction needed (and none of the few a burst of votes needs is taken).
  const found = await (deps.store.read ? deps.store.read(find) : deps.store.transaction(find));
  return queries.map((q) => found.get(q.externalId) ?? null);
});

/** The member behind an identity (null when there is none), read with the others asked for in this turn. */
export function memberOfIdentity(deps: CoreDeps, query: ActorQuery): Promise<MemberRecord | null> {
  if (deps.batchBallots === false) {
    return deps.store.transaction(async (repos) => (await repos.members.findMembersByIdentities(query.tenantId, query.channel, [query.externalId])).get(query.externalId) ?? null);
  }
  return lookups.add(deps, `${query.tenantId}\u0000${query.channel}`, query);
}

/** The member, or not_found for unknown identities and for inactive or erased members. */
export function activeOrNotFound(member: MemberRecord | null): MemberRecord {
  if (!member || !member.active || member.erasedAt) throw new DomainError('not_found');
  return member;
}

