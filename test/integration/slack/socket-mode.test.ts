import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlashCommand } from '@slack/bolt';
import { startSlackApi, type SlackApiStandIn } from '../../support/slack-api.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { checkBlocks } from '../../support/slack-blockkit.js';
import { SocketModeStandIn } from '../../support/slack-socket.js';

describe('Slack in Socket Mode (SLACK_APP_TOKEN set: no public URL)', () => {
  let api: SlackApiStandIn;
  let socket: SocketModeStandIn;
  let t: SlackTestApp;

  beforeAll(async () => {
    api = await startSlackApi();
    socket = new SocketModeStandIn(api);
    api.users.set('UBRUNO', { name: 'Bruno', locale: 'fr-BE' });
    t = await startSlackApp({ api, env: { SLACK_APP_TOKEN: 'xapp-1-A0TEST-1-test', SLACK_SIGNING_SECRET: '' } });
    await socket.connected();
  });
  afterAll(async () => {
    await t?.close();
    socket?.close();
    await api?.close();
  });

  it('connects with the app-level token and serves no HTTP endpoint', async () => {
    const open = api.last('apps.connections.open');
    expect(open.token).toBe('xapp-1-A0TEST-1-test');
    const res = await fetch(`http://127.0.0.1:${t.port}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('acknowledges a slash command over the socket and answers in the member language', async () => {
    const command: SlashCommand = {
      token: 'x',
      command: '/panel',
      text: 'aide',
      response_url: `${api.url}/respond/socket-1`,
      trigger_id: 'trig-socket-1',
      user_id: 'UBRUNO',
      user_name: 'bruno',
      team_id: api.team.id,
      team_domain: 'zone-test',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      api_app_id: 'A0TEST',
    };
    const ack = await socket.deliver('slash_commands', command);
    expect(ack).toEqual({});
    await t.settle();
    const reply = api.last('response_url');
    expect(reply.args.text).toBe('Ce que vous pouvez faire avec /panel');
    checkBlocks(reply.args.blocks, 'message');
  });

  it('replies once to an event that is redelivered (same envelope) or retried (same event id)', async () => {
    const envelope = {
      token: 'x',
      team_id: api.team.id,
      api_app_id: 'A0TEST',
      type: 'event_callback',
      event_id: 'EvSOCKET1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'DUBRUNO', user: 'UBRUNO', text: 'bonjour', ts: '1.000001', event_ts: '1.000001' },
      authorizations: [{ team_id: api.team.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    };
    await socket.deliver('events_api', envelope, { envelopeId: 'env-1' });
    await socket.deliver('events_api', envelope, { envelopeId: 'env-1', retryAttempt: 1 });
    await socket.deliver('events_api', envelope, { envelopeId: 'env-2', retryAttempt: 2 });
    await t.settle();
    expect(api.of('chat.postMessage', (c) => c.args.channel === 'DUBRUNO')).toHaveLength(1);
  });
});
