import type { BacklogHistoryRepository } from '../../core/ports.js';
import { BACKLOG_STATUSES, type BacklogChangeRecord } from '../../core/types.js';
import type { BacklogChange } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

function toChange(row: BacklogChange): BacklogChangeRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    itemId: row.itemId,
    actorId: row.actorId,
    status: oneOf(BACKLOG_STATUSES, row.status, 'BacklogChange.status'),
    progress: row.progress,
    previousStatus: row.previousStatus === null ? null : oneOf(BACKLOG_STATUSES, row.previousStatus, 'BacklogChange.previousStatus'),
    previousProgress: row.previousProgress,
    createdAt: row.createdAt,
  };
}

export function makeBacklogHistoryRepository(tx: Tx): BacklogHistoryRepository {
  return {
    async append({ at, ...input }) {
      return toChange(await tx.backlogChange.create({ data: { ...input, ...(at ? { createdAt: at } : {}) } }));
    },
    async listForItem(itemId) {
      return (await tx.backlogChange.findMany({ where: { itemId }, orderBy: OLDEST_FIRST })).map(toChange);
    },
    async listForPanel(panelId, range = {}) {
      const createdAt = { ...(range.since ? { gte: range.since } : {}), ...(range.until ? { lt: range.until } : {}) };
      const rows = await tx.backlogChange.findMany({ where: { panelId, createdAt }, orderBy: OLDEST_FIRST });
      return rows.map(toChange);
    },
  };
}
