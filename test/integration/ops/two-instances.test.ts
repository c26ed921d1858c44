import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoll, resolveActor } from '../../../src/core/index.js';
import { createRemindersForAllZones, workspaceSlug } from '../../../src/core/use-cases/channels.js';
import { makePostgresUrl, testPostgresUrl } from '../../setup/databases.js';
import { startSlackApi, type SlackApiStandIn } from '../../support/slack-api.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';

/**
 * Two instances of the app (each its own connection pool, outbox, job timer) on one PostgreSQL database,
 * talking to one Slack Web API stand-in: what must happen once happens once, whatever the timing.
 */
describe.runIf(Boolean(testPostgresUrl()))('two instances on one PostgreSQL database', () => {
  const MEMBERS = 25;
  const users = Array.from({ length: MEMBERS }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
  let api: SlackApiStandIn;
  let a: SlackTestApp;
  let b: SlackTestApp;
  let now = new Date();
  const clock = { now: () => now };

  beforeAll(async () => {
    const databaseUrl = await makePostgresUrl();
    api = await startSlackApi();
    for (const id of users) api.users.set(id, { name: `Lid ${id}`, locale: 'nl-BE' });
    a = await startSlackApp({ databaseUrl, api, overrides: { clock } });
    b = await startSlackApp({ databaseUrl, api, overrides: { clock } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await api?.close();
  });

  const zone = async () => {
    const tenant = await a.app.deps.store.transaction((repos) => repos.tenants.findBySlug(workspaceSlug('slack', api.team.id)));
    const [panel] = await a.app.deps.store.transaction((repos) => repos.panels.listByTenant(tenant!.id));
    const members = await a.app.deps.store.transaction((repos) => repos.members.listByPanel(panel!.id));
    return { tenant: tenant!, members };
  };

  it('makes exactly one facilitator when everyone uses a new zone for the first time at once', async () => {
    const sent = await Promise.all(users.map((id, i) => (i % 2 === 0 ? a : b).slack.command(id, 'help')));
    expect(sent.map((s) => s.status)).toEqual(users.map(() => 200));
    await Promise.all([a.settle(), b.settle()]);
    const { members } = await zone();
    expect(members).toHaveLength(MEMBERS);
    expect(members.filter((m) => m.role === 'facilitator')).toHaveLength(1);
  });

  it('delivers every notification once when both outboxes run at the same moment', async () => {
    const { tenant, members } = await zone();
    const facilitator = members.find((m) => m.role === 'facilitator')!;
    const identity = await a.app.deps.store.transaction((repos) => repos.members.listIdentities(facilitator.id));
    const actor = await resolveActor(a.app.deps, { tenantId: tenant.id, channel: 'slack', externalId: identity[0]!.externalId });
    const before = api.of('chat.postMessage').length;
    for (const question of ['Hoe gaat het met de wachtzaal?', 'Is de nieuwe folder duidelijk?']) {
      await createPoll(a.app.deps, actor, { question, kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
    }
    // 50 notifications; each round claims at most 50, so a few rounds on each side, all at once.
    for (let round = 0; round < 4; round++) {
      await Promise.all([a.runtime.flushOutbox(), b.runtime.flushOutbox(), a.runtime.flushOutbox(), b.runtime.flushOutbox()]);
    }
    await Promise.all([a.settle(), b.settle()]);
    const posted = new Map<string, number>();
    for (const call of api.of('chat.postMessage').slice(before)) posted.set(String(call.args.channel), (posted.get(String(call.args.channel)) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const m of members) {
      const [slackId] = await a.app.deps.store.transaction((repos) => repos.members.listIdentities(m.id));
      const polls = (await a.app.deps.store.transaction((repos) => repos.notifications.listForMember(m.id, { limit: 50 }))).filter((n) => n.kind === 'poll_opened');
      if (polls.length > 0) expected.set(api.dmOf(slackId!.externalId), polls.length);
    }
    expect([...expected.values()].reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(2 * (MEMBERS - 1));
    expect(posted).toEqual(expected);
    const left = await a.app.deps.store.transaction((repos) => repos.notifications.listUndelivered(members.map((m) => m.id), 100));
    expect(left).toEqual([]);
  });

  it('makes every reminder once, whether the two job runs meet at the lock or not', async () => {
    const reminders = async () => {
      const { members } = await zone();
      let count = 0;
      for (const m of members) count += (await a.app.deps.store.transaction((repos) => repos.notifications.listForMember(m.id, { limit: 50 }))).filter((n) => n.kind === 'reminder').length;
      return count;
    };
    // Whatever the timers started at listen time is over before the clock moves.
    await Promise.all([a.app.runJobs(), b.app.runJobs()]);
    expect(await reminders()).toBe(0);

    now = new Date(now.getTime() + 25 * 3600_000); // the polls have waited past the grace period
    await Promise.all([a.app.runJobs(), b.app.runJobs()]);
    // Everyone but the facilitator: the polls ask experts.
    const ASKED = MEMBERS - 1;
    expect(await reminders()).toBe(ASKED);

    // Without the lock (the job and a facilitator's "send reminders now", say): the unique key decides.
    now = new Date(now.getTime() + 49 * 3600_000);
    const made = await Promise.all([createRemindersForAllZones(a.app.deps), createRemindersForAllZones(b.app.deps), createRemindersForAllZones(a.app.deps)]);
    expect(made.reduce((x, y) => x + y, 0)).toBe(ASKED);
    expect(await reminders()).toBe(2 * ASKED);
  });
});
