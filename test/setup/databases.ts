// The databases every storage-facing test file should run against.
//
//   import { testDatabases } from '../setup/databases.js';
//   describe.each(testDatabases())('... on $name', ({ name, makeUrl }) => {
//     let url: string;
//     beforeAll(async () => { url = await makeUrl(); });
//     ...
//   });
//
// makeUrl() creates a fresh, empty database (nothing migrated) for one test file: a temp SQLite file,
// or a uniquely named database on the test PostgreSQL server started by test/setup/global-postgres.ts.
// PostgreSQL is left out (with a warning) when that server is not available locally; on CI the
// global setup fails instead.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { inject } from 'vitest';

export type TestDatabaseName = 'sqlite' | 'postgresql';

export interface TestDatabase {
  name: TestDatabaseName;
  /** Creates a fresh empty database and returns its URL (`file:...` or `postgresql://...`). */
  makeUrl(): Promise<string>;
}

/** URL of the test server's default database, or undefined when PostgreSQL is not available. */
export function testPostgresUrl(): string | undefined {
  let url: string | undefined;
  try {
    url = inject('STEMMEN_TEST_POSTGRES_URL');
  } catch {
    // not inside a vitest worker
  }
  url ||= process.env.STEMMEN_TEST_POSTGRES_URL;
  return url || undefined;
}

let tempRoot: string | undefined;
function sqliteDir(): string {
  if (!tempRoot) {
    // Inside the run's scratch dir (removed by the global setup's teardown) when there is one.
    const scratch = process.env.STEMMEN_TEST_TMPDIR;
    const dir = mkdtempSync(path.join(scratch && existsSync(scratch) ? scratch : os.tmpdir(), 'stemmen-sqlite-'));
    tempRoot = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return tempRoot;
}

/** A new empty SQLite database file (created on first connection). */
export async function makeSqliteUrl(): Promise<string> {
  return `file:${path.join(sqliteDir(), `${randomUUID()}.db`)}`;
}

/** A new empty database on the test PostgreSQL server. */
export async function makePostgresUrl(serverUrl = testPostgresUrl()): Promise<string> {
  if (!serverUrl) throw new Error('No test PostgreSQL server (see test/setup/global-postgres.ts)');
  const name = `stemmen_t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

let warned = false;

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'sqlite', makeUrl: makeSqliteUrl }];
  const serverUrl = testPostgresUrl();
  if (serverUrl) {
    list.push({ name: 'postgresql', makeUrl: () => makePostgresUrl(serverUrl) });
  } else if (!warned) {
    warned = true;
    console.warn('[databases] PostgreSQL test server not available: PostgreSQL suites are skipped.');
  }
  return list;
}
