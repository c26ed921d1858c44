import type { AuditRepository } from '../../core/ports.js';
import type { AuditEventRecord } from '../../core/types.js';
import type { AuditEvent } from '../../../prisma/generated/sqlite/client.js';
import { insertAuditEvents } from './bulk-insert.js';
import { NEWEST_FIRST, isFlatRecord, parseJson, type Tx } from './shared.js';

export function toAuditEvent(row: AuditEvent): AuditEventRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    actorId: row.actorId,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    details: parseJson(row.details, 'AuditEvent.details', isFlatRecord),
    createdAt: row.createdAt,
  };
}

export function makeAuditRepository(tx: Tx): AuditRepository {
  return {
    async appendMany(inputs) {
      await insertAuditEvents(tx, inputs);
    },
    async append(input) {
      await tx.auditEvent.create({
        data: {
          tenantId: input.tenantId,
          actorId: input.actorId,
          action: input.action,
          objectType: input.objectType,
          objectId: input.objectId,
          details: JSON.stringify(input.details ?? {}),
        },
      });
    },
    /** Newest first. */
    async list(tenantId, opts) {
      const rows = await tx.auditEvent.findMany({
        where: {
          tenantId,
          ...(opts?.objectId !== undefined ? { objectId: opts.objectId } : {}),
          ...(opts?.actorId !== undefined ? { actorId: opts.actorId } : {}),
        },
        orderBy: NEWEST_FIRST,
        ...(opts?.limit !== undefined ? { take: opts.limit } : {}),
      });
      return rows.map(toAuditEvent);
    },
  };
}
