// A throwaway PostgreSQL server for a benchmark run, started the way the test suite starts its own
// (test/setup/global-postgres.ts: initdb + pg_ctl on a loopback port, thrown away afterwards).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import startTestPostgres from '../../test/setup/global-postgres.js';

export interface ThrowawayPostgres {
  /** A new empty database on the server. */
  makeUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** Null (with the reason) when the PostgreSQL binaries are not installed here. */
export async function startPostgres(): Promise<ThrowawayPostgres | { missing: string }> {
  let url = '';
  const project = { provide: (_key: string, value: string) => void (url = value) };
  let stop: () => Promise<void>;
  try {
    stop = await startTestPostgres(project as never);
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  if (!url) {
    await stop();
    return { missing: 'PostgreSQL binaries (initdb, pg_ctl) not found' };
  }
  return {
    async makeUrl() {
      const name = `stemmen_bench_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}
