// Prisma Client for SQLite (better-sqlite3) or PostgreSQL (pg), chosen by the database URL.
//
// Both generated clients (prisma/generated/<provider>) come from the same models, so they have the same
// model API; `Db` is the SQLite client's type and the PostgreSQL client is cast to it.
//
// SQLite and concurrency. @prisma/adapter-better-sqlite3 as shipped has two problems for us:
//  1. It opens interactive transactions with a plain (deferred) BEGIN. A transaction that reads
//     first holds only a read snapshot; when it then writes while another connection has written
//     since, SQLite answers SQLITE_BUSY(_SNAPSHOT) at once, whatever busy_timeout says.
//  2. It has one connection per client and a mutex only around transactions: a query outside the
//     transaction that arrives while one is open runs *inside* it (sees its uncommitted rows, and
//     its writes vanish if that transaction rolls back).
// So the adapter is wrapped: transactions start with BEGIN IMMEDIATE (the write lock is taken up
// front, and waiting for it is what busy_timeout is for), and every statement or transaction on a
// file goes through one FIFO lock shared by all clients of this process on that file. Within a
// process SQLite then never sees two connections compete (better-sqlite3 waits for locks
// synchronously, blocking the event loop, so two in-process connections waiting on each other
// would stall until busy_timeout); other processes are handled by busy_timeout (5000 ms), which
// does block the event loop while it waits. migrateDatabase takes the same lock, so this process's
// clients pause while it migrates the file.
// Consequence: inside `$transaction(async (tx) => ...)` use `tx`, never the outer client, or the
// outer call waits for the transaction to end (on PostgreSQL it would not be part of it either).
// Transactions that queue up while one runs are committed together (sqlite-group-commit.ts): one BEGIN
// IMMEDIATE ... COMMIT, a savepoint per transaction, each resolved only after the shared COMMIT.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';

import { PrismaClient as PostgresPrismaClient } from '../../prisma/generated/postgresql/client.js';
import { PrismaClient as SqlitePrismaClient } from '../../prisma/generated/sqlite/client.js';
import { DEFAULT_TRANSACTION_CONCURRENCY, Limiter, limitTransactions } from './limiter.js';
import { migrateDatabase, providerOf } from './migrate.js';
import { pgPool, postgresSchemaOf } from './pg-pool.js';
import { sqliteFileLock, sqlitePathOf, type Lock } from './schema-engine.js';
import { SqliteGroupCommitter } from './sqlite-group-commit.js';

/** The database client used across the app (the SQLite client's type; same API on PostgreSQL). */
export type Db = SqlitePrismaClient;

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Transactions wait their turn (SQLite: the file lock; PostgreSQL: a pooled connection) for up to
 * maxWait. Prisma's default of 2 s is short when dozens of requests write at once.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

class SqliteTransaction implements Transaction {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  readonly options: TransactionOptions = { usePhantomQuery: false };
  #conn: SqlDriverAdapter;
  #release: () => void;

  constructor(conn: SqlDriverAdapter, release: () => void) {
    this.#conn = conn;
    this.#release = release;
    this.adapterName = conn.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#conn.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#conn.executeRaw(query);
  }

  // Prisma sends COMMIT / ROLLBACK itself (usePhantomQuery: false), then calls these.
  async commit(): Promise<void> {
    this.#release();
  }

  async rollback(): Promise<void> {
    // Normally already rolled back by Prisma; if a failed COMMIT left the transaction open, end it
    // here so that the connection is clean for the next one.
    // The base adapter's executeScript throws synchronously (it is not async), so guard with try.
    try {
      await this.#conn.executeScript('ROLLBACK');
    } catch {
      // no transaction was open: Prisma had already rolled it back
    } finally {
      this.#release();
    }
  }

  async createSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] });
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.#conn.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
}

/** SQLite client options; group commit is on unless a caller (the benchmark's baseline) turns it off. */
export interface SqliteOptions {
  groupCommit?: boolean;
}

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  #conn: SqlDriverAdapter;
  #lock: Lock;
  #group: SqliteGroupCommitter | null;

  constructor(conn: SqlDriverAdapter, lock: Lock, options: SqliteOptions) {
    this.#conn = conn;
    this.#lock = lock;
    this.#group = options.groupCommit === false ? null : new SqliteGroupCommitter(conn, lock);
    this.adapterName = conn.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#lock.run(() => this.#conn.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#lock.run(() => this.#conn.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.#conn.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
      throw new DriverAdapterError({ kind: 'InvalidIsolationLevel', level: isolationLevel });
    }
    if (this.#group) return this.#group.begin();
    const release = await this.#lock.acquire();
    try {
      // IMMEDIATE: take the write lock now, so that reading first cannot make a later write fail.
      await this.#conn.executeScript('BEGIN IMMEDIATE');
    } catch (err) {
      release();
      throw err;
    }
    return new SqliteTransaction(this.#conn, release);
  }

  dispose(): Promise<void> {
    return this.#lock.run(() => this.#conn.dispose());
  }
}

/** Driver adapter factory for a SQLite file: WAL, busy_timeout, foreign keys, serialized access. */
export function sqliteAdapterFactory(databaseUrl: string, options: SqliteOptions = {}): SqlDriverAdapterFactory {
  const file = sqlitePathOf(databaseUrl);
  const base = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const lock = sqliteFileLock(file);
  return {
    provider: 'sqlite',
    adapterName: base.adapterName,
    async connect() {
      const conn = await base.connect();
      try {
        await lock.run(() =>
          conn.executeScript(
            `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`,
          ),
        );
      } catch (err) {
        await conn.dispose().catch(() => {});
        throw err;
      }
      return new SerializedSqliteAdapter(conn, lock, options);
    },
  };
}

export interface ClientOptions extends SqliteOptions {
  /** PostgreSQL: transactions at once in this process; the rest queue in order (see limiter.ts). */
  transactionConcurrency?: number | null;
}

/** A Prisma Client for `file:...` (SQLite) or `postgres(ql)://...` URLs. Connects lazily. */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): Db {
  if (providerOf(databaseUrl) === 'sqlite') {
    return new SqlitePrismaClient({
      adapter: sqliteAdapterFactory(databaseUrl, options),
      transactionOptions: TRANSACTION_OPTIONS,
    });
  }
  const schema = postgresSchemaOf(databaseUrl);
  const adapter = new PrismaPg(pgPool(databaseUrl), { ...(schema ? { schema } : {}), disposeExternalPool: true });
  const client = new PostgresPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  const limiter = new Limiter(options.transactionConcurrency ?? DEFAULT_TRANSACTION_CONCURRENCY);
  return limitTransactions(client, limiter) as unknown as Db;
}

/** Migrates the database (applies pending migrations), then returns a connected client. */
export async function openDatabase(databaseUrl: string, options: ClientOptions = {}): Promise<Db> {
  await migrateDatabase(databaseUrl);
  const db = createPrismaClient(databaseUrl, options);
  await db.$connect();
  return db;
}

/** True for a unique constraint violation (Prisma P2002), on both providers, also from raw queries. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (e.code === 'P2002') return true;
  // Raw queries fail with P2010 and carry the driver adapter's classification of the error.
  return e.code === 'P2010' && e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}
