import type { DeliveryRepository } from '../../core/ports.js';
import { insertProcessedDeliveries, insertProcessedDelivery } from './insert-ignore.js';
import type { Tx } from './shared.js';

export function makeDeliveryRepository(tx: Tx): DeliveryRepository {
  return {
    async claim(key) {
      // Never a unique violation (see insert-ignore.ts): the caller keeps writing in this transaction.
      return (await insertProcessedDelivery(tx, key)) === 1;
    },
    async claimMany(keys) {
      return new Set(await insertProcessedDeliveries(tx, keys));
    },
    async release(key) {
      await tx.processedDelivery.deleteMany({ where: { key } });
    },
    async pruneBefore(cutoff) {
      return (await tx.processedDelivery.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
    },
    async seen(key) {
      return (await tx.processedDelivery.findUnique({ where: { key }, select: { key: true } })) !== null;
    },
  };
}
