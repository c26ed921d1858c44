import pg from 'pg';
import type { JobLock } from '../jobs/index.js';
import { providerOf } from './migrate.js';

/** Key of the advisory lock the scheduled jobs run under ("stemmen jobs", as two 32-bit halves). */
const JOBS_LOCK: [number, number] = [0x5374656d, 0x6a6f6273];

/**
 * With several instances on one PostgreSQL database, the scheduled jobs run under a session advisory lock:
 * an instance that does not get it skips the run (another instance is doing it). The lock is held on a
 * connection of its own, outside Prisma's pool, so that lock and unlock happen on the same session; if
 * the instance dies, PostgreSQL drops the session and the lock with it. SQLite (one process) needs none.
 */
export function jobLockFor(databaseUrl: string): JobLock | undefined {
  if (providerOf(databaseUrl) !== 'postgresql') return undefined;
  return async (work) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    // A dropped connection is reported here too; the lock query or unlock then fails and is reported.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', JOBS_LOCK);
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', JOBS_LOCK);
      }
    } finally {
      await client.end();
    }
  };
}
