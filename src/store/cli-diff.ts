// `npm run db:diff -- <name>`: writes prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql
// when prisma/models.prisma differs from the committed migrations; prints "no changes" otherwise.
// Set DATABASE_URL_POSTGRES to diff PostgreSQL against a real server instead of the snapshot.
import path from 'node:path';

import { loadDatabaseConfig, loadDotEnv } from '../config.js';
import { createMigration } from './diff.js';
import { projectRoot } from './migrate.js';

async function main(): Promise<void> {
  loadDotEnv();
  const { postgresShadowUrl } = loadDatabaseConfig();
  const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!name) {
    console.error('usage: npm run db:diff -- <migration_name>');
    process.exitCode = 2;
    return;
  }
  const result = await createMigration(name, { postgresUrl: postgresShadowUrl });
  if (result.name === null) {
    console.log('no changes');
    return;
  }
  for (const d of result.diffs) {
    console.log(`${d.provider}: ${d.sql.trim() ? 'changes' : 'no changes'} (${d.method})`);
  }
  for (const f of result.files) console.log(`created ${path.relative(projectRoot, f)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
