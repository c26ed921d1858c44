import { createPrismaClient } from '../../../src/store/client.js';

/**
 * Every row of every table, as one string: what someone reading the database file (or a backup) would
 * see. Used to check that erasure and anonymity leave nothing behind.
 */
export async function dumpDatabase(url: string): Promise<string> {
  const db = createPrismaClient(url);
  try {
    const postgres = url.startsWith('postgres');
    const tables = postgres
      ? await db.$queryRawUnsafe<{ schema: string; name: string }[]>(
          `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
           WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
        )
      : await db.$queryRawUnsafe<{ schema: string; name: string }[]>(`SELECT 'main' AS schema, name FROM sqlite_master WHERE type = 'table'`);
    const parts: string[] = [];
    for (const table of tables) {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.schema}"."${table.name}"`);
      parts.push(`## ${table.name}\n${JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
    }
    return parts.join('\n');
  } finally {
    await db.$disconnect();
  }
}

/** Rows of one table (for checks on a single column). */
export async function rowsOf(url: string, table: string): Promise<Record<string, unknown>[]> {
  const db = createPrismaClient(url);
  try {
    return await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
  } finally {
    await db.$disconnect();
  }
}
