import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/channels/slack/install.js';
import { createPrismaClient, type Db } from '../../../src/store/client.js';
import { openSealed } from '../../../src/store/slack-installations.js';
import { makeSqliteUrl } from '../../setup/databases.js';
import { SIGNING_SECRET, startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { SlackSender } from '../../support/slack-requests.js';

const ENCRYPTION_KEY = 'slack-oauth-test-encryption-key-0123456789';

describe('Slack multi-workspace OAuth install (one zone per workspace, tokens sealed at rest)', () => {
  let t: SlackTestApp;
  let db: Db;
  let oost: SlackSender;

  beforeAll(async () => {
    const url = await makeSqliteUrl();
    t = await startSlackApp({
      databaseUrl: url,
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: '123.456',
        SLACK_CLIENT_SECRET: 'client-secret-value',
        SLACK_STATE_SECRET: 'state-secret-0123456789',
        STEMMEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
      },
    });
    t.api.oauthTeam = { id: 'T0OTHER', name: 'Zone Oost' };
    db = createPrismaClient(url);
    oost = new SlackSender(t.slack.url, SIGNING_SECRET, { id: 'T0OTHER', domain: 'zone-oost' }, t.api.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('asks for exactly the scopes and events the manifest declares', () => {
    const manifest = readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8');
    const listAfter = (key: string) => {
      const lines = manifest.split('\n');
      const start = lines.findIndex((l) => l.trim() === `${key}:`);
      const out: string[] = [];
      for (const line of lines.slice(start + 1)) {
        const m = /^\s*- ([\w.:]+)/.exec(line);
        if (m) out.push(m[1]!);
        else if (!/^\s*#/.test(line)) break;
      }
      return out;
    };
    expect(listAfter('bot').sort()).toEqual([...BOT_SCOPES].sort());
    expect(listAfter('bot_events')).toEqual(['app_home_opened', 'message.im', 'app_uninstalled', 'tokens_revoked', 'user_change']);
  });

  it('installs through Slack OAuth and stores the installation sealed', async () => {
    const base = `http://127.0.0.1:${t.port}`;
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write,im:history,im:write,users:read');
    expect(location.searchParams.get('redirect_uri')).toBe('https://stemmen.example.org/slack/oauth_redirect');
    const state = location.searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const forged = await fetch(`${base}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`);
    expect(forged.status).not.toBe(200); // no state cookie: refused, nothing stored
    expect(await db.slackInstallation.count()).toBe(0);

    const done = await fetch(`${base}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(t.api.last('oauth.v2.access').args.code).toBe('abc');

    const rows = await db.slackInstallation.findMany();
    expect(rows.map((r) => r.installKey)).toEqual(['T0OTHER']);
    expect(rows[0]!.sealed).not.toContain('xoxb-installed');
    const opened = openSealed(ENCRYPTION_KEY, 'T0OTHER', rows[0]!.sealed) as { bot: { token: string } };
    expect(opened.bot.token).toBe('xoxb-installed-T0OTHER');
    expect(() => openSealed(ENCRYPTION_KEY, 'T0SOMEONE', rows[0]!.sealed)).toThrow(); // bound to its workspace
    const tenant = await db.tenant.findUnique({ where: { slug: 'slack-t0other' } });
    expect(rows[0]!.tenantId).toBe(tenant?.id);
    // The installer, not whoever writes first, runs the new zone.
    const installer = await db.channelIdentity.findFirst({ where: { tenantId: tenant?.id, channel: 'slack', externalId: 'UINSTALLER' } });
    const member = installer ? await db.member.findUnique({ where: { id: installer.memberId } }) : null;
    expect(member?.role).toBe('facilitator');
  });

  it("serves the installed workspace with that workspace's own token", async () => {
    t.api.users.set('UOOST', { name: 'Omar', locale: 'en-US' });
    const res = await oost.command('UOOST', 'help');
    expect(res.status).toBe(200);
    await t.settle();
    expect(t.api.last('users.info').token).toBe('xoxb-installed-T0OTHER');
    expect(t.api.last('response_url').args.text).toBe('What you can do with /panel');
  });

  it('forgets the installation when the app is uninstalled, and then serves nothing there', async () => {
    await oost.event({ type: 'app_uninstalled' });
    await t.settle();
    expect(await db.slackInstallation.count()).toBe(0);
    const before = t.api.calls.length;
    await oost.command('UOOST', 'help');
    await t.settle();
    expect(t.api.calls.length).toBe(before);
  });
});
