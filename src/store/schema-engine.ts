// The Prisma schema engine, run as WebAssembly inside this process.
//
// Prisma's CLI (`migrate deploy`, `migrate diff`) wants to download a native schema engine, which
// we cannot do offline. @prisma/schema-engine-wasm is the same engine compiled to wasm; it talks to
// the database through a Prisma driver adapter that we hand it. What it takes to make that work:
//  - the engine expects every adapter method to return a Result object ({ ok: true, value } or
//    { ok: false, error }) instead of throwing, and getConnectionInfo to return one synchronously.
//    @prisma/driver-adapter-utils has the wrapper for that (bindMigrationAwareSqlAdapterFactory).
//  - the engine does not reliably dispose what it connects, so we track the adapters and close them
//    ourselves (a pg pool left open keeps the process alive; a SQLite handle keeps the file open).
//  - a few adapter incompatibilities, patched in forSchemaEngineSqlite / forSchemaEnginePg below,
//    and PrismaPg's shadow database, replaced in migrationAdapterFactory.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { pgPool, postgresSchemaOf, quoteIdent } from './pg-pool.js';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type * as EngineTypes from '@prisma/schema-engine-wasm/schema_engine_bg';

export type Provider = 'sqlite' | 'postgresql';
export type SchemaEngine = EngineTypes.SchemaEngine;
export type { EngineTypes };

type EngineModule = typeof EngineTypes & { __wbg_set_wasm(exports: unknown): void };

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: unknown } }>;
}

let enginePromise: Promise<EngineModule> | undefined;

/** Instantiates the wasm schema engine once per process. */
export function loadSchemaEngine(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const jsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(jsPath)) as EngineModule;
    const bytes = await readFile(jsPath.replace(/\.js$/, '.wasm'));
    // The WebAssembly global is not in the ES lib this project compiles against.
    const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  enginePromise.catch(() => {
    enginePromise = undefined;
  });
  return enginePromise;
}

/** Path of a `file:` URL as better-sqlite3 wants it (`file:./data/x.db` -> `./data/x.db`). */
export function sqlitePathOf(databaseUrl: string): string {
  const rest = databaseUrl.replace(/^file:/, '');
  const q = rest.indexOf('?');
  return q === -1 ? rest : rest.slice(0, q);
}

/**
 * A PostgreSQL URL with another database name (same server and credentials). Without `?schema=`: the
 * shadow database made from it is new and empty, and its adapter looks in the default schema.
 */
export function withDatabaseName(databaseUrl: string, database: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  u.searchParams.delete('schema');
  return u.toString();
}


/** A FIFO async lock. `acquire` resolves to an idempotent release function. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => gate);
    return previous.then(() => {
      let released = false;
      return () => {
        if (!released) {
          released = true;
          open();
        }
      };
    });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const fileLocks = new Map<string, Lock>();

/**
 * The lock that every connection of this process to one SQLite file goes through (app clients and
 * migrations). better-sqlite3 waits for SQLite locks synchronously, blocking the event loop, so two
 * connections of one process must never wait on each other inside SQLite.
 */
export function sqliteFileLock(file: string): Lock {
  if (file === ':memory:' || file === '') return new Lock();
  const key = path.resolve(file);
  let lock = fileLocks.get(key);
  if (!lock) {
    lock = new Lock();
    fileLocks.set(key, lock);
  }
  return lock;
}

const PG_CHAR_OID = 18; // the one-byte internal type "char" (pg_class.relkind, pg_constraint.contype, ...)
const PG_TEXT_OID = 25;

/**
 * The engine describes PostgreSQL schemas with catalog queries returning "char" columns, which
 * @prisma/adapter-pg refuses ("Column type 'char' could not be deserialized"). pg hands those values
 * over as strings anyway, so we relabel them as text before the adapter maps column types.
 */
