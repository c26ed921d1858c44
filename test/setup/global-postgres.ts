// Vitest globalSetup: a throwaway PostgreSQL server for the test run.
//
// When PostgreSQL binaries are found (PG_BIN, else /usr/lib/postgresql/<15 or newest>/bin), this
// runs initdb in a temp dir, starts the server with pg_ctl on a free port on 127.0.0.1 only (trust
// auth, no durability: it is thrown away), creates the database `stemmen_test`, and provides
// its URL as STEMMEN_TEST_POSTGRES_URL: `inject('STEMMEN_TEST_POSTGRES_URL')` in tests, and
// process.env.STEMMEN_TEST_POSTGRES_URL for workers. Use test/setup/databases.ts rather than
// reading it directly. It also makes a scratch dir for the run (env STEMMEN_TEST_TMPDIR), removed at
// teardown. PostgreSQL refuses to run as root, so as root the server runs as the
// `postgres` user (via runuser) and the temp dir is handed to that user.
//
// Without binaries: with env CI set this fails the run (CI must test PostgreSQL); locally the
// PostgreSQL suites are skipped and the URL is provided as ''.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL server's `stemmen_test` database, or '' when there is none. */
    STEMMEN_TEST_POSTGRES_URL: string;
  }
}

const PREFERRED_MAJOR = '15';

export function findBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const majors = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    if (majors.includes(PREFERRED_MAJOR)) candidates.push(path.join(base, PREFERRED_MAJOR, 'bin'));
    for (const m of majors) candidates.push(path.join(base, m, 'bin'));
  }
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

export interface RunAs {
  uid: number;
  gid: number;
  user: string;
}

export function postgresUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid, user: 'postgres' };
  } catch {
    throw new Error(
      'Running as root but there is no `postgres` user: PostgreSQL will not run as root. ' +
        'Install the postgresql package (it creates the user) or run the tests as a normal user.',
    );
  }
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. Throws with its output on failure. */
export function run(bin: string, args: string[], as: RunAs | null, timeoutMs = 120_000): string {
  const [cmd, argv] = as ? ['runuser', ['-u', as.user, '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, {
    encoding: 'utf8',
    cwd: os.tmpdir(), // the postgres user may not be allowed into the project directory
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  if (res.error) throw res.error;
  if (res.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Scratch space for the whole run (temp SQLite files of test/setup/databases.ts). Removed at
  // teardown: workers may be killed before their own exit handlers run.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'stemmen-test-'));
  process.env.STEMMEN_TEST_TMPDIR = scratch;
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  const teardownScratch = () => {
    process.removeListener('exit', removeScratch);
    removeScratch();
  };

  const binDir = findBinDir();
  if (!binDir) {
    const msg =
      'PostgreSQL binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PG_BIN. ' +
      'Install them with `apt-get install -y postgresql`.';
    if (process.env.CI) throw new Error(`${msg} CI must run the PostgreSQL tests.`);
    console.warn(`[global-postgres] ${msg} Skipping the PostgreSQL test suites.`);
    project.provide('STEMMEN_TEST_POSTGRES_URL', '');
    process.env.STEMMEN_TEST_POSTGRES_URL = '';
    return async () => teardownScratch();
  }

  const as = postgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stemmen-pg-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const pgCtl = path.join(binDir, 'pg_ctl');

  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], as, 40_000);
      } catch (err) {
        console.warn(`[global-postgres] pg_ctl stop failed: ${(err as Error).message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the run is interrupted, do not leave a server behind.
  process.once('exit', stop);

  try {
    run(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      as,
    );
    let port = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c max_connections=200',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        run(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], as, 90_000);
        started = true;
      } catch (err) {
        lastError = err; // most likely the port was taken meanwhile: try another
      }
    }
    if (!started) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
      throw new Error(`Could not start PostgreSQL: ${(lastError as Error)?.message}\n${log}`);
    }

    const serverUrl = `postgresql://postgres@127.0.0.1:${port}`;
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE stemmen_test');
    } finally {
      await admin.end();
    }
    const url = `${serverUrl}/stemmen_test`;
    project.provide('STEMMEN_TEST_POSTGRES_URL', url);
    process.env.STEMMEN_TEST_POSTGRES_URL = url;
    const version = run(path.join(binDir, 'postgres'), ['--version'], as).trim();
    console.log(`[global-postgres] ${version} on 127.0.0.1:${port}`);
  } catch (err) {
    process.removeListener('exit', stop);
    stop();
    teardownScratch();
    throw err;
  }

  return async () => {
    process.removeListener('exit', stop);
    stop();
    teardownScratch();
  };
}
