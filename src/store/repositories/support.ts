import type { SupportRepository, SupportRequestRecord } from '../../core/ports.js';
import { CHANNELS } from '../../core/types.js';
import type { SupportRequest } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

function toSupport(row: SupportRequest): SupportRequestRecord {
  return { ...row, channel: oneOf(CHANNELS, row.channel, 'SupportRequest.channel') };
}

export function makeSupportRepository(tx: Tx): SupportRepository {
  return {
    async create(input) {
      return toSupport(await tx.supportRequest.create({ data: input }));
    },
    async listOpen(tenantId) {
      return (await tx.supportRequest.findMany({ where: { tenantId, handledAt: null }, orderBy: OLDEST_FIRST })).map(toSupport);
    },
    async findById(id) {
      const row = await tx.supportRequest.findUnique({ where: { id } });
      return row ? toSupport(row) : null;
    },
    async markHandled(id, handledById, at) {
      await tx.supportRequest.update({ where: { id }, data: { handledById, handledAt: at } });
    },
    async listByMember(memberId) {
      return (await tx.supportRequest.findMany({ where: { memberId }, orderBy: OLDEST_FIRST })).map(toSupport);
    },
    async deleteByMember(memberId) {
      return (await tx.supportRequest.deleteMany({ where: { memberId } })).count;
    },
  };
}
