// Storage plumbing on every test database: migrations through the wasm schema engine, concurrency
// of interactive transactions, unique violations, and "the committed migrations match the models".
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPrismaClient, isUniqueViolation, openDatabase, type Db } from '../../src/store/client.js';
import { createMigration, diffProvider, SNAPSHOT_FILE } from '../../src/store/diff.js';
import { migrateDatabase, migrationsRoot, projectRoot, providerOf } from '../../src/store/migrate.js';
import { sqlitePathOf } from '../../src/store/schema-engine.js';
import { testDatabases, testPostgresUrl } from '../setup/databases.js';

function committedMigrations(provider: 'sqlite' | 'postgresql'): string[] {
  return readdirSync(path.join(migrationsRoot, provider), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

const TENANT = 't-storage';

async function newCounter(db: Db): Promise<string> {
  const item = await db.backlogItem.create({
    data: { tenantId: TENANT, panelId: 'p', level: 'action', title: 'counter' },
  });
  return item.id;
}

/**
 * One "request": an interactive transaction that reads a row first, then writes (an audit row and
 * the counter it read, plus one). On PostgreSQL the read takes the row lock (FOR UPDATE), the usual
 * way to make read-modify-write exact there; on SQLite the ORM read is enough.
 */
async function readThenWrite(db: Db, provider: string, id: string, who: string): Promise<void> {
  await db.$transaction(async (tx) => {
    let progress: number;
    if (provider === 'postgresql') {
      const rows = await tx.$queryRawUnsafe<{ progress: number }[]>(
        'SELECT "progress" FROM "BacklogItem" WHERE "id" = $1 FOR UPDATE',
        id,
      );
      progress = Number(rows[0]?.progress);
    } else {
      progress = (await tx.backlogItem.findUniqueOrThrow({ where: { id } })).progress;
    }
    await tx.auditEvent.create({
      data: { tenantId: TENANT, actorId: who, action: 'counter.bump', objectType: 'BacklogItem', objectId: id },
    });
    await tx.backlogItem.update({ where: { id }, data: { progress: progress + 1 } });
  });
}

describe.each(testDatabases())('storage on $name', ({ name, makeUrl }) => {
  let url: string;
  let db: Db | undefined;
  const extra: Db[] = [];

  beforeAll(async () => {
    url = await makeUrl();
  });

  afterAll(async () => {
    for (const c of [db, ...extra]) await c?.$disconnect();
  });

  it('applies the committed migrations to a fresh database and records them in _prisma_migrations', async () => {
    expect(providerOf(url)).toBe(name);
    const expected = committedMigrations(name);
    expect(expected.length).toBeGreaterThan(0);

    const { applied } = await migrateDatabase(url);
    expect(applied).toEqual(expected);

    db = createPrismaClient(url);
    const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const r of rows) {
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
    // The models are there.
    expect(await db.tenant.count()).toBe(0);
  });

  it('applies nothing on a second run (and on concurrent runs)', async () => {
    expect(await migrateDatabase(url)).toEqual({ applied: [] });
    const both = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    expect(both).toEqual([{ applied: [] }, { applied: [] }]);
  });

  it('openDatabase migrates and connects', async () => {
    const other = await openDatabase(url);
    extra.push(other);
    expect(await other.tenant.count()).toBe(0);
  });

  it.runIf(name === 'sqlite')('configures SQLite: WAL, busy_timeout 5000, foreign keys on', async () => {
    const one = async (pragma: string) => {
      const rows = await db!.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`);
      return Object.values(rows[0] ?? {})[0];
    };
    expect(String(await one('journal_mode'))).toBe('wal');
    expect(Number(await one('busy_timeout'))).toBe(5000);
    expect(Number(await one('foreign_keys'))).toBe(1);
    await expect(
      db!.panel.create({ data: { tenantId: 'no-such-tenant', name: 'x' } }),
    ).rejects.toThrow(/foreign key/i);
  });

  it('reports unique violations as isUniqueViolation (client API, inside transactions, raw SQL)', async () => {
    await db!.tenant.create({ data: { slug: 'dup', name: 'A' } });
    const dup = await db!.tenant.create({ data: { slug: 'dup', name: 'B' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(dup)).toBe(true);

    const inTx = await db!
      .$transaction(async (tx) => {
        await tx.tenant.findMany();
        await tx.tenant.create({ data: { slug: 'dup', name: 'C' } });
      })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(inTx)).toBe(true);

    const raw = await db!
      .$executeRawUnsafe(`INSERT INTO "Tenant" ("id", "slug", "name") VALUES ('raw-dup', 'dup', 'D')`)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(raw)).toBe(true);

    expect(isUniqueViolation(new Error('nope'))).toBe(false);
    expect(await db!.tenant.count({ where: { slug: 'dup' } })).toBe(1);
  });

  it('runs 50 concurrent read-then-write interactive transactions without errors or lost updates', async () => {
    const id = await newCounter(db!);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => readThenWrite(db!, name, id, `a${i}`)),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);
    expect((await db!.backlogItem.findUniqueOrThrow({ where: { id } })).progress).toBe(50);
    expect(await db!.auditEvent.count({ where: { objectId: id } })).toBe(50);
  });

  it('keeps that up while a second client on the same database writes at the same time', async () => {
    const second = createPrismaClient(url);
    extra.push(second);
    const id = await newCounter(db!);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      work.push(readThenWrite(db!, name, id, `a${i}`));
      // The second client interleaves the same transactions and plain writes.
      if (i % 2 === 0) work.push(readThenWrite(second, name, id, `b${i}`));
      work.push(second.processedDelivery.create({ data: { key: `second-${name}-${i}` } }));
    }
    const results = await Promise.allSettled(work);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);
    expect((await db!.backlogItem.findUniqueOrThrow({ where: { id } })).progress).toBe(75);
    expect(await second.processedDelivery.count({ where: { key: { startsWith: `second-${name}-` } } })).toBe(50);
  });

  it.runIf(name === 'sqlite')('keeps that up while another process writes to the same file', async () => {
    const file = path.resolve(sqlitePathOf(url));
    // A separate process with its own connection, writing in short transactions until told to stop.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)}, { timeout: 5000 });
      db.pragma('journal_mode = WAL');
      const insert = db.prepare('INSERT INTO "ProcessedDelivery" ("key") VALUES (?)');
      let stop = false, n = 0;
      process.stdin.on('end', () => { stop = true; });
      process.stdin.resume();
      (async () => {
        while (!stop) {
          db.prepare('BEGIN IMMEDIATE').run();
          insert.run('other-process-' + n++);
          db.prepare('COMMIT').run();
          if (n === 1) process.stdout.write('ready\\n');
          await new Promise((r) => setTimeout(r, 1));
        }
        db.close();
        process.stdout.write('wrote ' + n + '\\n');
      })().catch((e) => { console.error(e); process.exit(1); });
    `;
    const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) resolve();
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      void exited.then((code) => reject(new Error(`writer process exited early (${code}): ${err}`)));
    });

    const id = await newCounter(db!);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => readThenWrite(db!, name, id, `p${i}`)),
    );
    child.stdin!.end();
    expect(await exited).toBe(0);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);
    expect((await db!.backlogItem.findUniqueOrThrow({ where: { id } })).progress).toBe(50);
    const written = Number(/wrote (\d+)/.exec(out)?.[1]);
    expect(written).toBeGreaterThan(0);
    expect(await db!.processedDelivery.count({ where: { key: { startsWith: 'other-process-' } } })).toBe(written);
  });
});