function readCharColumnsAsText<T extends object>(queryable: T): T {
  const target = queryable as unknown as { performIO?: (q: unknown) => Promise<{ fields?: { dataTypeID: number }[] }> };
  const performIO = target.performIO;
  if (typeof performIO !== 'function') return queryable; // adapter internals changed: nothing to patch
  target.performIO = async (q) => {
    const result = await performIO.call(queryable, q);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  return queryable;
}

function forSchemaEnginePg(adapter: SqlDriverAdapter): SqlDriverAdapter {
  readCharColumnsAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => readCharColumnsAsText(await startTransaction(isolationLevel));
  return adapter;
}

/**
 * Fixes for the SQLite adapters the engine uses:
 *  - It replays migrations on the shadow database through executeRaw, the whole migration file as
 *    one "statement"; better-sqlite3 prepares single statements only. Parameterless scripts that
 *    fail that way are run again through executeScript.
 *  - Its migration lock is `PRAGMA main.locking_mode=EXCLUSIVE`, which in WAL mode fails with
 *    SQLITE_BUSY as long as any other connection has the file open (an idle app client is enough).
 *    We skip it; migrateDatabase locks instead (sqliteFileLock in-process, a lock file across processes).
 *  - SQLITE_BUSY comes out of the adapter as kind "SocketTimeout", which the engine cannot decode
 *    ("unknown variant"); it is passed on as a plain SQLite error (code 5) instead.
 */
function forSchemaEngineSqlite(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const busyAsSqliteError = (err: unknown): unknown =>
    isDriverAdapterError(err) && err.cause.kind === 'SocketTimeout'
      ? new DriverAdapterError({ kind: 'sqlite', extendedCode: 5, message: 'database is locked (SQLITE_BUSY)' })
      : err;
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && /^\s*PRAGMA\s+(main\.)?locking_mode\s*=\s*EXCLUSIVE\s*;?\s*$/i.test(query.sql)) return 0;
    try {
      return await executeRaw(query);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (query.args.length > 0 || !/more than one statement/i.test(message)) throw busyAsSqliteError(err);
      try {
        await executeScript(query.sql);
      } catch (scriptErr) {
        throw busyAsSqliteError(scriptErr);
      }
      return 0;
    }
  };
  adapter.queryRaw = (query) => queryRaw(query).catch((err: unknown) => Promise.reject(busyAsSqliteError(err)));
  adapter.executeScript = (script) => executeScript(script).catch((err: unknown) => Promise.reject(busyAsSqliteError(err)));
  return adapter;
}

/**
 * The plain (throwing) driver adapter factory the schema engine gets for a database, with the fixes
 * above. For PostgreSQL, the shadow database is made here rather than by PrismaPg: its own
 * connectToShadowDb spreads `database` next to `connectionString`, and pg lets the connection
 * string win, so the "shadow" would be the main database.
 */
export function migrationAdapterFactory(
  provider: Provider,
  databaseUrl: string,
): SqlMigrationAwareDriverAdapterFactory {
  if (provider === 'sqlite') {
    const base = new PrismaBetterSqlite3({ url: sqlitePathOf(databaseUrl), timeout: 5000 }, { shadowDatabaseUrl: ':memory:' });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => forSchemaEngineSqlite(await base.connect()),
      connectToShadowDb: async () => forSchemaEngineSqlite(await base.connectToShadowDb()),
    };
  }
  const schema = postgresSchemaOf(databaseUrl);
  // A factory (and pool) per connection: an adapter's dispose ends its pool for good.
  const base = () => new PrismaPg(pgPool(databaseUrl), { ...(schema ? { schema } : {}), disposeExternalPool: true });
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => forSchemaEnginePg(await base().connect()),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const admin = await base().connect();
      const name = `stemmen_shadow_${randomUUID().replace(/-/g, '')}`;
      try {
        await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (err) {
        await admin.dispose();
        throw err;
      }
      const shadow = forSchemaEnginePg(await new PrismaPg(pgPool(withDatabaseName(databaseUrl, name)), { disposeExternalPool: true }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

/** Wraps a factory so that every adapter it hands out is remembered, to be disposed later. */
function tracking(factory: SqlMigrationAwareDriverAdapterFactory) {
  const open = new Set<SqlDriverAdapter>();
  const remember = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return;
      await dispose();
    };
    return adapter;
  };
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  const disposeAll = async () => {
    const errors: unknown[] = [];
    // Shadow databases are disposed first on PostgreSQL: their cleanup drops a database.
    for (const adapter of [...open].reverse()) {
      try {
        await adapter.dispose();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) throw errors[0];
  };
  return { wrapped, disposeAll };
}

/** Engine errors arrive as plain objects or strings; turn them into Errors with a readable message. */
export function engineError(err: unknown, what: string): Error {
  let detail: string;
  if (typeof err === 'string') detail = err;
  else if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') detail = err.message;
  else detail = JSON.stringify(err);
  return new Error(`${what}: ${detail}`, { cause: err });
}

/**
 * A PostgreSQL "connection" for diffs between two Prisma schemas, which need no database. The engine
 * still connects once to probe the server version; this answers that probe and refuses anything else.
 */
export function offlinePostgresFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => () =>
    Promise.reject(new Error(`offline PostgreSQL connector: ${what} needs a real server (set DATABASE_URL_POSTGRES)`));
  const adapter = (): SqlDriverAdapter => ({
    provider: 'postgres',
    adapterName: 'stemmen-offline-postgres',
    async queryRaw(query) {
      if (/\bversion\(\)/.test(query.sql) && /server_version_num/.test(query.sql)) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, 'PostgreSQL 15.0 (offline stand-in for schema diffs)', 150000]],
        };
      }
      return refuse('a query')();
    },
    executeRaw: refuse('a statement'),
    executeScript: refuse('a script'),
    startTransaction: refuse('a transaction'),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: () => Promise.resolve(),
  });
  return {
    provider: 'postgres',
    adapterName: 'stemmen-offline-postgres',
    connect: () => Promise.resolve(adapter()),
    connectToShadowDb: () => Promise.resolve(adapter()),
  };
}

