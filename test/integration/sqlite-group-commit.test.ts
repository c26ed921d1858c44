import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSqliteUrl } from '../setup/databases.js';
import { openHarness, type Harness } from '../support/harness.js';

// Transactions queued behind one another on SQLite are committed together (src/store/sqlite-group-commit.ts):
// each must still succeed or fail on its own, and be durable when it resolves.
describe('group commit on SQLite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(await makeSqliteUrl());
  });
  afterAll(async () => h?.close());

  const claim = (key: string) => h.deps.store.transaction((repos) => repos.deliveries.claim(key));
  const seen = (key: string) => h.deps.store.transaction((repos) => repos.deliveries.seen(key));

  it('rolls back only the transaction that failed, and keeps the others of its group', async () => {
    const results = await Promise.allSettled([
      claim('group:a'),
      h.deps.store.transaction(async (repos) => {
        await repos.deliveries.claim('group:b');
        throw new Error('this unit fails after writing');
      }),
      claim('group:c'),
      ...Array.from({ length: 20 }, (_, i) => claim(`group:many:${i}`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', ...Array(21).fill('fulfilled')]);
    expect(await seen('group:a')).toBe(true);
    expect(await seen('group:b')).toBe(false);
    expect(await seen('group:c')).toBe(true);
    for (let i = 0; i < 20; i += 1) expect(await seen(`group:many:${i}`)).toBe(true);
  });

  it('sees its own writes inside a unit, and the units of a group see each other in order', async () => {
    const claims = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.deps.store.transaction(async (repos) => {
          const mine = await repos.deliveries.claim('group:d');
          expect(await repos.deliveries.seen('group:d')).toBe(true);
          return mine;
        }),
      ),
    );
    // One press, one effect: exactly one unit claimed the key, whichever ran first.
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
