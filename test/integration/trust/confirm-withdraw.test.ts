// Withdrawing from a consent request cannot be undone: on the web it goes through the confirm page, and
// after "yes" it is done in that one step (no further navigation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import {
  acceptParticipation,
  currentPrivacyNotice,
  draftSummary,
  myConsentRequests,
  myContributions,
  openIdeaRound,
  participationStatus,
  submitContribution,
} from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { startWebZone, type WebZone } from '../../support/web-zone.js';

let z: WebZone;
let app: App;

beforeAll(async () => {
  z = await startWebZone(['Dirk', 'Els', 'Sofie (facilitator)']);
  app = z.app;
  const dirk = await z.actor('Dirk');
  await acceptParticipation(app.deps, dirk, { version: currentPrivacyNotice(app.deps, dirk.language).version });
  const round = await openIdeaRound(app.deps, await z.actor('Sofie (facilitator)'), { question: 'Wat helpt jou?' });
  await submitContribution(app.deps, dirk, { roundId: round.id, whatHappens: 'De bus komt maar één keer per uur.', attribution: 'named' });
  await draftSummary(app.deps, await z.actor('Sofie (facilitator)'), { roundId: round.id });
});

afterAll(async () => z?.close());

describe('withdrawing from a consent request on the web', () => {
  it('asks to confirm first, then withdraws in one step', async () => {
    const dirk = z.cookies.get('Dirk')!;
    const [review] = await myConsentRequests(app.deps, await z.actor('Dirk'));
    const requestId = review!.request.id;
    const home = await z.page('/home', dirk);
    expect(home).toContain(`formaction="/consent/${requestId}/withdraw"`);

    // The button posts to the withdrawal's own address: without "yes" it leads to the confirm page.
    const to = `/consent/${requestId}/withdraw`;
    const confirmUrl = `/confirm?what=withdraw_consent&to=${encodeURIComponent(to)}`;
    expect((await z.post(to, 'comment=', dirk)).headers.get('location')).toBe(confirmUrl);
    // The same when an older form posts decision=withdraw to the answer's address: never without a confirm.
    expect((await z.post(`/consent/${requestId}`, 'decision=withdraw', dirk)).headers.get('location')).toBe(confirmUrl);
    expect((await myContributions(app.deps, await z.actor('Dirk')))[0]!.status).toBe('live');

    const page = await z.page(confirmUrl, dirk);
    expect(page).toContain(t('nl', 'common:confirm.withdraw_consent.body'));
    expect(page).toContain(`<form method="post" action="${to}">`);
    expect(page).toContain(t('nl', 'common:confirm.withdraw_consent.yes'));

    const done = await z.post(to, 'confirm=yes', dirk);
    expect(done.headers.get('location')).toBe('/home?done=consent_withdraw');
    expect((await myContributions(app.deps, await z.actor('Dirk')))[0]!.status).toBe('withdrawn');
    expect(await myConsentRequests(app.deps, await z.actor('Dirk'))).toEqual([]);
  });
});

describe('withdrawing agreement on the web after the privacy text changed', () => {
  it('offers "stop taking part" beside "agree" without asking to agree again first', async () => {
    const els = await z.actor('Els');
    const pseudonym = (await app.deps.store.transaction((r) => r.members.findById(els.memberId)))!.pseudonym;
    await app.deps.store.transaction((repos) =>
      repos.consent.appendRecord({
        tenantId: els.tenantId, pseudonym, purpose: 'participation', objectType: 'privacy_notice',
        objectId: '2020-01.1', objectHash: 'old', textVersion: '2020-01.1', language: 'nl', decision: 'granted', channel: 'web',
      }),
    );
    expect((await participationStatus(app.deps, els)).state).toBe('outdated');
    const page = await z.page('/privacy', z.cookies.get('Els')!);
    expect(page).toContain('action="/privacy/accept"');
    expect(page).toContain('action="/privacy/withdraw"');
    expect((await z.post('/privacy/withdraw', 'confirm=yes', z.cookies.get('Els')!)).headers.get('location')).toBe('/privacy?done=withdrawn');
    expect((await participationStatus(app.deps, els)).state).toBe('withdrawn');
  });
});
