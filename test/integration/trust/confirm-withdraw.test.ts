// Withdrawing from a consent request cannot be undone: on the web it goes through the confirm page, and
// after "yes" it is done in that one step (no further navigation).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import {
  acceptParticipation,
  currentPrivacyNotice,
  draftSummary,
  listWebIdentities,
  myConsentRequests,
  myContributions,
  openIdeaRound,
  participationStatus,
  resolveActor,
  submitContribution,
  type Actor,
} from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { startApp } from '../../e2e/helpers.js';

let app: App;
let base: string;
let dir: string;
let tenantId: string;
const ids = new Map<string, string>();
const cookies = new Map<string, string>();

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const post = (path: string, body: string, cookie: string) =>
  fetch(base + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie }, body });
const get = (path: string, cookie: string) => fetch(base + path, { redirect: 'manual', headers: { cookie } });
const actor = (name: string): Promise<Actor> => resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! });

beforeAll(async () => {
  ({ app, base, dir } = await startApp());
  const [tenant] = await listWebIdentities(app.deps);
  tenantId = tenant!.tenantId;
  for (const m of tenant!.members) ids.set(m.displayName, m.id);
  for (const name of ['Dirk', 'Els', 'Sofie (facilitator)']) {
    const res = await post('/session', `tenant=${tenantId}&member=${ids.get(name)}`, '');
    cookies.set(name, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  const dirk = await actor('Dirk');
  await acceptParticipation(app.deps, dirk, { version: currentPrivacyNotice(app.deps, dirk.language).version });
  const round = await openIdeaRound(app.deps, await actor('Sofie (facilitator)'), { question: 'Wat helpt jou?' });
  await submitContribution(app.deps, dirk, { roundId: round.id, whatHappens: 'De bus komt maar één keer per uur.', attribution: 'named' });
  await draftSummary(app.deps, await actor('Sofie (facilitator)'), { roundId: round.id });
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('withdrawing from a consent request on the web', () => {
  it('asks to confirm first, then withdraws in one step', async () => {
    const dirk = cookies.get('Dirk')!;
    const [review] = await myConsentRequests(app.deps, await actor('Dirk'));
    const requestId = review!.request.id;
    const home = decode(await (await get('/home', dirk)).text());
    expect(home).toContain(`formaction="/consent/${requestId}/withdraw"`);

    // The button posts to the withdrawal's own address: without "yes" it leads to the confirm page.
    const to = `/consent/${requestId}/withdraw`;
    const confirmUrl = `/confirm?what=withdraw_consent&to=${encodeURIComponent(to)}`;
    expect((await post(to, 'comment=', dirk)).headers.get('location')).toBe(confirmUrl);
    // The same when an older form posts decision=withdraw to the answer's address: never without a confirm.
    expect((await post(`/consent/${requestId}`, 'decision=withdraw', dirk)).headers.get('location')).toBe(confirmUrl);
    expect((await myContributions(app.deps, await actor('Dirk')))[0]!.status).toBe('live');

    const page = decode(await (await get(confirmUrl, dirk)).text());
    expect(page).toContain(t('nl', 'common:confirm.withdraw_consent.body'));
    expect(page).toContain(`<form method="post" action="${to}">`);
    expect(page).toContain(t('nl', 'common:confirm.withdraw_consent.yes'));

    const done = await post(to, 'confirm=yes', dirk);
    expect(done.headers.get('location')).toBe('/home?done=consent_withdraw');
    expect((await myContributions(app.deps, await actor('Dirk')))[0]!.status).toBe('withdrawn');
    expect(await myConsentRequests(app.deps, await actor('Dirk'))).toEqual([]);
  });
});

describe('withdrawing agreement on the web after the privacy text changed', () => {
  it('offers "stop taking part" beside "agree" without asking to agree again first', async () => {
    const els = await actor('Els');
    const pseudonym = (await app.deps.store.transaction((r) => r.members.findById(els.memberId)))!.pseudonym;
    await app.deps.store.transaction((repos) =>
      repos.consent.appendRecord({
        tenantId: els.tenantId, pseudonym, purpose: 'participation', objectType: 'privacy_notice',
        objectId: '2020-01.1', objectHash: 'old', textVersion: '2020-01.1', language: 'nl', decision: 'granted', channel: 'web',
      }),
    );
    expect((await participationStatus(app.deps, els)).state).toBe('outdated');
    const page = decode(await (await get('/privacy', cookies.get('Els')!)).text());
    expect(page).toContain('action="/privacy/accept"');
    expect(page).toContain('action="/privacy/withdraw"');
    expect((await post('/privacy/withdraw', 'confirm=yes', cookies.get('Els')!)).headers.get('location')).toBe('/privacy?done=withdrawn');
    expect((await participationStatus(app.deps, els)).state).toBe('withdrawn');
  });
});
