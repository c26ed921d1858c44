// `npm run cli -- <command>`: admin commands at the server (see src/cli/run.ts for the list).
// Database commands use the same configuration as the app (.env, environment).
import { ConfigError, loadConfig, loadDatabaseConfig, loadDotEnv } from './config.js';
import { isDomainError } from './core/errors.js';
import { runCli } from './cli/run.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function openDeps() {
  loadDotEnv();
  const config = loadConfig();
  const { openDatabase } = await import('./store/client.js');
  const { createPrismaStore } = await import('./store/prisma-store.js');
  const { OfflineSynthesizer } = await import('./synthesis/offline.js');
  const store = createPrismaStore(await openDatabase(config.databaseUrl));
  const deps = {
    store,
    clock: { now: () => new Date() },
    secret: config.secret,
    synthesizer: new OfflineSynthesizer(),
    privacy: { retentionDays: config.retentionDays, consentDeadlineDays: config.consentDeadlineDays },
  };
  return {
    deps,
    close: () => store.close(),
    // Slack and Teams as configured for the app (.env), to delete the bot's messages to an erased member.
    erasers: async () => {
      const { openMessageErasers } = await import('./cli/erasers.js');
      const { createLogger } = await import('./logger.js');
      return openMessageErasers(deps, config, createLogger(config.logLevel));
    },
  };
}

const ops = {
  async backup(file: string) {
    loadDotEnv();
    const { backupSqlite } = await import('./store/backup.js');
    return backupSqlite(loadDatabaseConfig().databaseUrl, file);
  },
};

runCli(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), stdin: readStdin }, openDeps, ops)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (isDomainError(error)) process.stderr.write(`${error.code}\n`);
    else if (error instanceof Error && error.name === 'BackupError') process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`failed: ${error instanceof Error ? error.name : 'error'}\n`);
    process.exitCode = 1;
  });
