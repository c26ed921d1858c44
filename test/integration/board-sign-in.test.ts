import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { BOARD_LINK_PURPOSE, boardLinkMaker, mintSignInToken } from '../../src/web-ui/sign-in-link.js';
import { loadConfig } from '../../src/config.js';
import { enrolChannelMember, listWebIdentities, setMemberRole, type MemberRecord } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';

/**
 * Production shape: Slack or Teams, no local web channel (STEMMEN_WEB_CHANNEL=0). Board members reach the
 * board pages only through a personal, signed, single-use link; nobody can pick who they are.
 */
const PUBLIC = 'https://stemmen.example.org';
let app: App;
let base: string;
let dir: string;
let tenantId: string;
let members: MemberRecord[];
const logLines: string[] = [];
let linkFor: (who: { tenantId: string; memberId: string }) => string;

const member = (name: string) => members.find((m) => m.displayName.startsWith(name))!;
/** The link Slack or Teams would show this member, pointed at the server under test. */
const linkOf = (name: string) => linkFor({ tenantId, memberId: member(name).id }).replace(PUBLIC, base);
const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;

const get = (path: string, headers: Record<string, string> = {}) => fetch(path.startsWith('http') ? path : base + path, { redirect: 'manual', headers });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin', ...headers }, body });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

