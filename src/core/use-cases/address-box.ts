import type { CoreDeps } from '../context.js';
import type { Repositories } from '../ports.js';
import type { ChannelName } from '../types.js';
import { TurnBox } from './turn-box.js';

/**
 * Where the bot reaches a member, kept current for requests that arrive together. A chat channel passes the
 * address of nearly every request, and it is nearly always the one stored: the saves of one turn of the event
 * loop share one read of their identities (outside a transaction), and only changed addresses are written, in
 * one transaction. Each save resolves once its address is stored; nothing is cached between turns.
 */
export interface AddressSave {
  tenantId: string;
  channel: ChannelName;
  externalId: string;
  address: string;
}

/** The saves of one turn, per zone and channel. */
const saves = new TurnBox<AddressSave, void>(async (deps, items) => {
  await saveAll(deps, items[0]!.tenantId, items[0]!.channel, items);
  return items.map(() => undefined);
});

export function saveAddressTogether(deps: CoreDeps, save: AddressSave): Promise<void> {
  // Without batching (the benchmarks' baseline), each save reads and writes on its own.
  if (deps.batchBallots === false) return saveAll(deps, save.tenantId, save.channel, [save]);
  return saves.add(deps, `${save.tenantId}\u0000${save.channel}`, save);
}

async function saveAll(deps: CoreDeps, tenantId: string, channel: ChannelName, waiting: { externalId: string; address: string }[]): Promise<void> {
  // The later of two saves for one identity wins, as if they had come one after the other.
  const latest = new Map(waiting.map((w) => [w.externalId, w.address]));
  const find = (repos: Repositories, ids: string[]) => repos.members.findIdentities(tenantId, channel, ids);
  const read = (repos: Repositories) => find(repos, [...latest.keys()]);
  const stored = await (deps.store.read ? deps.store.read(read) : deps.store.transaction(read));
  const changed = [...latest].filter(([externalId, address]) => {
    const identity = stored.get(externalId);
    return identity !== undefined && identity.address !== address;
  });
  if (changed.length === 0) return;
  await deps.store.transaction(async (repos) => {
    const again = await find(repos, changed.map(([externalId]) => externalId));
    for (const [externalId, address] of changed) {
      const identity = again.get(externalId);
      if (identity && identity.address !== address) await repos.members.setIdentityAddress(identity.id, address);
    }
  });
}
