// The web ballot form asks, with a reason, whether the member's name may go with it: two choices, neither
// ticked. A reason without the choice comes back with the message and what was typed; the board reads the
// name only where the member chose so.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { acceptParticipation, createPoll, currentPrivacyNotice, DomainError, listWebIdentities, resolveActor, type Actor } from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { startApp } from '../../e2e/helpers.js';

let app: App;
let base: string;
let dir: string;
let tenantId: string;
let pollId: string;
const ids = new Map<string, string>();
const cookies = new Map<string, string>();

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const post = (path: string, body: string, cookie: string) =>
  fetch(base + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie }, body });
const get = async (path: string, cookie: string) => decode(await (await fetch(base + path, { redirect: 'manual', headers: { cookie } })).text());
const actor = (name: string): Promise<Actor> => resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! });

beforeAll(async () => {
  ({ app, base, dir } = await startApp());
  const [tenant] = await listWebIdentities(app.deps);
  tenantId = tenant!.tenantId;
  for (const m of tenant!.members) ids.set(m.displayName, m.id);
  for (const name of ['Dirk', 'Peter (bestuur)']) {
    const res = await post('/session', `tenant=${tenantId}&member=${ids.get(name)}`, '');
    cookies.set(name, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  const dirk = await actor('Dirk');
  await acceptParticipation(app.deps, dirk, { version: currentPrivacyNotice(app.deps, dirk.language).version });
  const sofie = await resolveActor(app.deps, { tenantId, channel: 'web', externalId: [...ids].find(([n]) => n.startsWith('Sofie'))![1] });
  pollId = (await createPoll(app.deps, sofie, { question: 'Starten we de pendeldienst?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' })).id;
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the name with an objection reason, on the web', () => {
  it('asks with no answer ticked, refuses a reason without it (keeping the text), and shows the name only when chosen', async () => {
    const dirk = cookies.get('Dirk')!;
    const form = await get('/home', dirk);
    const radios = [...form.matchAll(/<input type="radio" id="poll-[^"]+-ra-(named|anonymous)" name="reasonAttribution" value="\1"([^>]*)>/g)];
    expect(radios.map((r) => r[1])).toEqual(['named', 'anonymous']);
    expect(radios.every((r) => !r[2]!.includes('checked'))).toBe(true);
    expect(form).toContain(t('nl', 'common:reasonAttribution.label'));

    const refused = await post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.', dirk);
    expect(refused.status).toBe(400);
    const page = decode(await refused.text());
    expect(page).toContain(errorMessage('nl', new DomainError('reason_name_choice_required')));
    expect(page).toContain('Te duur voor gezinnen.</textarea>');

    expect((await post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.&reasonAttribution=named', dirk)).status).toBe(303);
    const board = await get(`/polls/${pollId}`, cookies.get('Peter (bestuur)')!);
    expect(board).toContain(`Te duur voor gezinnen. <span class="muted">(${t('nl', 'common:reasonAttribution.by', { name: 'Dirk' })})</span>`);
    // Her answer is kept ticked when she comes back to change it.
    expect(await get('/home', dirk)).toMatch(/name="reasonAttribution" value="named" checked/);

    await post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.&reasonAttribution=anonymous', dirk);
    expect(await get(`/polls/${pollId}`, cookies.get('Peter (bestuur)')!)).not.toContain(t('nl', 'common:reasonAttribution.by', { name: 'Dirk' }));
  });
});
