import type { WebSessionRepository } from '../../core/ports-privacy.js';
import type { Tx } from './shared.js';

export function makeWebSessionRepository(tx: Tx): WebSessionRepository {
  return {
    async create(input) {
      const row = await tx.webSession.create({ data: input });
      return { id: row.id, tenantId: row.tenantId, memberId: row.memberId, issuedAt: row.issuedAt, revokedAt: row.revokedAt };
    },
    async findById(id) {
      const row = await tx.webSession.findUnique({ where: { id } });
      return row ? { id: row.id, tenantId: row.tenantId, memberId: row.memberId, issuedAt: row.issuedAt, revokedAt: row.revokedAt } : null;
    },
    async revoke(id, at) {
      await tx.webSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    },
    async revokeAllOf(memberId, at) {
      const { count } = await tx.webSession.updateMany({ where: { memberId, revokedAt: null }, data: { revokedAt: at } });
      return count;
    },
  };
}
