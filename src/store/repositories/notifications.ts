import type { NotificationRepository } from '../../core/ports.js';
import type { NotificationKind, NotificationRecord } from '../../core/types.js';
import type { Notification } from '../../../prisma/generated/sqlite/client.js';
import { NEWEST_FIRST, OLDEST_FIRST, isFlatRecord, oneOf, parseJson, unique, inChunks, type Tx } from './shared.js';

const KINDS = [
  'consent_requested',
  'summary_published',
  'summary_changed',
  'input_outcome',
  'poll_opened',
  'round_opened',
  'change_requested',
  'reminder',
  'support_requested',
] as const satisfies readonly NotificationKind[];

function isPayload(value: unknown): value is NotificationRecord['payload'] {
  return isFlatRecord(value) && Object.values(value).every((v) => typeof v !== 'boolean');
}

export function toNotification(row: Notification): NotificationRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    memberId: row.memberId,
    kind: oneOf(KINDS, row.kind, 'Notification.kind'),
    payload: parseJson(row.payload, 'Notification.payload', isPayload),
    createdAt: row.createdAt,
    readAt: row.readAt,
    deliveredAt: row.deliveredAt,
  };
}

export function makeNotificationRepository(tx: Tx): NotificationRepository {
  return {
    async create(input) {
      const row = await tx.notification.create({
        data: {
          tenantId: input.tenantId,
          memberId: input.memberId,
          kind: input.kind,
          payload: JSON.stringify(input.payload),
        },
      });
      return toNotification(row);
    },
    /** Newest first. */
    async listForMember(memberId, opts) {
      const rows = await tx.notification.findMany({
        where: { memberId, ...(opts?.unreadOnly ? { readAt: null } : {}) },
        orderBy: NEWEST_FIRST,
        ...(opts?.limit !== undefined ? { take: opts.limit } : {}),
      });
      return rows.map(toNotification);
    },
    /** Oldest first: the delivery queue. */
    async listUndelivered(memberIds, limit) {
      const rows = [];
      for (const slice of inChunks(memberIds)) {
        rows.push(...(await tx.notification.findMany({ where: { deliveredAt: null, memberId: { in: slice } }, orderBy: OLDEST_FIRST, take: limit })));
      }
      rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
      return rows.slice(0, limit).map(toNotification);
    },
    async markRead(memberId, ids, at) {
      if (ids.length === 0) return;
      await tx.notification.updateMany({
        where: { memberId, id: { in: unique(ids) }, readAt: null },
        data: { readAt: at },
      });
    },
    async markDelivered(id, at) {
      await tx.notification.update({ where: { id }, data: { deliveredAt: at } });
    },
    async deleteForMember(memberId) {
      return (await tx.notification.deleteMany({ where: { memberId } })).count;
    },
  };
}
