import { Prisma } from '../../../prisma/generated/sqlite/client.js';
import type { Tx } from './shared.js';

/**
 * Inserts rows that may already exist, without ever raising a unique violation (which would abort a
 * PostgreSQL transaction that the caller means to go on using). Returns how many rows were new.
 *
 * One raw statement for both databases, INSERT ... ON CONFLICT DO NOTHING: Prisma has no skipDuplicates on
 * SQLite, and on PostgreSQL its createMany is compiled afresh for every number of rows (bulk-insert.ts).
 * Tables resolve through the search path, which the pool sets to the URL's `?schema=` (pg-pool.ts).
 */
export async function insertProcessedDelivery(tx: Tx, key: string): Promise<number> {
  return tx.$executeRaw`INSERT INTO "ProcessedDelivery" ("key", "createdAt")
    VALUES (${key}, ${new Date()}) ON CONFLICT DO NOTHING`;
}

/** Many delivery keys in one statement (and chunks of it); returns the keys that were new. */
export async function insertProcessedDeliveries(tx: Tx, keys: string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const now = new Date();
  const fresh: string[] = [];
  // SQLite allows 32,766 bound values per statement (PostgreSQL 65,535); two per row.
  for (let i = 0; i < unique.length; i += 5000) {
    const values = Prisma.join(unique.slice(i, i + 5000).map((key) => Prisma.sql`(${key}, ${now})`));
    const rows = await tx.$queryRaw<{ key: string }[]>`INSERT INTO "ProcessedDelivery" ("key", "createdAt") VALUES ${values} ON CONFLICT DO NOTHING RETURNING "key"`;
    fresh.push(...rows.map((r) => r.key));
  }
  return fresh;
}

export async function insertPollParticipation(tx: Tx, pollId: string, memberId: string, at = new Date()): Promise<number> {
  return tx.$executeRaw`INSERT INTO "PollParticipation" ("pollId", "memberId", "createdAt")
    VALUES (${pollId}, ${memberId}, ${at}) ON CONFLICT DO NOTHING`;
}

/** Many participation marks of one poll in one statement (a burst of votes committed together). */
export async function insertPollParticipations(tx: Tx, pollId: string, rows: { memberId: string; at: Date }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const values = Prisma.join(rows.map((r) => Prisma.sql`(${pollId}, ${r.memberId}, ${r.at})`));
  return tx.$executeRaw`INSERT INTO "PollParticipation" ("pollId", "memberId", "createdAt") VALUES ${values} ON CONFLICT DO NOTHING`;
}
