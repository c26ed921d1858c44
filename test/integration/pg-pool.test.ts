import { describe, expect, it } from 'vitest';
import { pgPool } from '../../src/store/pg-pool.js';
import { testPostgresUrl } from '../setup/databases.js';

const serverUrl = testPostgresUrl();

describe.runIf(serverUrl)('the PostgreSQL pool behind Prisma', () => {
  it('keeps a listener on every connection, idle or in use, so a server restart cannot end the process', async () => {
    const pool = pgPool(serverUrl!);
    try {
      const client = await pool.connect();
      // In use: pg-pool has taken its own idle listener off. An 'error' event without a listener would throw.
      expect(client.listenerCount('error')).toBeGreaterThan(0);
      expect(() => client.emit('error', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).not.toThrow();
      client.release(true);
      const again = await pool.connect();
      expect((await again.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      again.release();
    } finally {
      await pool.end();
    }
  });
});
