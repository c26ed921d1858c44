import type { Prisma } from '../../../prisma/generated/sqlite/client.js';

/**
 * The transaction client every repository works on. Typed with the SQLite client; at run time it may
 * be the PostgreSQL client, so repositories use only what both providers offer (no `skipDuplicates`,
 * no `mode: 'insensitive'`, raw SQL only in the portable subset).
 */
export type Tx = Prisma.TransactionClient;

/** Stable "oldest first" order for rows that carry a creation time. */
export const OLDEST_FIRST = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
/** "Newest first", the counterpart of OLDEST_FIRST. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** Narrows a stored string to one of the allowed values; a stray value is a data error, not a guess. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, field: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Stored ${field} has an unexpected value: ${JSON.stringify(value)}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON column and checks its outer shape with `guard`. */
export function parseJson<T>(text: string, field: string, guard: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Stored ${field} is not valid JSON`);
  }
  if (!guard(value)) throw new Error(`Stored ${field} has an unexpected shape`);
  return value;
}

/** Guard for flat objects whose values are scalars (ids and codes only). */
export function isFlatRecord(value: unknown): value is Record<string, string | number | boolean | null> {
  return (
    isRecord(value) &&
    Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  );
}

/** Distinct values, first occurrence order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Distinct values in slices small enough for one `IN (...)`: SQLite limits bound parameters per
 * statement, and Prisma does not split long lists itself (it fails with P2029).
 */
export function inChunks<T>(values: readonly T[], size = 500): T[][] {
  const distinct = unique(values);
  const out: T[][] = [];
  for (let i = 0; i < distinct.length; i += size) out.push(distinct.slice(i, i + size));
  return out;
}

/** `{ key: value }` only when value is defined: keeps `undefined` patch fields out of Prisma updates. */
export function defined<T extends Record<string, unknown>>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(patch) as [keyof T, T[keyof T]][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export type Provider = 'sqlite' | 'postgresql';

/**
 * Which database a transaction client talks to. Prisma exposes no public accessor, so this reads the
 * client's `_activeProvider` (present on clients and transaction clients since Prisma 5); anything
 * other than "postgresql" is treated as SQLite.
 */
export function providerOf(tx: Tx): Provider {
  return (tx as unknown as { _activeProvider?: unknown })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
}
