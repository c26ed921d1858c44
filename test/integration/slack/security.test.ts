import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPanelMembers, resolveActor } from '../../../src/core/index.js';
import { checkBlocks } from '../../support/slack-blockkit.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';

describe('Slack HTTP mode: signatures, retries and duplicates', () => {
  let t: SlackTestApp;

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UANNA', { name: 'Anna', locale: 'nl-BE' });
  });
  afterAll(async () => t?.close());

  it('answers a signed /panel with help in the member language, and enrols the member', async () => {
    const sent = t.slack.command('UANNA', '');
    const res = await sent;
    expect(res.status).toBe(200);
    await t.settle();
    const reply = t.api.last('response_url');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toBe('Wat je kunt doen met /panel');
    checkBlocks(reply.args.blocks, 'message');
    expect(t.api.of('users.info').map((c) => c.args.user)).toEqual(['UANNA']);
  });

  it('refuses forged, stale, future and unsigned requests with 401 before any handler runs', async () => {
    const before = t.api.calls.length;
    const now = Math.floor(Date.now() / 1000);
    const forged = await t.slack.command('UFORGE', 'help', { secret: 'not-the-signing-secret-at-all' });
    const stale = await t.slack.command('UFORGE', 'help', { timestamp: now - 6 * 60 });
    const future = await t.slack.command('UFORGE', 'help', { timestamp: now + 6 * 60 });
    const unsigned = await fetch(`http://127.0.0.1:${t.port}/slack/events`, { method: 'POST', body: 'command=%2Fpanel&user_id=UFORGE' });
    expect([forged.status, stale.status, future.status, unsigned.status]).toEqual([401, 401, 401, 401]);
    await t.settle();
    expect(t.api.calls.length).toBe(before);
    const tenantId = (await listPanelMembers(t.app.deps, await resolveActor(t.app.deps, { tenantId: await tenantOf(t), channel: 'slack', externalId: 'UANNA' }))).length;
    expect(tenantId).toBe(1); // nobody was enrolled by the forged requests
  });

  it('accepts a signature made within five minutes', async () => {
    const res = await t.slack.command('UANNA', 'help', { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(res.status).toBe(200);
    await t.settle();
  });

  it('answers the URL verification challenge (signed)', async () => {
    const res = await t.slack.raw(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }), 'application/json');
    expect(res.json).toEqual({ challenge: 'c-123' });
  });

  it('replies once to a DM even when Slack retries the event (X-Slack-Retry-Num) or redelivers it', async () => {
    const event = { type: 'message', channel_type: 'im', channel: 'DUANNA', user: 'UANNA', text: 'hallo', ts: '1700000001.000001', event_ts: '1700000001.000001' };
    const first = t.slack.event(event);
    await first;
    const retry = await t.slack.event(event, { eventId: first.eventId, retryNum: 1 });
    const again = await t.slack.event(event, { eventId: first.eventId, retryNum: 2 });
    expect([retry.status, again.status]).toEqual([200, 200]);
    await t.settle();
    const replies = t.api.of('chat.postMessage', (c) => c.args.channel === 'DUANNA');
    expect(replies).toHaveLength(1);
    checkBlocks(replies[0]!.args.blocks, 'message');
  });

  it('runs a redelivered command (same trigger) once', async () => {
    const before = t.api.of('response_url').length;
    const first = t.slack.command('UANNA', 'help', { triggerId: 'trig-same' });
    await first;
    await t.slack.command('UANNA', 'help', { triggerId: 'trig-same' });
    await t.settle();
    expect(t.api.of('response_url').length - before).toBe(1);
  });
});

async function tenantOf(t: SlackTestApp): Promise<string> {
  const tenant = await t.app.deps.store.transaction((repos) => repos.tenants.findBySlug(`slack-${t.api.team.id}`.toLowerCase()));
  return tenant!.id;
}
