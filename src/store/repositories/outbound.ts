import type { OutboundMessageRecord, OutboundMessageRepository } from '../../core/ports.js';
import { CHANNELS } from '../../core/types.js';
import type { OutboundMessage } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

function toOutbound(row: OutboundMessage): OutboundMessageRecord {
  return { ...row, channel: oneOf(CHANNELS, row.channel, 'OutboundMessage.channel') };
}

export function makeOutboundMessageRepository(tx: Tx): OutboundMessageRepository {
  return {
    async record(input) {
      await tx.outboundMessage.create({ data: input });
    },
    async listByMember(memberId) {
      return (await tx.outboundMessage.findMany({ where: { memberId }, orderBy: OLDEST_FIRST })).map(toOutbound);
    },
    async deleteByMember(memberId) {
      return (await tx.outboundMessage.deleteMany({ where: { memberId } })).count;
    },
  };
}
