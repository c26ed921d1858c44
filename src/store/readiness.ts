import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './client.js';
import { migrationsRoot, providerOf } from './migrate.js';

export type Readiness = { ready: true } | { ready: false; reason: 'database_unreachable' | 'migrations_pending' | 'timeout' };

/** A readiness probe must answer quickly even when the database hangs (a dropped network, a full pool). */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Ready when the database answers and every committed migration is recorded as applied. An instance
 * started before an upgrade's migrations ran (or a database restored from an older backup) is not ready.
 */
export function readinessCheck(db: Db, databaseUrl: string): () => Promise<Readiness> {
  const dir = path.join(migrationsRoot, providerOf(databaseUrl));
  let committed: Promise<string[]> | null = null;
  const committedNames = () =>
    (committed ??= readdir(dir, { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name)));

  async function check(): Promise<Readiness> {
    let applied: Set<string>;
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      applied = new Set(rows.map((r) => r.migration_name));
    } catch {
      return { ready: false, reason: 'database_unreachable' };
    }
    const pending = (await committedNames()).filter((name) => !applied.has(name));
    return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations_pending' };
  }

  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: 'timeout' }), CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([check(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
