// The web ballot form asks, with a reason, whether the member's name may go with it: two choices, neither
// ticked. A reason without the choice comes back with the message and what was typed; the board reads the
// name only where the member chose so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { acceptParticipation, createPoll, currentPrivacyNotice, DomainError } from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { decodeHtml, startWebZone, type WebZone } from '../../support/web-zone.js';

let z: WebZone;
let app: App;
let pollId: string;

beforeAll(async () => {
  z = await startWebZone(['Dirk', 'Peter (bestuur)']);
  app = z.app;
  const dirk = await z.actor('Dirk');
  await acceptParticipation(app.deps, dirk, { version: currentPrivacyNotice(app.deps, dirk.language).version });
  const sofie = await z.actor([...z.ids.keys()].find((n) => n.startsWith('Sofie'))!);
  pollId = (await createPoll(app.deps, sofie, { question: 'Starten we de pendeldienst?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' })).id;
});

afterAll(async () => z?.close());

describe('the name with an objection reason, on the web', () => {
  it('asks with no answer ticked, refuses a reason without it (keeping the text), and shows the name only when chosen', async () => {
    const dirk = z.cookies.get('Dirk')!;
    const form = await z.page('/home', dirk);
    const radios = [...form.matchAll(/<input type="radio" id="poll-[^"]+-ra-(named|anonymous)" name="reasonAttribution" value="\1"([^>]*)>/g)];
    expect(radios.map((r) => r[1])).toEqual(['named', 'anonymous']);
    expect(radios.every((r) => !r[2]!.includes('checked'))).toBe(true);
    expect(form).toContain(t('nl', 'common:reasonAttribution.label'));

    const refused = await z.post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.', dirk);
    expect(refused.status).toBe(400);
    const page = decodeHtml(await refused.text());
    expect(page).toContain(errorMessage('nl', new DomainError('reason_name_choice_required')));
    expect(page).toContain('Te duur voor gezinnen.</textarea>');

    expect((await z.post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.&reasonAttribution=named', dirk)).status).toBe(303);
    const board = await z.page(`/polls/${pollId}`, z.cookies.get('Peter (bestuur)')!);
    expect(board).toContain(`Te duur voor gezinnen. <span class="muted">(${t('nl', 'common:reasonAttribution.by', { name: 'Dirk' })})</span>`);
    // Her answer is kept ticked when she comes back to change it.
    expect(await z.page('/home', dirk)).toMatch(/name="reasonAttribution" value="named" checked/);

    await z.post(`/polls/${pollId}/vote`, 'vote=object&reason=Te+duur+voor+gezinnen.&reasonAttribution=anonymous', dirk);
    expect(await z.page(`/polls/${pollId}`, z.cookies.get('Peter (bestuur)')!)).not.toContain(t('nl', 'common:reasonAttribution.by', { name: 'Dirk' }));
  });
});
