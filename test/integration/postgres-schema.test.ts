import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, createPoll, resolveActor } from '../../src/core/index.js';
import { actorOf } from '../../src/core/use-cases/members.js';
import { workspaceSlug } from '../../src/core/use-cases/channels.js';
import { participationRecord, privacyNotice } from '../../src/core/privacy/notice.js';
import { makePostgresUrl, testPostgresUrl } from '../setup/databases.js';
import { startSlackApi, type SlackApiStandIn } from '../support/slack-api.js';
import { startSlackApp, type SlackTestApp } from '../support/slack-app.js';
import { jobLockFor, jobsLockKey } from '../../src/store/job-lock.js';

/**
 * A PostgreSQL URL with `?schema=` (a shared server where the app gets a schema of its own, not `public`):
 * migrations, Prisma's queries and the raw SQL (outbox claims, bulk ballots, insert-or-ignore, the zone
 * lock, the readiness probe) all work in that schema, and nothing lands in `public`.
 */
describe.runIf(Boolean(testPostgresUrl()))('a PostgreSQL URL with ?schema=', () => {
  const SCHEMA = 'zone_app';
  const users = ['U001', 'U002', 'U003', 'U004'];
  let api: SlackApiStandIn;
  let app: SlackTestApp;
  let admin: pg.Client;
  let databaseUrl: URL;

  beforeAll(async () => {
    const url = new URL(await makePostgresUrl());
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    url.searchParams.set('schema', SCHEMA);
    databaseUrl = url;
    api = await startSlackApi();
    for (const id of users) api.users.set(id, { name: `Lid ${id}`, locale: 'nl-BE' });
    app = await startSlackApp({ databaseUrl: url.toString(), api });
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
    await admin?.end();
  });

  const tablesIn = async (schema: string) =>
    (await admin.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows.map((r) => r.table_name);

  it('migrates into the schema and leaves public empty', async () => {
    expect(await tablesIn(SCHEMA)).toEqual(expect.arrayContaining(['_prisma_migrations', 'Tenant', 'Ballot', 'Notification']));
    expect(await tablesIn('public')).toEqual([]);
  });

  it('is ready: the readiness probe finds the applied migrations in the schema', async () => {
    expect(await app.app.ready()).toEqual({ ready: true });
  });

  it('runs a zone: first use, a poll delivered through the outbox, ballots stored together', async () => {
    const sent = await Promise.all(users.map((id) => app.slack.command(id, 'help')));
    expect(sent.map((s) => s.status)).toEqual(users.map(() => 200));
    await app.settle();
    const { deps } = app.app;
    const tenant = await deps.store.transaction((repos) => repos.tenants.findBySlug(workspaceSlug('slack', api.team.id)));
    const [panel] = await deps.store.transaction((repos) => repos.panels.listByTenant(tenant!.id));
    const members = await deps.store.transaction((repos) => repos.members.listByPanel(panel!.id));
    expect(members.filter((m) => m.role === 'facilitator')).toHaveLength(1);

    const facilitator = members.find((m) => m.role === 'facilitator')!;
    const [identity] = await deps.store.transaction((repos) => repos.members.listIdentities(facilitator.id));
    const actor = await resolveActor(deps, { tenantId: tenant!.id, channel: 'slack', externalId: identity!.externalId });
    const poll = await createPoll(deps, actor, { question: 'Is de wachtzaal rustig genoeg?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['ja', 'nee'] });
    const before = api.of('chat.postMessage').length;
    await app.runtime.flushOutbox();
    await app.settle();
    expect(api.of('chat.postMessage').length - before).toBeGreaterThanOrEqual(users.length - 1);
    expect(await deps.store.transaction((repos) => repos.notifications.listUndelivered(members.map((m) => m.id), 100))).toEqual([]);

    // Votes that arrive together are written by one multi-row INSERT (raw SQL). Voters have accepted the
    // privacy text, as they must before a vote counts.
    const notice = privacyNotice('nl');
    await deps.store.transaction(async (repos) => {
      for (const m of members) await repos.consent.appendRecord(participationRecord(m, notice, 'granted', 'slack'));
    });
    const batched = { ...deps, batchBallots: true };
    const experts = members.filter((m) => m.role === 'expert');
    expect(experts).toHaveLength(users.length - 1);
    await Promise.all(experts.map((m, i) => castBallot(batched, actorOf(m, 'slack'), poll.id, { optionIds: [poll.options[i % 2]!.id] })));
    const stored = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${SCHEMA}"."Ballot" WHERE "pollId" = $1`, [poll.id]);
    expect(Number(stored.rows[0]!.n)).toBe(experts.length);
    expect(await tablesIn('public')).toEqual([]);
  });

  it('runs the scheduled jobs under a lock of its own: a deployment in another schema is not held up by it', async () => {
    const other = new URL(databaseUrl);
    other.searchParams.set('schema', 'zone_other');
    const plain = new URL(databaseUrl);
    plain.searchParams.delete('schema');
    expect(jobsLockKey(databaseUrl.toString())).not.toEqual(jobsLockKey(other.toString()));
    expect(jobsLockKey(plain.toString())).toEqual(jobsLockKey(`${plain.toString()}?schema=public`));

    const lock = jobLockFor(databaseUrl.toString())!;
    const inner = await lock(async () => ({
      sameSchema: await lock(async () => 'ran'),
      otherSchema: await jobLockFor(other.toString())!(async () => 'ran'),
    }));
    expect(inner).toEqual({ ran: true, value: { sameSchema: { ran: false }, otherSchema: { ran: true, value: 'ran' } } });
  });
});
