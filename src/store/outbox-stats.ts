import type { ChannelName } from '../core/types.js';
import type { Db } from './client.js';
import { inChunks } from './repositories/shared.js';

/**
 * How many notifications wait for delivery, and how long the oldest has waited (for metrics). Only what an
 * outbox will deliver counts: notifications of active members known on a channel that delivers here
 * (`channels`: Slack, Teams when configured). Members reached only on the web read theirs on their home
 * page; nothing ever marks those delivered, so counting them would hold the depth up for good.
 */
export async function outboxStats(
  db: Db,
  channels: readonly ChannelName[],
  now = new Date(),
): Promise<{ depth: number; oldestAgeSeconds: number }> {
  if (channels.length === 0) return { depth: 0, oldestAgeSeconds: 0 };
  const reachable = await db.channelIdentity.findMany({
    where: { channel: { in: [...channels] }, member: { active: true, erasedAt: null } },
    select: { memberId: true },
  });
  let depth = 0;
  let oldest: Date | null = null;
  for (const members of inChunks(reachable.map((r) => r.memberId))) {
    const where = { deliveredAt: null, memberId: { in: members } };
    const [count, first] = await Promise.all([
      db.notification.count({ where }),
      db.notification.findFirst({ where, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    ]);
    depth += count;
    if (first && (!oldest || first.createdAt < oldest)) oldest = first.createdAt;
  }
  return { depth, oldestAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}
