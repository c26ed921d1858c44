// What the Slack and Teams burst benchmarks share: their rounds on both databases, and quiet hours kept out
// of the way of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from './slack-burst/postgres.js';
import type { Row } from './types.js';

/** Quiet hours twelve hours away from now, so that the outbox always delivers during the run. */
export function quietHoursFarFromNow(): string {
  const hour = (new Date().getUTCHours() + 12) % 24;
  const hh = String(hour).padStart(2, '0');
  return `${hh}:00-${hh}:01`;
}

/**
 * `rounds` rounds on SQLite (a fresh file each) and then on a throwaway PostgreSQL server (a fresh database
 * each); PostgreSQL is skipped, with the reason printed, where its binaries are not installed.
 */
export async function roundsOnBothDatabases(
  rounds: number,
  burstOn: (database: 'sqlite' | 'postgresql', round: number, databaseUrl: string) => Promise<Row[]>,
): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-burst-'));
  const rows: Row[] = [];
  try {
    for (let round = 1; round <= rounds; round++) rows.push(...(await burstOn('sqlite', round, `file:${join(dir, `burst-${round}.db`)}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = await startPostgres();
  if ('missing' in pg) {
    console.log(`PostgreSQL burst skipped: ${pg.missing}`);
    return rows;
  }
  try {
    for (let round = 1; round <= rounds; round++) rows.push(...(await burstOn('postgresql', round, await pg.makeUrl())));
  } finally {
    await pg.stop();
  }
  return rows;
}