/** Opens the link, then presses the button on the page, as a board member does. */
async function signIn(link: string): Promise<string> {
  const page = await get(link);
  expect(page.status).toBe(200);
  expect(page.headers.get('set-cookie')).toBeNull(); // looking at the link changes nothing
  const res = await post('/auth/link', `t=${tokenOf(link)}`);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/board');
  return cookieOf(res);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stemmen-board-link-'));
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'x.db')}`,
      STEMMEN_DEMO: '1',
      STEMMEN_WEB_CHANNEL: '0',
      STEMMEN_PUBLIC_URL: PUBLIC,
      LOG_LEVEL: 'silent',
      STEMMEN_SECRET: 'board-link-secret-that-is-long-enough-42',
    }),
    { logger },
  );
  base = `http://127.0.0.1:${await app.listen()}`;
  const [tenant] = await listWebIdentities(app.deps);
  tenantId = tenant!.tenantId;
  members = tenant!.members;
  linkFor = boardLinkMaker({ secret: app.deps.secret, publicUrl: PUBLIC, clock: app.deps.clock });
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('without the local web channel', () => {
  it('offers no picker and no member pages, only a page that says how board members get in', async () => {
    const home = await get('/', { 'accept-language': 'en-GB,en;q=0.8' });
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain(t('en', 'web:signIn.needLink').replace(/'/g, '&#39;'));
    expect(page).not.toContain('action="/session"');
    expect(page).not.toContain('Peter');
    for (const path of ['/home', '/panel', '/privacy', '/me/data', '/support', '/contribute']) expect((await get(path)).status).toBe(404);
    expect((await post('/session', `tenant=${tenantId}&member=${member('Peter').id}`)).status).toBe(404);
    const css = await get('/assets/stemmen.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('refuses the board pages without a session, with a 401 that explains, in the browser\'s language', async () => {
    for (const path of ['/board', '/board/items/new']) {
      const res = await get(path, { 'accept-language': 'fr-BE,fr;q=0.9' });
      expect(res.status).toBe(401);
      const page = await res.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain(t('fr', 'web:signIn.needLink').replace(/'/g, '&#39;'));
    }
    expect((await post('/board/items', 'level=pillar&title=x')).status).toBe(401);
  });

  it('signs a board member in with a valid link and shows the board; the same link then refuses', async () => {
    const link = linkOf('Peter');
    expect(link).toMatch(new RegExp(`^${base}/auth/link\\?t=`));
    const look = await get(link);
    expect(look.status).toBe(200);
    expect(look.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(look.headers.get('cache-control')).toBe('no-store');
    const page = await look.text();
    expect(page).toContain('Peter (bestuur)');
    expect(page).toContain(`name="t" value="${tokenOf(link)}"`);

    const res = await post('/auth/link', `t=${tokenOf(link)}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/board');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^stemmen_session=v2\./);
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/']) expect(setCookie).toContain(flag);
    const cookie = cookieOf(res);

    const board = await get('/board', { cookie });
    expect(board.status).toBe(200);
    const html = await board.text();
    expect(html).toContain(t('nl', 'board:title'));
    expect(html).toContain('Peter (bestuur)');
    expect(html).toContain('action="/session/end"'); // sign out, not "pick someone else"
    expect(html).not.toContain('href="/home"');
    expect(html).not.toContain('href="/privacy"');

    // The board's forms work behind a proxy that ends TLS: the browser's origin is the public https address.
    const created = await post('/board/items', 'level=pillar&title=Vervoer', { cookie, origin: PUBLIC });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toMatch(/^\/board\/items\/[A-Za-z0-9_-]+\?done=item_created$/);
    expect((await post('/board/items', 'level=pillar&title=Vervoer', { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);

    // Used: the link page says so (410), and pressing the button again does not sign in.
    const again = await get(link);
    expect(again.status).toBe(410);
    const againPage = await again.text();
    expect(againPage).toContain(t('nl', 'web:signIn.used'));
    expect(againPage).toContain('href="/board"');
    const replay = await post('/auth/link', `t=${tokenOf(link)}`);
    expect(replay.status).toBe(410);
    expect(replay.headers.get('set-cookie')).toBeNull();

    // Signing out ends the session.
    const out = await post('/session/end', '', { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('refuses a tampered link (401) and an expired one (410), in the member\'s language when known', async () => {
    const token = tokenOf(linkOf('Anne'));
    const parts = token.split('.');
    parts[2] = member('Peter').id; // someone else's id under Anne's signature
    for (const bad of [parts.join('.'), `${token.slice(0, -2)}AA`, 'nonsense', '']) {
      const res = await get(`/auth/link?t=${encodeURIComponent(bad)}`, { 'accept-language': 'en' });
      expect(res.status).toBe(401);
      const page = await res.text();
      expect(page).toContain(t('en', 'web:signIn.invalid'));
      expect(page).not.toMatch(/at \S+ \(/);
      expect((await post('/auth/link', `t=${encodeURIComponent(bad)}`)).status).toBe(401);
    }
    expect((await get('/auth/link')).status).toBe(401);

    const expired = mintSignInToken({ secret: app.deps.secret, purpose: BOARD_LINK_PURPOSE, tenantId, memberId: member('Anne').id, now: new Date(Date.now() - 13 * 3600 * 1000) });
    const res = await get(`/auth/link?t=${expired}`, { 'accept-language': 'nl' });
    expect(res.status).toBe(410);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">'); // Anne reads French
    expect(page).toContain(t('fr', 'web:signIn.expired'));
    const pressed = await post('/auth/link', `t=${expired}`);
    expect(pressed.status).toBe(410);
    expect(pressed.headers.get('set-cookie')).toBeNull();

    // Signed with another secret, or for another purpose: not ours.
    const foreign = mintSignInToken({ secret: 'some-other-secret-that-is-long-enough-1', purpose: BOARD_LINK_PURPOSE, tenantId, memberId: member('Anne').id, now: new Date() });
    const otherPurpose = mintSignInToken({ secret: app.deps.secret, purpose: 'other', tenantId, memberId: member('Anne').id, now: new Date() });
    for (const bad of [foreign, otherPurpose]) expect((await get(`/auth/link?t=${bad}`)).status).toBe(401);
  });

  it('does not use a link up when the button is pressed from another site', async () => {
    const link = linkOf('Anne');
    const crossSite = await post('/auth/link', `t=${tokenOf(link)}`, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    const cookie = await signIn(link);
    const board = await get('/board', { cookie });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<html lang="fr">');
  });

  it('lets facilitators read the board, but opens no facilitator page', async () => {
    const cookie = await signIn(linkOf('Sofie'));
    expect((await get('/board', { cookie })).status).toBe(200);
    expect((await get('/panel', { cookie })).status).toBe(404);
    expect((await get('/home', { cookie })).status).toBe(404);
  });

  it('tells an expert what the board pages are for, in their language, and signs nobody in', async () => {
    const link = linkOf('Chantal');
    const res = await get(link);
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(t('fr', 'web:signIn.expert').replace(/'/g, '&#39;'));
    const pressed = await post('/auth/link', `t=${tokenOf(link)}`);
    expect(pressed.status).toBe(403);
    expect(pressed.headers.get('set-cookie')).toBeNull();
  });

  it('signs in a board member who joined from Slack (no web identity yet)', async () => {
    const joined = await enrolChannelMember(app.deps, { tenantId, channel: 'slack', externalId: 'UNEWBOARD', displayName: 'Bert from Slack', language: 'en' });
    // The demo zone has members, so a newcomer is an expert; a facilitator makes Bert a board member.
    expect(joined.role).toBe('expert');
    const sofie = member('Sofie');
    await setMemberRole(app.deps, { memberId: sofie.id, tenantId, panelId: sofie.panelId, role: 'facilitator', language: 'nl', displayName: sofie.displayName, channel: 'web' }, joined.memberId, 'board');
    const link = linkFor({ tenantId, memberId: joined.memberId }).replace(PUBLIC, base);
    const cookie = await signIn(link);
    const board = await get('/board', { cookie });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('Bert from Slack');
  });

  it('logs ids and codes, never the token', async () => {
    const logged = logLines.join('');
    expect(logged).toContain('link_signed_in');
    expect(logged).toContain('link_used');
    expect(logged).toContain('link_expired');
    expect(logged).toContain('link_bad_signature');
    expect(logged).toContain(member('Peter').id);
    expect(logged).not.toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[0-9a-z]+\./);
    expect(logged).not.toContain('Peter (bestuur)');
  });
});