export interface SchemaEngineContext {
  provider: Provider;
  databaseUrl: string;
  /** The schema file name the engine was constructed with. */
  schemaPath: string;
}

export interface WithSchemaEngineOptions {
  /** Full Prisma schema text (datasource + models) to construct the engine with. */
  datamodel?: string;
  /** Engine log lines (JSON strings). Dropped unless given. */
  onLog?: (line: string) => void;
  /** Prefix for errors thrown by the engine, e.g. "Migrating sqlite database failed". */
  label?: string;
  /** Use this adapter factory instead of the one for `databaseUrl` (e.g. offlinePostgresFactory()). */
  factory?: SqlMigrationAwareDriverAdapterFactory;
}

/**
 * Runs `fn` with a fresh schema engine connected to `databaseUrl`, then frees the engine and closes
 * every connection it opened. On a SQLite file, hold sqliteFileLock(file) around this (migrateDatabase
 * does): the engine's own exclusive lock is disabled. Adapter errors that reach the engine as "External error id#N" are
 * rethrown with the original error attached.
 */
export async function withSchemaEngine<T>(
  provider: Provider,
  databaseUrl: string,
  fn: (engine: SchemaEngine, ctx: SchemaEngineContext) => Promise<T>,
  options: WithSchemaEngineOptions = {},
): Promise<T> {
  const mod = await loadSchemaEngine();
  const schemaPath = 'schema.prisma';
  const datamodel = options.datamodel ?? `datasource db {\n  provider = "${provider}"\n}\n`;
  const { wrapped, disposeAll } = tracking(options.factory ?? migrationAdapterFactory(provider, databaseUrl));
  const bridge = bindMigrationAwareSqlAdapterFactory(wrapped);
  const explain = (err: unknown, what: string): Error => {
    const e = engineError(err, what);
    const id = /External error id#(\d+)/.exec(e.message)?.[1];
    const original = id === undefined ? undefined : bridge.errorRegistry.consumeError(Number(id))?.error;
    if (original === undefined) return e;
    const detail = original instanceof Error ? original.message : String(original);
    return new Error(`${e.message}: ${detail}`, { cause: original });
  };
  const log = options.onLog ?? (() => {});
  let engine: SchemaEngine;
  try {
    engine = await mod.SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, bridge);
  } catch (err) {
    await disposeAll().catch(() => {});
    throw explain(err, `schema engine could not start on ${provider}`);
  }
  try {
    return await fn(engine, { provider, databaseUrl, schemaPath });
  } catch (err) {
    throw explain(err, options.label ?? `schema engine (${provider})`);
  } finally {
    try {
      engine.free();
    } finally {
      await disposeAll();
    }
  }
}
