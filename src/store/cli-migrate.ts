// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/stemmen.db).
import { loadDatabaseConfig, loadDotEnv } from '../config.js';
import { migrateDatabase, providerOf } from './migrate.js';

async function main(): Promise<void> {
  loadDotEnv();
  const url = loadDatabaseConfig().databaseUrl;
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
