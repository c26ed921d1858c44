import type { Db } from './client.js';

/** How many notifications wait for delivery, and how long the oldest has waited (for metrics). */
export async function outboxStats(db: Db, now = new Date()): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const [depth, oldest] = await Promise.all([
    db.notification.count({ where: { deliveredAt: null } }),
    db.notification.findFirst({ where: { deliveredAt: null }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
  ]);
  return { depth, oldestAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.createdAt.getTime()) / 1000) : 0 };
}
