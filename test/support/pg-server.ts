// A private PostgreSQL server for one test file, for tests that stop and start the server itself (the
// shared one of test/setup/global-postgres.ts must stay up for every other file).
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findBinDir, freePort, postgresUser, run } from '../setup/global-postgres.js';

export interface PrivateServer {
  /** URL of a database made for the test (`stemmen_private`). */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export function hasPostgresBinaries(): boolean {
  return findBinDir() !== null;
}

export async function startPrivateServer(options: { maxConnections?: number } = {}): Promise<PrivateServer> {
  const binDir = findBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries not found');
  const as = postgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stemmen-pg-private-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const dataDir = path.join(dir, 'data');
  const pgCtl = path.join(binDir, 'pg_ctl');
  run(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], as);
  const port = await freePort();
  const serverOptions = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, `-c max_connections=${options.maxConnections ?? 100}`, '-c fsync=off', '-c synchronous_commit=off'].join(' ');
  let running = false;
  const start = () => {
    run(pgCtl, ['start', '-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions], as, 90_000);
    running = true;
  };
  const stop = () => {
    if (!running) return;
    run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], as, 90_000);
    running = false;
  };
  start();
  const serverUrl = `postgresql://postgres@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE stemmen_private');
  } finally {
    await admin.end();
  }
  const destroy = () => {
    process.removeListener('exit', destroy);
    try {
      stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', destroy);
  return { url: `${serverUrl}/stemmen_private`, stop, start, destroy };
}
