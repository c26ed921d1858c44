import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Graceful stop of an HTTP server: stop accepting connections, let every request in flight finish, then
 * close. Keep-alive connections are the catch: a client may keep one open for its next request, so while
 * draining each answer says `Connection: close`, and idle connections are closed as they become idle.
 * After `timeoutMs` whatever is still open is cut.
 */
export interface Drain {
  /** Express middleware: marks answers given while draining with `Connection: close`. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  readonly draining: boolean;
  /** Resolves 'drained' when the last request finished, or 'cut' when the time ran out first. */
  close(server: Server, timeoutMs: number): Promise<'drained' | 'cut'>;
}

/** How often idle keep-alive connections are looked for while draining. */
const SWEEP_MS = 50;

export function createDrain(): Drain {
  let draining = false;
  return {
    middleware(_req, res, next) {
      if (draining) res.set('Connection', 'close');
      next();
    },
    get draining() {
      return draining;
    },
    async close(server, timeoutMs) {
      draining = true;
      // server.close reports ERR_SERVER_NOT_RUNNING when it never listened: closed is closed.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const sweeper = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
      let timer: NodeJS.Timeout | undefined;
      const outOfTime = new Promise<'cut'>((resolve) => {
        timer = setTimeout(() => resolve('cut'), timeoutMs);
      });
      try {
        const outcome = await Promise.race([closed.then(() => 'drained' as const), outOfTime]);
        if (outcome === 'cut') {
          server.closeAllConnections();
          await closed;
        }
        return outcome;
      } finally {
        clearInterval(sweeper);
        clearTimeout(timer);
      }
    },
  };
}

/** Resolves with the work's result, or with `fallback` once `ms` have passed (the work keeps running). */
export async function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}
