import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  acceptParticipation,
  createPoll,
  listPolls,
  listWebIdentities,
  myBallot,
  myContributions,
  openIdeaRound,
  resolveActor,
  type Actor,
} from '../../src/core/index.js';
import { boardLinkMaker } from '../../src/web-ui/sign-in-link.js';
import { startApp } from '../e2e/helpers.js';

/** Real HTTP against the listening app: what the browser would send, and what it must not get away with. */
let app: App;
let base: string;
let dir: string;
let tenantId: string;
const ids = new Map<string, string>();
const cookies = new Map<string, string>();
let pollId: string;
let roundId: string;

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

async function actor(name: string): Promise<Actor> {
  return resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! });
}

function post(path: string, body: string, cookie: string | undefined, headers: Record<string, string> = {}) {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
}

function get(path: string, cookie?: string) {
  return fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

async function login(name: string): Promise<string> {
  const res = await post('/session', `tenant=${tenantId}&member=${ids.get(name)}`, undefined);
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  cookies.set(name, cookie);
  return cookie;
}

beforeAll(async () => {
  ({ app, base, dir } = await startApp());
  const [tenant] = await listWebIdentities(app.deps);
  tenantId = tenant!.tenantId;
  for (const m of tenant!.members) ids.set(m.displayName, m.id);
  for (const name of ['An', 'Bart', 'Chantal', 'Sofie (facilitator)', 'Peter (bestuur)']) await login(name);
  // The demo experts have not answered the privacy notice yet; these tests are about other things.
  for (const name of ['An', 'Bart', 'Chantal']) await acceptParticipation(app.deps, await actor(name));
  const sofie = await actor('Sofie (facilitator)');
  pollId = (await createPoll(app.deps, sofie, { question: 'Maandag of woensdag?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['Maandag', 'Woensdag'] })).id;
  roundId = (await openIdeaRound(app.deps, sofie, { question: 'Wat helpt jou?' })).id;
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('malformed requests', () => {
  it('answer 400 in the member\'s language and store nothing', async () => {
    const chantal = cookies.get('Chantal')!;
    const bodies = [
      `roundId=${roundId}&whatHappens=%E0%A4%A`, // broken percent-encoding
      `roundId=${roundId}&whatHappens=%C3%28`, // not UTF-8
      `roundId=${roundId}&whatHappens=ok&whatHappens=twice`, // a single field sent twice
      `whatHappens=no+round`, // missing field
    ];
    for (const body of bodies) {
      const res = await post('/contributions', body, chantal);
      expect(res.status, body).toBe(400);
      const page = decode(await res.text());
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain("Nous n'avons pas pu lire cette demande.");
    }
    const raw = await fetch(`${base}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: chantal },
      body: Buffer.from(`roundId=${roundId}&whatHappens=caf\u00e9`, 'latin1'),
    });
    expect(raw.status).toBe(400);
    const json = await post('/contributions', JSON.stringify({ roundId, whatHappens: 'x' }), chantal, { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    expect(await myContributions(app.deps, await actor('Chantal'))).toHaveLength(0);
  });

  it('rejects bad ids and unreadable paths with 400, unknown ids with 404', async () => {
    const an = cookies.get('An')!;
    const bad = await post('/polls/not*an*id/vote', 'optionIds=x', an);
    expect(bad.status).toBe(400);
    expect(decode(await bad.text())).toContain('We konden die aanvraag niet lezen.');
    expect((await get('/polls/%E0', an)).status).toBe(400);
    expect((await get('/panel/versions/cunknown000000000000000000', cookies.get('Sofie (facilitator)'))).status).toBe(404);
    const session = await post('/session', 'tenant=x', undefined, { 'accept-language': 'fr-BE,fr;q=0.9' });
    expect(session.status).toBe(400);
    expect(decode(await session.text())).toContain("Nous n'avons pas pu lire cette demande.");
  });

  it('re-renders a refused form with the message and the member\'s input, escaped', async () => {
    const res = await post('/contributions', `roundId=${roundId}&whatHappens=${'<b>'.repeat(700)}`, cookies.get('An'));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(decode(page)).toContain('"wat er gebeurt" is te lang: hoogstens 2000 tekens.');
    expect(page).toContain('&lt;b&gt;'.repeat(700));
    expect(page).not.toContain('<b><b>');
  });
});

describe('roles', () => {
  it('forbids what a role may not do (403, in the member\'s language) and changes nothing', async () => {
    const an = cookies.get('An')!;
    const before = (await listPolls(app.deps, await actor('An'))).length;
    const res = await post('/panel/polls', 'question=Hack&kind=single&anonymity=named&resultsVisibility=live&options=a%0Ab', an);
    expect(res.status).toBe(403);
    expect(decode(await res.text())).toContain('Met je rol in het panel kan je dit niet doen.');
    expect(await listPolls(app.deps, await actor('An'))).toHaveLength(before);
    expect((await get('/panel', an)).status).toBe(403);
    expect((await get('/board', an)).status).toBe(403);
    const chantalBoard = await get('/board', cookies.get('Chantal'));
    expect(chantalBoard.status).toBe(403);
    expect(decode(await chantalBoard.text())).toContain('Votre rôle dans le panel ne permet pas cette action.');

    const sofie = cookies.get('Sofie (facilitator)')!;
    expect((await get('/board', sofie)).status).toBe(200);
    expect((await post('/board/items', 'level=pillar&title=Nieuw', sofie)).status).toBe(403);
    expect((await get('/board/items/new', sofie)).status).toBe(403);
    expect((await post('/panel/rounds', 'question=Nee', cookies.get('Peter (bestuur)'))).status).toBe(403);
    expect((await get('/board', cookies.get('Peter (bestuur)'))).status).toBe(200);
  });
});

describe('cross-site posts', () => {
  it('are rejected before anything is read or stored', async () => {
    const bart = cookies.get('Bart')!;
    const option = `optionIds=${(await listPolls(app.deps, await actor('Bart')))[0]!.options[0]!.id}`;
    const attempts: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of attempts) {
      const res = await post(`/polls/${pollId}/vote`, option, bart, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain('kwam niet van een pagina van Stemmen');
    }
    expect(await myBallot(app.deps, await actor('Bart'), pollId)).toBeNull();
    expect((await post(`/polls/${pollId}/vote`, option, bart, { 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect(await myBallot(app.deps, await actor('Bart'), pollId)).not.toBeNull();
  });
});

describe('a closed poll', () => {
  it('refuses a vote with 409 and keeps the earlier answer', async () => {
    const an = cookies.get('An')!;
    const [monday, wednesday] = (await listPolls(app.deps, await actor('An'))).find((p) => p.id === pollId)!.options;
    expect((await post(`/polls/${pollId}/vote`, `optionIds=${monday!.id}`, an)).status).toBe(303);
    const sofie = cookies.get('Sofie (facilitator)');
    // The first post leads to the confirm step; nothing is closed until it is confirmed.
    expect((await post(`/panel/polls/${pollId}/close`, '', sofie)).headers.get('location')).toBe(`/confirm?what=close_poll&to=${encodeURIComponent(`/panel/polls/${pollId}/close`)}`);
    expect((await post(`/polls/${pollId}/vote`, `optionIds=${monday!.id}`, an)).status).toBe(303);
    expect((await post(`/panel/polls/${pollId}/close`, 'confirm=yes', sofie)).status).toBe(303);
    const res = await post(`/polls/${pollId}/vote`, `optionIds=${wednesday!.id}`, an);
    expect(res.status).toBe(409);
    expect(decode(await res.text())).toContain('Deze stemming is gesloten.');
    const ballot = await myBallot(app.deps, await actor('An'), pollId);
    expect(ballot?.choice).toEqual({ kind: 'options', optionIds: [monday!.id] });
  });
});

describe('the session cookie', () => {
  it('cannot be tampered with to act as someone else', async () => {
    const an = cookies.get('An')!;
    const ok = await get('/home', an);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<strong>An</strong>');

    const [name, value] = an.split('=') as [string, string];
    const [v, tenant, , signature] = value.split('.');
    const forged = [
      `${name}=${v}.${tenant}.${ids.get('Sofie (facilitator)')}.${signature}`, // someone else's id, An's signature
      `${name}=${value.slice(0, -2)}xx`, // a changed signature
      `${name}=${v}.${tenant}.${ids.get('An')}`, // no signature
      `${name}=garbage`,
    ];
    for (const cookie of forged) {
      const page = await get('/panel', cookie);
      expect(page.status, cookie).toBe(303);
      expect(page.headers.get('location')).toBe('/');
      expect(page.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      const form = await post('/panel/rounds', 'question=Forged', cookie);
      expect(form.status).toBe(401);
    }
    expect(an).toMatch(/^stemmen_session=v2\./);
  });

  it('is HttpOnly and SameSite=Strict', async () => {
    const res = await post('/session', `tenant=${tenantId}&member=${ids.get('Bart')}`, undefined);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await get('/home', cookies.get('Bart'))).headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('sign-in links on the local channel', () => {
  const linkTo = (name: string) => boardLinkMaker({ secret: app.deps.secret, publicUrl: base, clock: app.deps.clock })({ tenantId, memberId: ids.get(name)! });
  async function use(link: string): Promise<Response> {
    expect((await get(link.slice(base.length))).status).toBe(200);
    return post('/auth/link', `t=${new URL(link).searchParams.get('t')}`, undefined);
  }

  it('take a board member to the board and an expert to their own page', async () => {
    const board = await use(linkTo('Peter (bestuur)'));
    expect(board.status).toBe(303);
    expect(board.headers.get('location')).toBe('/board');
    const expert = await use(linkTo('Bart'));
    expect(expert.status).toBe(303);
    expect(expert.headers.get('location')).toBe('/home');
    const home = await get('/home', expert.headers.get('set-cookie')!.split(';')[0]);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Bart');
  });
});

describe('catalogs', () => {
  it('have the same web and board keys in nl, fr and en', () => {
    const keys = (o: Record<string, unknown>, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
    for (const ns of ['web', 'board']) {
      const [nl, fr, en] = ['nl', 'fr', 'en'].map((l) => keys(JSON.parse(readFileSync(`src/i18n/${l}/${ns}.json`, 'utf8'))).sort());
      expect(nl, ns).toEqual(en);
      expect(fr, ns).toEqual(en);
    }
    expect(readdirSync('src/i18n/fr')).toContain('board.json');
  });
});