describe('committed migrations match prisma/models.prisma (npm run db:diff)', () => {
  it('SQLite: no changes (replayed on an in-memory shadow database)', async () => {
    const d = await diffProvider('sqlite');
    expect(d.method).toBe('shadow-database');
    expect(d.sql).toBe('');
  });

  it('PostgreSQL: no changes against the snapshot (offline)', async () => {
    const d = await diffProvider('postgresql', { postgresUrl: null });
    expect(d.method).toBe('snapshot');
    expect(d.sql).toBe('');
  });

  it.runIf(Boolean(testPostgresUrl()))('PostgreSQL: no changes when replayed on a shadow database, which is dropped after', async () => {
    const server = testPostgresUrl()!;
    const d = await diffProvider('postgresql', { postgresUrl: server });
    expect(d.method).toBe('shadow-database');
    expect(d.sql).toBe('');
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'stemmen_shadow_%'`);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('creates a migration for both providers when the models change, then reports no changes', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'stemmen-diff-'));
    try {
      const prismaDir = path.join(tmp, 'prisma');
      const root = path.join(prismaDir, 'migrations');
      cpSync(path.join(projectRoot, 'prisma', 'providers'), path.join(prismaDir, 'providers'), { recursive: true });
      cpSync(migrationsRoot, root, { recursive: true });
      const models = readFileSync(path.join(projectRoot, 'prisma', 'models.prisma'), 'utf8');
      writeFileSync(
        path.join(prismaDir, 'models.prisma'),
        `${models}\nmodel DiffProbe {\n  id    String @id\n  label String @default("")\n}\n`,
      );
      const opts = { prismaDir, migrationsRoot: root, postgresUrl: null } as const;
      const created = await createMigration('add diff probe', { ...opts, now: new Date('2999-01-01T00:00:00Z') });
      expect(created.name).toBe('29990101000000_add_diff_probe');
      expect(created.files).toHaveLength(2);
      for (const provider of ['sqlite', 'postgresql'] as const) {
        const sql = readFileSync(path.join(root, provider, created.name!, 'migration.sql'), 'utf8');
        expect(sql).toMatch(/CREATE TABLE "DiffProbe"/);
      }
      expect(readFileSync(path.join(root, 'postgresql', SNAPSHOT_FILE), 'utf8')).toContain('model DiffProbe');
      const again = await createMigration('again', opts);
      expect(again.name).toBeNull();
      const pgServer = testPostgresUrl();
      if (pgServer) {
        expect((await diffProvider('postgresql', { ...opts, postgresUrl: pgServer })).sql).toBe('');
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
