import { sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import type { Repositories } from '../ports.js';
import type { Actor, BacklogChangeRecord, BacklogItemRecord } from '../types.js';
import { resolveAuthors } from './summary-versions.js';

/**
 * An item's timeline: every change of status or progress is one row (ids and codes only), written in the
 * transaction that made the change. The first row of an item is its creation (no previous values).
 */
export async function recordChange(
  repos: Repositories,
  actor: Actor,
  before: Pick<BacklogItemRecord, 'status' | 'progress'> | null,
  after: BacklogItemRecord,
  at: Date,
): Promise<BacklogChangeRecord | null> {
  if (before && before.status === after.status && before.progress === after.progress) return null;
  return repos.backlogHistory.append({
    tenantId: after.tenantId,
    panelId: after.panelId,
    itemId: after.id,
    actorId: actor.memberId,
    status: after.status,
    progress: after.progress,
    previousStatus: before?.status ?? null,
    previousProgress: before?.progress ?? null,
    at,
  });
}

/** The members whose contributions an item is linked to (anonymous authors included, through their key). */
export async function linkedContributors(repos: Repositories, secret: string, actor: Actor, item: BacklogItemRecord): Promise<string[]> {
  const contributionIds = [...new Set(item.links.map((l) => l.contributionId).filter((id): id is string => !!id))];
  if (contributionIds.length === 0) return [];
  const contributions = await repos.contributions.findManyByIds(contributionIds);
  const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active && !m.erasedAt);
  return [...new Set((await resolveAuthors(repos, secret, contributions, members)).values())];
}

/**
 * When an item's status changes, the contributors linked to it are told, through the outbox (each in their
 * own channel and language). The payload holds the item and the new status code only.
 */
export async function notifyStatusChange(repos: Repositories, secret: string, actor: Actor, item: BacklogItemRecord): Promise<number> {
  const members = await linkedContributors(repos, secret, actor, item);
  for (const memberId of members) {
    await repos.notifications.create({ tenantId: actor.tenantId, memberId, kind: 'item_status_changed', payload: { itemId: item.id, status: item.status } });
  }
  return members.length;
}

/** An item's timeline, oldest first, for those who read the action plan. */
export async function backlogItemHistory(deps: CoreDeps, actor: Actor, itemId: string): Promise<BacklogChangeRecord[]> {
  enforce(actor, 'backlog.list');
  return deps.store.transaction(async (repos) => {
    const item = sameTenant(actor, await repos.backlog.findById(itemId));
    return repos.backlogHistory.listForItem(item.id);
  });
}
