import type { IdeaRoundRepository } from '../../core/ports.js';
import type { IdeaRoundRecord } from '../../core/types.js';
import type { IdeaRound } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

const ROUND_STATUSES = ['open', 'closed'] as const;

export function toRound(row: IdeaRound): IdeaRoundRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    meetingId: row.meetingId,
    question: row.question,
    description: row.description,
    status: oneOf(ROUND_STATUSES, row.status, 'IdeaRound.status'),
    closesAt: row.closesAt,
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}

export function makeRoundRepository(tx: Tx): IdeaRoundRepository {
  return {
    async create(input) {
      const row = await tx.ideaRound.create({
        data: {
          tenantId: input.tenantId,
          panelId: input.panelId,
          meetingId: input.meetingId,
          question: input.question,
          description: input.description,
          closesAt: input.closesAt,
          createdById: input.createdById,
        },
      });
      return toRound(row);
    },
    async findById(id) {
      const row = await tx.ideaRound.findUnique({ where: { id } });
      return row ? toRound(row) : null;
    },
    async listByPanel(panelId, status) {
      const rows = await tx.ideaRound.findMany({
        where: { panelId, ...(status ? { status } : {}) },
        orderBy: OLDEST_FIRST,
      });
      return rows.map(toRound);
    },
    async listDue(now, limit) {
      const rows = await tx.ideaRound.findMany({
        where: { status: 'open', closesAt: { lte: now } },
        orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
        take: limit,
      });
      return rows.map(toRound);
    },
    async close(id, at) {
      const row = await tx.ideaRound.update({ where: { id }, data: { status: 'closed', closedAt: at } });
      return toRound(row);
    },
  };
}
