// Bounded concurrency in front of the PostgreSQL connection pool.
//
// Prisma gives an interactive transaction `maxWait` to get a pooled connection and then fails it with
// P2028 ("Unable to start a transaction in the given time"). In a burst (hundreds of members voting at
// once) on a busy CPU, transactions beyond the pool size wait in Prisma's queue, the ones holding
// connections run slower than usual, and the tail of the queue times out: members see an error for a
// vote that would have been stored a second later. So transactions wait here instead, in order and
// without a deadline, and at most `limit` of them go on to Prisma at a time: each then finds a free
// connection at once. `limit` stays below the pool size so that queries outside transactions (the
// readiness probe, metrics) still get a connection during a burst.

/** A first-come, first-served semaphore. */
export class Limiter {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Limiter: limit must be a positive integer, got ${limit}`);
  }

  /** Units of work waiting for their turn. */
  get queued(): number {
    return this.#waiting.length;
  }

  get active(): number {
    return this.#active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line (the count stays), or free it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}

/** pg's default pool size, which PrismaPg keeps unless given another. */
export const PG_POOL_SIZE = 10;

/** Transactions at once per instance by default: the pool minus two connections for everything else. */
export const DEFAULT_TRANSACTION_CONCURRENCY = PG_POOL_SIZE - 2;

/**
 * The client with its `$transaction` behind a Limiter. Only transactions are limited: a query outside
 * one waits in pg's own pool, which has no deadline. Code inside a transaction uses its `tx` (see
 * client.ts), so a transaction never waits here for a second slot while holding one.
 */
export function limitTransactions<C extends object>(client: C, limiter: Limiter): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== '$transaction' || typeof value !== 'function') return value;
      return (...args: unknown[]) => limiter.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
