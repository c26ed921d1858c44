import type { NotificationRepository } from '../../core/ports.js';
import type { NotificationKind, NotificationRecord } from '../../core/types.js';
import type { Notification } from '../../../prisma/generated/sqlite/client.js';
import { NEWEST_FIRST, OLDEST_FIRST, isFlatRecord, oneOf, parseJson, providerOf, unique, inChunks, type Tx } from './shared.js';

const KINDS = [
  'consent_requested',
  'summary_published',
  'summary_changed',
  'input_outcome',
  'item_status_changed',
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
  const payload = parseJson(row.payload, 'Notification.payload', isPayload);
  const kind = oneOf(KINDS, row.kind, 'Notification.kind');
  return {
    id: row.id,
    tenantId: row.tenantId,
    memberId: row.memberId,
    // Status changes were once stored as 'input_outcome' with a status: read them as what they are, so that
    // a pending one is not announced as the board's answer.
    kind: kind === 'input_outcome' && typeof payload.status === 'string' ? 'item_status_changed' : kind,
    payload,
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
    async createOnce(input) {
      const data = { tenantId: input.tenantId, memberId: input.memberId, kind: input.kind, payload: JSON.stringify(input.payload), dedupeKey: input.dedupeKey };
      if (providerOf(tx) === 'postgresql') {
        // ON CONFLICT DO NOTHING: waits for a concurrent insert of the same key, then skips; no error that
        // would abort the transaction.
        const { count } = await tx.notification.createMany({ data: [data], skipDuplicates: true } as unknown as { data: (typeof data)[] });
        return count === 1;
      }
      // SQLite: this transaction holds the write lock (BEGIN IMMEDIATE), so nobody inserts in between.
      if (await tx.notification.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })) return false;
      await tx.notification.create({ data });
      return true;
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
    async claimUndelivered(memberIds, limit, now, until) {
      if (memberIds.length === 0 || limit <= 0) return [];
      const free = { deliveredAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
      let ids: string[];
      if (providerOf(tx) === 'postgresql') {
        // SKIP LOCKED: rows another instance is claiming at this moment are left to it, not waited for.
        const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Notification"
          WHERE "deliveredAt" IS NULL AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
            AND "memberId" = ANY(${memberIds})
          ORDER BY "createdAt", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        ids = rows.map((r) => r.id);
      } else {
        // SQLite: this transaction holds the write lock (BEGIN IMMEDIATE), so nobody claims in between.
        const rows = [];
        for (const slice of inChunks(memberIds)) {
          rows.push(...(await tx.notification.findMany({ where: { ...free, memberId: { in: slice } }, orderBy: OLDEST_FIRST, take: limit, select: { id: true, createdAt: true } })));
        }
        rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
        ids = rows.slice(0, limit).map((r) => r.id);
      }
      const claimed = [];
      for (const slice of inChunks(ids)) {
        await tx.notification.updateMany({ where: { id: { in: slice } }, data: { claimedUntil: until } });
        claimed.push(...(await tx.notification.findMany({ where: { id: { in: slice } } })));
      }
      claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
      return claimed.map(toNotification);
    },
    async releaseClaim(id) {
      await tx.notification.updateMany({ where: { id, deliveredAt: null }, data: { claimedUntil: null } });
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
