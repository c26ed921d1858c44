import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { providerOf } from './migrate.js';
import { sqlitePathOf } from './schema-engine.js';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * A consistent copy of a SQLite database while the app keeps running, through SQLite's online backup API
 * (better-sqlite3's `backup`): it copies pages and starts over when a write lands meanwhile, so the copy
 * is one moment's state, WAL contents included. The copy is a plain database file: restoring it is
 * putting it in place of the original (see README "Backup and restore"). PostgreSQL is backed up with
 * its own tools (pg_dump), not here.
 */
export async function backupSqlite(databaseUrl: string, destination: string): Promise<{ file: string; pages: number }> {
  if (providerOf(databaseUrl) !== 'sqlite') {
    throw new BackupError('backup copies a SQLite database; for PostgreSQL use pg_dump (see README "Backup and restore")');
  }
  const source = path.resolve(sqlitePathOf(databaseUrl));
  const file = path.resolve(destination);
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (file === source) throw new BackupError('the backup must go to another file than the database');
  if (existsSync(file)) throw new BackupError(`${file} exists already; choose a new file name`);
  // Read-write although it only reads: a read-only connection cannot open a WAL database whose -shm file is gone.
  const db = new Database(source, { fileMustExist: true, timeout: 5_000 });
  try {
    const progress = await db.backup(file);
    return { file, pages: progress.totalPages };
  } finally {
    db.close();
  }
}
