// The projector's QR code without the web channel: a link into the chat app the zone uses (Slack's
// conversation with the app, a Teams chat with the bot), with the ids the platform itself gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { closePoll, createPoll, listWebIdentities, planMeeting, resolveActor, stepMeeting, type Actor } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { boardLinkMaker } from '../../src/web-ui/sign-in-link.js';
import { startSlackApp, type SlackTestApp } from '../support/slack-app.js';
import { SlackPerson } from '../support/slack-person.js';
import { APP_ID, startTeamsApp, teamsUser, type TeamsTestApp } from '../support/teams-client.js';
import { TeamsStandIn } from '../support/teams-standin.js';

const PUBLIC = 'https://stemmen.example.org';
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'");

/** Signs `who` in to the board pages of `app` at `base` through their personal link, as Slack or Teams hands it. */
async function boardSession(app: App, base: string, who: Actor): Promise<string> {
  const link = boardLinkMaker({ secret: app.deps.secret, publicUrl: PUBLIC, clock: app.deps.clock })(who).replace(PUBLIC, base);
  const res = await fetch(`${base}/auth/link`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' },
    body: `t=${new URL(link).searchParams.get('t')}`,
  });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A meeting with an open poll on the projector; returns the present page as the facilitator sees it. */
async function presentPage(app: App, base: string, fac: Actor, deadline?: Date) {
  const meeting = await planMeeting(app.deps, fac, { title: 'Sessie', scheduledAt: '2027-03-11T18:00:00Z', agenda: 'Vervoer' });
  const poll = await createPoll(app.deps, fac, { question: 'Wat eerst?', kind: 'single', options: ['Vervoer', 'Wachttijden'], meetingId: meeting.id, ...(deadline ? { deadline } : {}) });
  await stepMeeting(app.deps, fac, meeting.id, { pollId: poll.id });
  const cookie = await boardSession(app, base, fac);
  const read = async () => decode(await (await fetch(`${base}/board/meetings/${meeting.id}/present`, { headers: { cookie } })).text());
  return { read, close: () => closePoll(app.deps, fac, poll.id) };
}

describe('the projector links into Slack when the web channel is off', () => {
  let s: SlackTestApp;
  let now = new Date();
  beforeAll(async () => {
    s = await startSlackApp({ overrides: { clock: { now: () => now } } });
    s.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
  });
  afterAll(async () => s?.close());

  it('shows a QR code and link into the app in the zone’s workspace while the poll is open', async () => {
    await new SlackPerson(s, 'UFAC').command('help'); // the first member enrols the zone, as facilitator
    const [zone] = await listWebIdentities(s.app.deps);
    const fac = await resolveActor(s.app.deps, { tenantId: zone!.tenantId, channel: 'slack', externalId: 'UFAC' });
    const page = await presentPage(s.app, `http://127.0.0.1:${s.port}`, fac);

    const open = await page.read();
    const link = `https://slack.com/app_redirect?app=A0TEST&team=${s.api.team.id}`;
    expect(open).toContain(`<p><strong>${t('nl', 'meeting:voteIn.slack')}</strong></p>`);
    expect(open).toContain(`<a href="${link}">${link}</a>`);
    expect(open).toMatch(/<aside class="vote-here">[\s\S]*<svg role="img" aria-hidden="true" focusable="false" class="qr"/);
    expect(open).not.toContain('/v/');
    // The app's id came from Slack (the bot's record), once for the process.
    await page.read();
    expect(s.api.calls.filter((c) => c.method === 'bots.info').map((c) => c.args.bot)).toEqual(['BBOT']);

    await page.close();
    expect(await page.read()).not.toContain('app_redirect');
  });

  it('shows no link and says closed once the poll is past its deadline, before the scheduled close ran', async () => {
    await new SlackPerson(s, 'UFAC').command('help');
    const [zone] = await listWebIdentities(s.app.deps);
    const fac = await resolveActor(s.app.deps, { tenantId: zone!.tenantId, channel: 'slack', externalId: 'UFAC' });
    const page = await presentPage(s.app, `http://127.0.0.1:${s.port}`, fac, new Date(now.getTime() + 3_600_000));
    expect(await page.read()).toContain('app_redirect');

    now = new Date(now.getTime() + 2 * 3_600_000);
    const past = await page.read();
    expect(past).not.toContain('app_redirect');
    expect(past).not.toContain('class="vote-here"');
    expect(past).toContain(t('nl', 'meeting:closed'));
  });
});

describe('the projector links into Teams when the web channel is off', () => {
  let standIn: TeamsStandIn;
  let teams: TeamsTestApp;
  let local: TeamsTestApp;
  beforeAll(async () => {
    standIn = await TeamsStandIn.start();
    teams = await startTeamsApp(standIn);
    local = await startTeamsApp(standIn, { local: true });
  });
  afterAll(async () => {
    await teams?.app.close();
    await local?.app.close();
    await standIn?.close();
  });

  const enrol = async (t0: TeamsTestApp): Promise<Actor> => {
    const fien = teamsUser('Fien', 'nl-BE');
    await t0.client.post(t0.client.installed(fien));
    const [zone] = await listWebIdentities(t0.app.deps);
    return resolveActor(t0.app.deps, { tenantId: zone!.tenantId, channel: 'teams', externalId: fien.aadObjectId });
  };

  it('shows a QR code and link to a chat with the bot in the zone’s Microsoft 365 tenant', async () => {
    const fac = await enrol(teams);
    expect(fac.role).toBe('facilitator');
    const open = await (await presentPage(teams.app, teams.base, fac)).read();
    const link = `https://teams.microsoft.com/l/chat/0/0?users=28:${APP_ID}&tenantId=${standIn.tenantId.toLowerCase()}`;
    expect(open).toContain(`<p><strong>${t('nl', 'meeting:voteIn.teams')}</strong></p>`);
    expect(open).toContain(`<a href="${link}">${link}</a>`);
  });

  it('shows no link when the bot has no registered id (the local test mode)', async () => {
    const fac = await enrol(local);
    const open = await (await presentPage(local.app, local.base, fac)).read();
    expect(open).not.toContain('teams.microsoft.com');
    expect(open).not.toContain('class="vote-here"');
  });
});
