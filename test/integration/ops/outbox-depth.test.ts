import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createPoll, resolveActor, type Actor, type MemberRecord } from '../../../src/core/index.js';
import { workspaceSlug } from '../../../src/core/use-cases/channels.js';
import { testDatabases } from '../../setup/databases.js';
import { startSlackApi, type SlackApiStandIn } from '../../support/slack-api.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';

const TOKEN = 'metrics-token-0123456789';

/** Quiet hours (UTC) around the present, so the outbox holds everything for the whole test. */
function quietNow(): string {
  const hhmm = (hours: number) => `${String((hours + 24) % 24).padStart(2, '0')}:00`;
  const hour = new Date().getUTCHours();
  return `${hhmm(hour - 1)}-${hhmm(hour + 3)}`;
}

/**
 * stemmen_outbox_depth counts what the outbox will deliver: notifications of members known on Slack or
 * Teams. Members reached only on the web read theirs on their home page and are never "delivered"; they
 * must not hold the depth (and the oldest age) up.
 */
describe.each(testDatabases())('outbox depth on $name', ({ makeUrl }) => {
  const users = ['U001', 'U002', 'U003'];
  let api: SlackApiStandIn;
  let app: SlackTestApp;
  let slackMembers: MemberRecord[];
  let webOnly: MemberRecord[];

  const metric = async (name: string) => {
    const res = await fetch(`http://127.0.0.1:${app.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1]);
  };
  const undelivered = (members: MemberRecord[]) =>
    app.app.deps.store.transaction((repos) => repos.notifications.listUndelivered(members.map((m) => m.id), 1000));

  beforeAll(async () => {
    api = await startSlackApi();
    for (const id of users) api.users.set(id, { name: `Lid ${id}`, locale: 'nl-BE' });
    app = await startSlackApp({
      databaseUrl: await makeUrl(),
      api,
      env: { STEMMEN_METRICS_TOKEN: TOKEN, STEMMEN_TIMEZONE: 'UTC', STEMMEN_QUIET_HOURS: quietNow() },
    });
    for (const id of users) expect((await app.slack.command(id, 'help')).status).toBe(200);
    await app.settle();
    const { deps } = app.app;
    const tenant = await deps.store.transaction((repos) => repos.tenants.findBySlug(workspaceSlug('slack', api.team.id)));
    const [panel] = await deps.store.transaction((repos) => repos.panels.listByTenant(tenant!.id));
    slackMembers = await deps.store.transaction((repos) => repos.members.listByPanel(panel!.id));
    const facilitator = slackMembers.find((m) => m.role === 'facilitator')!;
    const [identity] = await deps.store.transaction((repos) => repos.members.listIdentities(facilitator.id));
    const actor: Actor = await resolveActor(deps, { tenantId: tenant!.id, channel: 'slack', externalId: identity!.externalId });
    webOnly = [];
    for (const name of ['Web Een', 'Web Twee']) webOnly.push(await addMember(deps, actor, { displayName: name, role: 'expert', language: 'nl' }));
    await createPoll(deps, actor, { question: 'Is de wachtzaal rustig genoeg?', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });

  it('counts the notifications waiting for Slack, not those of members reached only on the web', async () => {
    expect(await app.runtime.flushOutbox()).toBe(0);
    const waitingForSlack = await undelivered(slackMembers);
    expect(waitingForSlack.length).toBeGreaterThan(0);
    expect((await undelivered(webOnly)).length).toBe(webOnly.length);
    expect(await metric('stemmen_outbox_depth')).toBe(waitingForSlack.length);
    expect(await metric('stemmen_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('is empty once Slack has everything, although the web-only members have not read theirs', async () => {
    const { deps } = app.app;
    const waiting = await undelivered(slackMembers);
    await deps.store.transaction(async (repos) => {
      for (const n of waiting) await repos.notifications.markDelivered(n.id, new Date());
    });
    expect((await undelivered(webOnly)).length).toBe(webOnly.length);
    expect(await metric('stemmen_outbox_depth')).toBe(0);
    expect(await metric('stemmen_outbox_oldest_age_seconds')).toBe(0);
  });
});
