// Applies the committed migrations (prisma/migrations/<provider>/) to a database through the wasm
// schema engine, like `prisma migrate deploy` would: same checksums, same `_prisma_migrations` table.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

import { sqliteFileLock, sqlitePathOf, withSchemaEngine, type EngineTypes, type Provider } from './schema-engine.js';

export type { Provider } from './schema-engine.js';

/** Project root (two levels above src/store). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where the migrations of each provider live: <this>/<provider>/<timestamp>_<name>/migration.sql. */
export const migrationsRoot = path.join(projectRoot, 'prisma', 'migrations');

export const LOCKFILE = 'migration_lock.toml';

/** `file:` -> sqlite, `postgres://` / `postgresql://` -> postgresql. */
export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(
    `Unsupported DATABASE_URL "${url.replace(/\/\/[^@/]*@/, '//***@')}": use file:./path.db (SQLite) or postgresql://... (PostgreSQL)`,
  );
}

export const NO_FILTERS: EngineTypes.SchemaFilter = { externalTables: [], externalEnums: [] };

/** Reads a provider's migrations folder into the engine's MigrationList shape. */
export async function readMigrations(dir: string): Promise<EngineTypes.MigrationList> {
  const lockPath = path.join(dir, LOCKFILE);
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
  const migrationDirectories: EngineTypes.MigrationDirectory[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
    migrationDirectories.push({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } },
    });
  }
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

export interface MigrateOptions {
  /** Defaults to prisma/migrations/<provider>. */
  migrationsDir?: string;
}

/**
 * Applies pending migrations. Returns the names applied now (empty when up to date).
 *
 * Concurrent runs: PostgreSQL runs are serialized by the engine (advisory lock). On SQLite, the
 * engine's own lock (exclusive locking mode) is disabled because it fails whenever another connection
 * is open, so runs are serialized here: sqliteFileLock within the process (which also keeps this
 * process's app clients idle meanwhile), and an exclusive transaction on `<file>.migrate-lock`
 * across processes.
 */
export async function migrateDatabase(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  const dir = options.migrationsDir ?? path.join(migrationsRoot, provider);
  const migrationsList = await readMigrations(dir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${dir}`);
  }
  const apply = () =>
    withSchemaEngine(
      provider,
      databaseUrl,
      async (engine) => {
        const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
        return { applied: out.appliedMigrationNames };
      },
      { label: `Migrating the ${provider} database failed` },
    );
  if (provider !== 'sqlite') return apply();

  const file = sqlitePathOf(databaseUrl);
  if (file === ':memory:' || file === '') throw new Error('An in-memory SQLite database cannot be migrated for later use');
  const absolute = path.resolve(file);
  await mkdir(path.dirname(absolute), { recursive: true });
  return sqliteFileLock(absolute).run(async () => {
    const lock = new Database(`${absolute}.migrate-lock`, { timeout: 120_000 });
    try {
      lock.exec('BEGIN EXCLUSIVE');
      try {
        return await apply();
      } finally {
        lock.exec('COMMIT');
      }
    } finally {
      lock.close();
    }
  });
}
