import pg from 'pg';
import type { JobLock } from '../jobs/index.js';
import { providerOf } from './migrate.js';
import { postgresSchemaOf } from './pg-pool.js';

/** Key of the advisory lock the scheduled jobs run under ("stemmen jobs", as two 32-bit halves). */
const JOBS_LOCK: [number, number] = [0x5374656d, 0x6a6f6273];

/**
 * Advisory locks belong to the database, not to a schema: two deployments in two schemas of one database
 * (`?schema=`) get keys of their own (the second half hashed from the schema name, FNV-1a), so that one
 * never skips the other's jobs. Without a schema the key stays as it was, for instances mid-upgrade.
 */
export function jobsLockKey(databaseUrl: string): [number, number] {
  const schema = postgresSchemaOf(databaseUrl);
  if (!schema || schema === 'public') return JOBS_LOCK;
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(schema, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return [JOBS_LOCK[0], hash | 0];
}

/**
 * With several instances on one PostgreSQL database, the scheduled jobs run under a session advisory lock:
 * an instance that does not get it skips the run (another instance is doing it). The lock is held on a
 * connection of its own, outside Prisma's pool, so that lock and unlock happen on the same session; if
 * the instance dies, PostgreSQL drops the session and the lock with it. SQLite (one process) needs none.
 */
export function jobLockFor(databaseUrl: string): JobLock | undefined {
  if (providerOf(databaseUrl) !== 'postgresql') return undefined;
  const key = jobsLockKey(databaseUrl);
  return async (work) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    // A dropped connection is reported here too; the lock query or unlock then fails and is reported.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', key);
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', key);
      }
    } finally {
      await client.end();
    }
  };
}
