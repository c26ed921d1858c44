// The Prisma schema engine, run as WebAssembly inside this process.
//
// Prisma's CLI (`migrate deploy`, `migrate diff`) wants to download a native schema engine, which
// we cannot do offline. @prisma/schema-engine-wasm is the same engine compiled to wasm; it talks to
// the database through a Prisma driver adapter that we hand it. Two details matter:
//  - the engine expects every adapter method to return a Result object ({ ok: true, value } or
//    { ok: false, error }) instead of throwing, and getConnectionInfo to return one synchronously.
//    @prisma/driver-adapter-utils has the wrapper for that (bindMigrationAwareSqlAdapterFactory).
//  - the engine never disposes what it connects, so we track the adapters and close them ourselves
//    (a pg pool left open keeps the process alive; a better-sqlite3 handle keeps the file open).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
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

/** A PostgreSQL URL with another database name (same server and credentials). */
export function withDatabaseName(databaseUrl: string, database: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** `?schema=` of a PostgreSQL URL, as Prisma URLs carry it; pg itself ignores it. */
export function postgresSchemaOf(databaseUrl: string): string | undefined {
  return new URL(databaseUrl).searchParams.get('schema') ?? undefined;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The plain (throwing) driver adapter factory for a provider, shared by the schema engine and the
 * app. For PostgreSQL, the shadow database is made here rather than by PrismaPg: its own
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
      connect: async () => acceptScriptsInExecuteRaw(await base.connect()),
      connectToShadowDb: async () => acceptScriptsInExecuteRaw(await base.connectToShadowDb()),
    };
  }
  const schema = postgresSchemaOf(databaseUrl);
  const base = new PrismaPg({ connectionString: databaseUrl }, schema ? { schema } : undefined);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const admin = await base.connect();
      const name = `stemmen_shadow_${randomUUID().replace(/-/g, '')}`;
      try {
        await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (err) {
        await admin.dispose();
        throw err;
      }
      const shadow = await new PrismaPg({ connectionString: withDatabaseName(databaseUrl, name) }).connect();
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

/**
 * The wasm engine replays migrations on a SQLite shadow database through executeRaw, with the whole
 * migration file as one "statement"; better-sqlite3 only prepares single statements. Scripts without
 * parameters that fail that way are run again through executeScript.
 */
function acceptScriptsInExecuteRaw(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (query.args.length > 0 || !/more than one statement/i.test(message)) throw err;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
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
 * every connection it opened. Adapter errors that reach the engine as "External error id#N" are
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
