import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoll, myContributions, submitContribution } from '../../src/core/index.js';
import { pendingDeliveries } from '../../src/core/use-cases/channels.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, SEED_BATCH, type Harness, type TestPanel } from '../support/harness.js';

/** A zone where more chat users enrolled than one SQL `IN (...)` may bind (SQLite allows 999 by default here). */
describe.each(testDatabases())('a zone with 1,100 members on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: 1100 });
    for (let i = 0; i < p.members.length; i += SEED_BATCH) {
      await h.deps.store.transaction(async (repos) => {
        for (const member of p.members.slice(i, i + SEED_BATCH)) await repos.members.addIdentity({ tenantId: p.tenant.id, memberId: member.id, channel: 'slack', externalId: `U${member.id}` });
      });
    }
  }, 240_000);
  afterAll(async () => h?.close());

  it('opens a poll for everyone and hands the outbox its notifications', async () => {
    await createPoll(h.deps, p.actor('fac'), { question: 'Welke dag?', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
    const pending = await pendingDeliveries(h.deps, 'slack', 2000);
    expect(pending).toHaveLength(p.members.length - 1);
  });

  it('finds an author among more than 999 anonymous contributions', async () => {
    const author = p.actor('e7');
    const mine = await submitContribution(h.deps, author, { idea: 'Mijn eigen anonieme idee', attribution: 'anonymous' });
    for (let from = 0; from < 1000; from += SEED_BATCH) {
      await h.deps.store.transaction(async (repos) => {
        for (let i = from; i < Math.min(1000, from + SEED_BATCH); i += 1) {
          const c = await repos.contributions.create({
            tenantId: p.tenant.id, panelId: p.panel.id, roundId: null, authorId: null, whatHappens: '', whatIsNeeded: '', idea: `idee ${i}`,
            language: 'nl', attribution: 'anonymous', channel: 'web', domainIds: [],
          });
          await repos.contributions.setAuthorKey(c.id, `someone-else-${i}`);
        }
      });
    }
    expect((await myContributions(h.deps, author)).map((c) => c.id)).toEqual([mine.id]);
  });
});
