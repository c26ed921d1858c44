import { rmSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../src/generated/sqlite/client.ts';
import { migrateDatabase } from '../src/store/migrate.ts';
rmSync('/tmp/exp/m7', { recursive: true, force: true });
const url = 'file:/tmp/exp/m7/x.db';
await migrateDatabase(url);
const mk = () => new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: '/tmp/exp/m7/x.db', timeout: 5000 }) });
const a = mk(), b = mk();
await a.$executeRawUnsafe('PRAGMA journal_mode=WAL');
const item = await a.backlogItem.create({ data: { tenantId: 't', panelId: 'p', level: 'action', title: 'c' } });
const bump = (db: any) => db.$transaction(async (tx: any) => {
  const it = await tx.backlogItem.findUniqueOrThrow({ where: { id: item.id } });
  await tx.auditEvent.create({ data: { tenantId: 't', action: 'x', objectType: 'o', objectId: item.id } });
  await tx.backlogItem.update({ where: { id: item.id }, data: { progress: it.progress + 1 } });
});
const t0 = Date.now();
const work = [];
for (let i = 0; i < 50; i++) { work.push(bump(a)); if (i % 2 === 0) work.push(bump(b)); }
const res = await Promise.allSettled(work);
const fails = res.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
console.log('stock adapter, two clients: failures', fails.length, 'of', res.length, 'in', Date.now() - t0, 'ms');
console.log([...new Set(fails.map((f) => String(f.reason?.message).split('\n').filter(Boolean).slice(-1)[0]))].slice(0, 3));
console.log('progress', (await a.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).progress);
await a.$disconnect(); await b.$disconnect();
