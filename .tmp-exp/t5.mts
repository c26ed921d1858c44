import { migrateDatabase } from '../src/store/migrate.ts';
import { createPrismaClient } from '../src/store/client.ts';
import { rmSync } from 'node:fs';
rmSync('/tmp/exp/m5', { recursive: true, force: true });
const url = 'file:/tmp/exp/m5/x.db';
console.log(await migrateDatabase(url));
const db = createPrismaClient(url);
console.log(await db.tenant.count());
const t0 = Date.now();
try { console.log(await migrateDatabase(url)); } catch (e) { console.log('ERR', String(e).slice(0, 200)); }
console.log('took', Date.now() - t0);
await db.$disconnect();
console.log(await migrateDatabase(url));
