// Applies the committed migrations (prisma/migrations/<provider>/) to a database through the wasm
// schema engine, like `prisma migrate deploy` would: same checksums, same `_prisma_migrations` table.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { sqlitePathOf, withSchemaEngine, type EngineTypes, type Provider } from './schema-engine.js';

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

// One migration run at a time per database within this process.
const running = new Map<string, Promise<unknown>>();

/** Applies pending migrations. Returns the names applied now (empty when up to date). */
export async function migrateDatabase(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  const previous = running.get(databaseUrl) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => migrateNow(provider, databaseUrl, options));
  running.set(databaseUrl, run);
  try {
    return await run;
  } finally {
    if (running.get(databaseUrl) === run) running.delete(databaseUrl);
  }
}

async function migrateNow(
  provider: Provider,
  databaseUrl: string,
  options: MigrateOptions,
): Promise<{ applied: string[] }> {
  if (provider === 'sqlite') {
    const file = sqlitePathOf(databaseUrl);
    if (file !== ':memory:' && file !== '') await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  }
  const dir = options.migrationsDir ?? path.join(migrationsRoot, provider);
  const migrationsList = await readMigrations(dir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${dir}`);
  }
  return withSchemaEngine(
    provider,
    databaseUrl,
    async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return { applied: out.appliedMigrationNames };
    },
    { label: `Migrating the ${provider} database failed` },
  );
}
