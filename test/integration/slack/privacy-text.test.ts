// The privacy step in Slack opens with the short text; the full text is one button away, pushed on top,
// and "Back" leads to the short text with its "I agree" (which still accepts the version shown).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participationStatus, privacyNotice, resolveActor } from '../../../src/core/index.js';
import { t as tr } from '../../../src/i18n/index.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, SlackPerson } from '../../support/slack-person.js';

describe('the privacy text in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let bruno: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UBRUNO', { name: 'Bruno', locale: 'fr-FR' });
    fac = new SlackPerson(t, 'UFAC');
    bruno = new SlackPerson(t, 'UBRUNO');
    await fac.command('help');
  });
  afterAll(async () => t?.close());

  it('shows the short version first and the full text behind "Lire le texte complet"', async () => {
    const notice = privacyNotice('fr');
    const short = bruno.opened(await bruno.pressInView(await bruno.openHome(), 'privacy_open'));
    const shortText = blockText(short.blocks);
    expect(shortText).toContain(JSON.stringify(notice.short).slice(1, -1));
    for (const p of notice.paragraphs) expect(shortText).not.toContain(JSON.stringify(p).slice(1, -1));
    expect(shortText).toContain(tr('fr', 'privacy:page.fullText'));

    const full = bruno.opened(await bruno.pressInView(short, 'privacy_full'));
    expect(t.api.of('views.push').at(-1)!.args.view).toMatchObject({ callback_id: 'privacy_full', close: { text: 'Retour' } });
    for (const p of notice.paragraphs) expect(blockText(full.blocks)).toContain(JSON.stringify(p).slice(1, -1));
    expect(full.submit).toBeUndefined(); // agreeing happens on the short text, for the version it names

    await bruno.submit(short, {});
    const tenant = await t.app.deps.store.transaction((r) => r.tenants.findBySlug(`slack-${t.api.team.id}`.toLowerCase()));
    const actor = await resolveActor(t.app.deps, { tenantId: tenant!.id, channel: 'slack', externalId: 'UBRUNO' });
    expect(await participationStatus(t.app.deps, actor)).toMatchObject({ state: 'accepted', version: notice.version });
  });
});
