import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutbox, UndeliverableError } from '../../src/channels/outbox.js';
import { createPoll } from '../../src/core/index.js';
import type { PendingDelivery } from '../../src/core/use-cases/channels.js';
import { createLogger } from '../../src/logger.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

const logger = createLogger('silent');
const noQuiet = { start: '00:00', end: '00:00' };

describe.each(testDatabases())('the outbox delivers each notification once, on a channel that reaches the member, on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: 3 });
    await h.deps.store.transaction(async (repos) => {
      await repos.members.addIdentity({ tenantId: p.tenant.id, memberId: p.member('e1').id, channel: 'slack', externalId: 'U1' });
      await repos.members.addIdentity({ tenantId: p.tenant.id, memberId: p.member('e2').id, channel: 'teams', externalId: 'T2' });
    });
  });
  afterAll(async () => h?.close());

  it('only asks a channel for its own members, settles the undeliverable and retries the rest', async () => {
    await createPoll(h.deps, p.actor('fac'), { question: 'Wanneer?', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
    const slackSeen: string[] = [];
    let failOnce = true;
    const slack = startOutbox(
      h.deps,
      async (pending: PendingDelivery) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('429 from the platform');
        }
        slackSeen.push(pending.member.displayName);
      },
      { channel: 'slack', quietHours: noQuiet, timeZone: 'Europe/Brussels', logger, intervalMs: 3_600_000 },
    );
    const teams = startOutbox(
      h.deps,
      async () => {
        throw new UndeliverableError('no_conversation');
      },
      { channel: 'teams', quietHours: noQuiet, timeZone: 'Europe/Brussels', logger, intervalMs: 3_600_000 },
    );
    expect(await slack.flush()).toBe(0); // a transient failure stays pending
    expect(await slack.flush()).toBe(1);
    expect(slackSeen).toEqual(['e1']);
    expect(await slack.flush()).toBe(0); // never twice
    expect(await teams.flush()).toBe(0);
    const left = await h.deps.store.transaction((repos) => repos.notifications.listUndelivered([p.member('e1').id, p.member('e2').id, p.member('e3').id], 50));
    expect(left.map((n) => n.memberId)).toEqual([p.member('e3').id]); // web-only member: nothing to push
    slack.stop();
    teams.stop();
  });

  it('sends nothing during quiet hours, then delivers after them', async () => {
    const sent: string[] = [];
    let now = new Date('2026-12-01T21:30:00Z'); // 22:30 in Brussels
    const deps = { ...h.deps, clock: { now: () => now } };
    const slack = startOutbox(deps, async (pending) => void sent.push(pending.notification.id), {
      channel: 'slack', quietHours: { start: '21:00', end: '08:00' }, timeZone: 'Europe/Brussels', logger, intervalMs: 3_600_000,
    });
    await createPoll(h.deps, p.actor('fac'), { question: 'Nog een?', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
    expect(await slack.flush()).toBe(0);
    now = new Date('2026-12-02T06:59:00Z'); // 07:59 in Brussels
    expect(await slack.flush()).toBe(0);
    expect(sent).toEqual([]);
    now = new Date('2026-12-02T07:00:00Z'); // 08:00 in Brussels
    expect(await slack.flush()).toBe(1);
    slack.stop();
  });
});
