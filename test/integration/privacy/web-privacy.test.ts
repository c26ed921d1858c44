import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { listWebIdentities, myContributions, openIdeaRound, resolveActor, type Actor } from '../../../src/core/index.js';
import { startApp } from '../../e2e/helpers.js';

/** The privacy pages of the local web channel over real HTTP, as a browser would use them. */
let app: App;
let base: string;
let dir: string;
let tenantId: string;
let roundId: string;
const ids = new Map<string, string>();
const cookies = new Map<string, string>();

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const post = (path: string, body: string, cookie?: string) =>
  fetch(base + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}) }, body });
const get = (path: string, cookie?: string) => fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const actor = (name: string): Promise<Actor> => resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! });

beforeAll(async () => {
  ({ app, base, dir } = await startApp());
  const [tenant] = await listWebIdentities(app.deps);
  tenantId = tenant!.tenantId;
  for (const m of tenant!.members) ids.set(m.displayName, m.id);
  for (const name of ['Dirk', 'Sofie (facilitator)', 'Peter (bestuur)']) {
    const res = await post('/session', `tenant=${tenantId}&member=${ids.get(name)}`);
    cookies.set(name, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  roundId = (await openIdeaRound(app.deps, await actor('Sofie (facilitator)'), { question: 'Wat helpt jou?' })).id;
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('privacy in the web channel', () => {
  it('asks for the privacy notice first, then guards the text with "rephrase" or "let the bot redact"', async () => {
    const dirk = cookies.get('Dirk')!;
    expect(decode(await (await get('/home', dirk)).text())).toContain('Voor je meedoet: lees de privacytekst.');
    const refused = await post('/contributions', `roundId=${roundId}&idea=Meer+bussen`, dirk);
    expect(refused.status).toBe(403);
    expect(decode(await refused.text())).toContain('Lees eerst de privacytekst');

    const notice = decode(await (await get('/privacy', dirk)).text());
    expect(notice).toContain('Wat we bewaren');
    const version = /name="version" value="([^"]+)"/.exec(notice)![1]!;
    const accepted = await post('/privacy/accept', `version=${encodeURIComponent(version)}`, dirk);
    expect(accepted.headers.get('location')).toBe('/home?done=privacy_accepted');
    expect(decode(await (await get('/home', dirk)).text())).not.toContain('Voor je meedoet');

    const text = encodeURIComponent('Bel mijn buurman Jef op 0470 12 34 56, hij heeft kanker.');
    const found = await post('/contributions', `roundId=${roundId}&whatHappens=${text}&attribution=named`, dirk);
    expect(found.status).toBe(422);
    const page = decode(await found.text());
    expect(page).toContain('een telefoonnummer');
    expect(page).toContain('<mark>0470 12 34 56</mark>');
    expect(page).toContain('name="redact" value="1"');
    expect(await myContributions(app.deps, await actor('Dirk'))).toHaveLength(0);

    const redacted = await post('/contributions', `roundId=${roundId}&whatHappens=${text}&attribution=named&redact=1`, dirk);
    expect(redacted.status).toBe(303);
    const [stored] = await myContributions(app.deps, await actor('Dirk'));
    expect(stored!.whatHappens).toBe('Bel mijn buurman [naam verwijderd] op [telefoonnummer verwijderd], hij heeft kanker.');
  });

  it('gives the member their data as JSON and lets them withdraw everything', async () => {
    const dirk = cookies.get('Dirk')!;
    const res = await get('/me/data.json', dirk);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const data = (await res.json()) as { contributions: unknown[]; member: { displayName: string } };
    expect(data.member.displayName).toBe('Dirk');
    expect(data.contributions).toHaveLength(1);
    // Beside the file: a page to read and print, in Dirk's language, without internal ids.
    const readable = await get('/me/data/read', dirk);
    expect(readable.status).toBe(200);
    const page = decode(await readable.text());
    const [mine] = await myContributions(app.deps, await actor('Dirk'));
    expect(page).toContain(mine!.whatHappens.slice(0, 30));
    expect(page).not.toContain(mine!.id);
    expect(page).toContain((await actor('Dirk')).language === 'nl' ? 'Wat je schreef (1)' : 'What you wrote (1)');
    expect((await post('/me/withdraw-all', '', dirk)).headers.get('location')).toBe(`/confirm?what=withdraw_all&to=${encodeURIComponent('/me/withdraw-all')}`);
    expect((await myContributions(app.deps, await actor('Dirk')))[0]!.status).toBe('live');
    expect((await post('/me/withdraw-all', 'confirm=yes', dirk)).headers.get('location')).toBe('/me/data?done=withdrawn_all');
    expect((await myContributions(app.deps, await actor('Dirk')))[0]!.status).toBe('withdrawn');
  });

  it('sends "I need support" to the facilitator only', async () => {
    const dirk = cookies.get('Dirk')!;
    expect((await post('/support', '', dirk)).headers.get('location')).toBe('/support?done=support_requested');
    expect(decode(await (await get('/panel', cookies.get('Sofie (facilitator)'))).text())).toContain('Dirk vroeg om steun');
    const board = decode(await (await get('/board', cookies.get('Peter (bestuur)'))).text());
    expect(board).not.toContain('steun');
    expect((await post('/support', '', cookies.get('Peter (bestuur)'))).status).toBe(403);
  });

  it('erases everything after an explicit confirmation, and the session ends', async () => {
    const dirk = cookies.get('Dirk')!;
    expect((await post('/me/erase', '', dirk)).status).toBe(400);
    const erased = await post('/me/erase', 'confirm=yes', dirk);
    expect(erased.headers.get('location')).toBe('/erased?lang=nl');
    expect(decode(await (await get('/erased?lang=nl')).text())).toContain('Je gegevens zijn gewist');
    expect((await get('/home', dirk)).headers.get('location')).toBe('/');
    expect((await listWebIdentities(app.deps))[0]!.members.some((m) => m.displayName === 'Dirk')).toBe(false);
  });
});
