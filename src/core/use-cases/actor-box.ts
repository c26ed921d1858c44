import type { CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Repositories, Store } from '../ports.js';
import type { ChannelName, MemberRecord } from '../types.js';

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

interface Waiting {
  externalId: string;
  resolve: (member: MemberRecord | null) => void;
  reject: (error: unknown) => void;
}

const boxes = new WeakMap<Store, Map<string, { tenantId: string; channel: ChannelName; waiting: Waiting[] }>>();

/** The member behind an identity (null when there is none), read with the others asked for in this turn. */
export function memberOfIdentity(deps: CoreDeps, query: ActorQuery): Promise<MemberRecord | null> {
  if (deps.batchBallots === false) {
    return deps.store.transaction(async (repos) => (await repos.members.findMembersByIdentities(query.tenantId, query.channel, [query.externalId])).get(query.externalId) ?? null);
  }
  let groups = boxes.get(deps.store);
  if (!groups) boxes.set(deps.store, (groups = new Map()));
  const key = `${query.tenantId}\u0000${query.channel}`;
  let group = groups.get(key);
  if (!group) {
    group = { tenantId: query.tenantId, channel: query.channel, waiting: [] };
    groups.set(key, group);
    const taken = group;
    setImmediate(() => {
      groups.delete(key);
      void lookUp(deps, taken.tenantId, taken.channel, taken.waiting);
    });
  }
  return new Promise((resolve, reject) => group.waiting.push({ externalId: query.externalId, resolve, reject }));
}

async function lookUp(deps: CoreDeps, tenantId: string, channel: ChannelName, waiting: Waiting[]): Promise<void> {
  try {
    const find = (repos: Repositories) => repos.members.findMembersByIdentities(tenantId, channel, waiting.map((w) => w.externalId));
    // One read answers it: no transaction needed (and none of the few a burst of votes needs is taken).
    const found = await (deps.store.read ? deps.store.read(find) : deps.store.transaction(find));
    for (const w of waiting) w.resolve(found.get(w.externalId) ?? null);
  } catch (error) {
    for (const w of waiting) w.reject(error);
  }
}

/** The member, or not_found for unknown identities and for inactive or erased members. */
export function activeOrNotFound(member: MemberRecord | null): MemberRecord {
  if (!member || !member.active || member.erasedAt) throw new DomainError('not_found');
  return member;
}

