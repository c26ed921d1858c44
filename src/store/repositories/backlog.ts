import type { BacklogRepository } from '../../core/ports.js';
import {
  BACKLOG_LEVELS,
  BACKLOG_STATUSES,
  type BacklogItemRecord,
  type BacklogLinkRecord,
} from '../../core/types.js';
import type { BacklogLink, Prisma } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, defined, oneOf, unique, type Tx } from './shared.js';

const withLinks = { links: { orderBy: OLDEST_FIRST } } satisfies Prisma.BacklogItemInclude;

type ItemRow = Prisma.BacklogItemGetPayload<{ include: typeof withLinks }>;

export function toBacklogLink(row: BacklogLink): BacklogLinkRecord {
  const { id, itemId, contributionId, pollId, statementId, quote, translation } = row;
  return { id, itemId, contributionId, pollId, statementId, quote, translation };
}

export function toBacklogItem(row: ItemRow): BacklogItemRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    level: oneOf(BACKLOG_LEVELS, row.level, 'BacklogItem.level'),
    parentId: row.parentId,
    title: row.title,
    description: row.description,
    status: oneOf(BACKLOG_STATUSES, row.status, 'BacklogItem.status'),
    owner: row.owner,
    dueDate: row.dueDate,
    progress: row.progress,
    boardResponse: row.boardResponse,
    respondedAt: row.respondedAt,
    position: row.position,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    links: row.links.map(toBacklogLink),
  };
}

/** A link left pointing at no contribution, poll or statement is removed (its item stays). */
async function deleteEmptyLinks(tx: Tx): Promise<void> {
  await tx.backlogLink.deleteMany({ where: { contributionId: null, pollId: null, statementId: null } });
}

export function makeBacklogRepository(tx: Tx): BacklogRepository {
  return {
    async create(input) {
      const row = await tx.backlogItem.create({ data: { ...input }, include: withLinks });
      return toBacklogItem(row);
    },
    async findById(id) {
      const row = await tx.backlogItem.findUnique({ where: { id }, include: withLinks });
      return row ? toBacklogItem(row) : null;
    },
    async listByPanel(panelId) {
      const rows = await tx.backlogItem.findMany({
        where: { panelId },
        orderBy: [{ position: 'asc' }, ...OLDEST_FIRST],
        include: withLinks,
      });
      return rows.map(toBacklogItem);
    },
    async update(id, patch) {
      const { title, description, status, owner, dueDate, progress, boardResponse, respondedAt, parentId } = patch;
      const row = await tx.backlogItem.update({
        where: { id },
        data: defined({ title, description, status, owner, dueDate, progress, boardResponse, respondedAt, parentId }),
        include: withLinks,
      });
      return toBacklogItem(row);
    },
    async addLink(input) {
      const { itemId, contributionId, pollId, statementId, quote, translation } = input;
      const row = await tx.backlogLink.create({ data: { itemId, contributionId, pollId, statementId, quote, translation: translation ?? null } });
      return toBacklogLink(row);
    },
    async listLinksForContributions(contributionIds) {
      if (contributionIds.length === 0) return [];
      const rows = await tx.backlogLink.findMany({
        where: { contributionId: { in: unique(contributionIds) } },
        orderBy: OLDEST_FIRST,
      });
      return rows.map(toBacklogLink);
    },
    async unlinkContributions(contributionIds) {
      if (contributionIds.length === 0) return 0;
      // The contribution reference and its quote go; a link that still points at a poll or a
      // statement stays for that source, a link left pointing at nothing is removed.
      const { count } = await tx.backlogLink.updateMany({
        where: { contributionId: { in: unique(contributionIds) } },
        data: { contributionId: null, quote: null, translation: null },
      });
      if (count > 0) await deleteEmptyLinks(tx);
      return count;
    },
    async moveStatementLinks(moves) {
      if (moves.length === 0) return 0;
      // Only statements that something links to need a move (most statements have no links).
      const linked = new Set(
        (
          await tx.backlogLink.findMany({
            where: { statementId: { in: unique(moves.map((m) => m.from)) } },
            select: { statementId: true },
          })
        ).map((r) => r.statementId),
      );
      let count = 0;
      for (const { from, to } of moves) {
        if (!linked.has(from) || from === to) continue;
        linked.delete(from);
        count += (await tx.backlogLink.updateMany({ where: { statementId: from }, data: { statementId: to } })).count;
      }
      if (moves.some((m) => m.to === null)) await deleteEmptyLinks(tx);
      return count;
    },
  };
}
