// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/stemmen.db).
import path from 'node:path';

import { migrateDatabase, providerOf } from './migrate.js';

export const DEFAULT_DATABASE_URL = 'file:./data/stemmen.db';

async function main(): Promise<void> {
  try {
    process.loadEnvFile(path.join(process.cwd(), '.env'));
  } catch {
    // no .env: fine
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const provider = providerOf(url);
  const { applied } = await migrateDatabase(url);
  if (applied.length === 0) {
    console.log(`${provider}: database is up to date`);
  } else {
    console.log(`${provider}: applied ${applied.length} migration(s):`);
    for (const name of applied) console.log(`  ${name}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
