import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWebIdentities } from '../../../src/core/index.js';
import { loadConfig } from '../../../src/config.js';
import { makeKeySet } from '../../support/teams-keys.js';
import { APP_ID, cardText, CHANNEL_ID, personalChat, startTeamsApp, teamsUser, type TeamsTestApp } from '../../support/teams-client.js';
import { t as tr } from '../../../src/i18n/index.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

/** Who got into the app: every member of every zone (a rejected request must leave none behind). */
async function memberNames(t: TeamsTestApp): Promise<string[]> {
  return (await listWebIdentities(t.app.deps)).flatMap((z) => z.members.map((m) => m.displayName));
}

describe('Teams authentication with the SDK middleware and a locally made key set', () => {
  let standIn: TeamsStandIn;
  let t: TeamsTestApp;

  beforeAll(async () => {
    standIn = await TeamsStandIn.start();
    t = await startTeamsApp(standIn);
  });
  afterAll(async () => {
    await t?.app.close();
    await standIn?.close();
  });

  it('accepts a valid token, answers, and signs its reply with the bot’s own token', async () => {
    const fien = teamsUser('Fien', 'nl-BE');
    const res = await t.client.post(t.client.message(fien, 'hulp'));
    expect(res.status).toBe(200);
    const reply = await standIn.waitFor((r) => r.conversationId === personalChat(fien));
    expect(reply.authorization).toMatch(/^Bearer bot-token-\d+$/);
    expect(cardText(reply.body)).toContain('Wat kan ik hier doen?');
  });

  it('rejects a missing header, an expired token, a wrong audience, a wrong issuer or a foreign key with 401', async () => {
    const intruder = teamsUser('Intruder', 'en-US');
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string | null, RegExp][] = [
      ['missing header', null, /header not found/],
      ['expired', standIn.token(APP_ID, { exp: now - 3600, nbf: now - 7200, iat: now - 7200 }), /expired/],
      ['wrong audience', standIn.token('9b1f6a1e-0000-4000-8000-000000000000'), /Audience/],
      ['wrong issuer', standIn.token(APP_ID, { iss: `${standIn.url}/11111111-2222-4333-8444-555555555555/v2.0` }), /Issuer/],
      ['unknown signing key', standIn.token(APP_ID, {}, makeKeySet()), /signing key/],
      ['not a bearer token', 'Basic abc', /invalid authorization header/],
    ];
    for (const [name, token, reason] of cases) {
      const res = await fetch(`${t.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: token.startsWith('Basic') ? token : `Bearer ${token}` } : {}) },
        body: JSON.stringify(t.client.message(intruder, 'help')),
      });
      expect(res.status, name).toBe(401);
      expect(await res.text(), name).toMatch(reason);
    }
    // Nothing reached a handler: nobody was enrolled and nothing was sent to the intruder's chat.
    const fien = teamsUser('Marker', 'en-US');
    await t.client.say(fien, 'help');
    expect(await memberNames(t)).not.toContain('Intruder');
    expect(standIn.sent.some((r) => r.conversationId === personalChat(intruder))).toBe(false);
  });

  it('refuses an activity whose serviceUrl is not the one in the token (replies cannot be redirected)', async () => {
    const user = teamsUser('Redirect', 'en-US');
    const activity = { ...t.client.message(user, 'help'), serviceUrl: 'http://localhost:9/' };
    const res = await t.client.post(activity);
    expect(res.status).toBe(400);
    expect(await memberNames(t)).not.toContain('Redirect');
  });

  it('answers unreadable bodies with 400 and no stack trace', async () => {
    const res = await fetch(`${t.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${standIn.token(APP_ID)}` },
      body: '{"type": "message", ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('Teams local mode (TEAMS_LOCAL=1, no credentials)', () => {
  let standIn: TeamsStandIn;
  let t: TeamsTestApp;

  beforeAll(async () => {
    standIn = await TeamsStandIn.start();
    t = await startTeamsApp(standIn, { local: true });
  });
  afterAll(async () => {
    await t?.app.close();
    await standIn?.close();
  });

  const local = teamsUser('Local', 'fr-BE');

  it('works without a token for a serviceUrl on this machine, and sends unsigned', async () => {
    const card = await t.client.say(local, 'aide');
    expect(cardText(card)).toContain('Que puis-je faire ici ?');
    expect(standIn.sent.at(-1)?.authorization).toBeNull();
  });

  it('sends proactive 1:1 messages in local mode too', async () => {
    const other = teamsUser('Other', 'en-US');
    await t.client.say(other, 'home');
    await t.client.press(local, 'poll.create', { question: 'Local poll?', kind: 'scale', anonymity: 'anonymous', resultsVisibility: 'live' });
    const delivered = await standIn.waitFor((r) => r.conversationId === personalChat(other) && cardText(r.body).includes('Local poll?'));
    expect(delivered.authorization).toBeNull();
  });

  it('asks for a personal chat when a private answer is due in a channel (it cannot open one unsigned)', async () => {
    const card = await t.client.post(t.client.message(local, 'accueil', 'channel'));
    expect(card.status).toBe(200);
    const note = await standIn.waitFor((r) => r.conversationId === CHANNEL_ID);
    expect(note.body.text).toBe(tr('fr', 'teams:channel.writePrivately'));
  });

  it('refuses a serviceUrl elsewhere, so unsigned requests cannot make it call out', async () => {
    const user = teamsUser('Elsewhere', 'en-US');
    const res = await t.client.post({ ...t.client.message(user, 'help'), serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(res.status).toBe(400);
  });

  it('is refused by the configuration in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', STEMMEN_SECRET: 'x'.repeat(40), TEAMS_LOCAL: '1' })).toThrow(/TEAMS_LOCAL/);
  });
});
