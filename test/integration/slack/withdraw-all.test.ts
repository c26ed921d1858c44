// Destructive member actions in Slack: "withdraw all my input" and "stop taking part" sit on the Home tab
// behind Slack's own confirm dialog (the same words as the confirm step elsewhere); the one press Slack
// sends after "yes" does it all. Withdrawing from a consent request has the same dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  currentPrivacyNotice,
  draftSummary,
  myContributions,
  openIdeaRound,
  participationStatus,
  submitContribution,
} from '../../../src/core/index.js';
import { t as tr } from '../../../src/i18n/index.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, enrol, SlackPerson } from '../../support/slack-person.js';
import { findAction, findActions } from '../../support/slack-requests.js';

describe('withdrawing everything in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let anna: SlackPerson;
  let bruno: SlackPerson;
  const actor = (p: SlackPerson) => p.actor();

  beforeAll(async () => {
    t = await startSlackApp();
    [fac, anna, bruno] = (await enrol(t, [['UFAC', 'Fien', 'nl-BE'], ['UANNA', 'Anna', 'nl-BE'], ['UBRUNO', 'Bruno', 'fr-FR']])) as [SlackPerson, SlackPerson, SlackPerson];
    const deps = t.app.deps;
    const round = await openIdeaRound(deps, await actor(fac), { question: 'Wat maakt de weg naar zorg moeilijk?' });
    for (const [p, texts] of [[anna, ['De bus rijdt maar één keer per uur.', 'De dokter heeft geen tijd.']], [bruno, ['Le médecin est trop loin.']]] as const) {
      const who = await actor(p);
      await acceptParticipation(deps, who, { version: currentPrivacyNotice(deps, who.language).version });
      for (const text of texts) await submitContribution(deps, who, { roundId: round.id, whatHappens: text, attribution: 'named' });
    }
    await draftSummary(deps, await actor(fac), { roundId: round.id });
    await t.runtime.flushOutbox();
  });
  afterAll(async () => t?.close());

  it('asks Slack to confirm "withdraw all my input", then withdraws every contribution in one press', async () => {
    // The consent request's own "withdraw" has the same kind of dialog, in the same shared words.
    expect(findAction(anna.lastDm('consent_withdraw').blocks, 'consent_withdraw').element.confirm).toMatchObject({
      title: { text: tr('nl', 'common:confirm.withdraw_consent.title') },
      confirm: { text: tr('nl', 'common:confirm.withdraw_consent.yes') },
    });
    const home = await anna.openHome();
    const button = findAction(home.blocks, 'withdraw_all').element;
    expect(button.confirm).toMatchObject({
      title: { text: tr('nl', 'common:confirm.withdraw_all.title') },
      text: { text: `${tr('nl', 'common:confirm.withdraw_all.body')} ${tr('nl', 'common:confirm.noUndo')}` },
      confirm: { text: tr('nl', 'common:confirm.withdraw_all.yes') },
      deny: { text: tr('nl', 'common:confirm.cancel') },
      style: 'danger',
    });
    const trigger = await anna.pressInView(home, 'withdraw_all');
    expect(blockText(anna.opened(trigger).blocks)).toContain(tr('nl', 'privacy:done.withdrawn_all'));
    expect((await myContributions(t.app.deps, await actor(anna))).map((c) => c.status)).toEqual(['withdrawn', 'withdrawn']);
    // Nothing left to withdraw: the button is gone; she still takes part.
    expect(findActions(anna.home().blocks, 'withdraw_all')).toHaveLength(0);
    expect((await participationStatus(t.app.deps, await actor(anna))).state).toBe('accepted');
  });

  it('lets an expert stop taking part from the Home tab, behind a confirm dialog, with all their input', async () => {
    const home = await bruno.openHome();
    expect(findAction(home.blocks, 'withdraw_participation').element.confirm).toMatchObject({ text: { text: `${tr('fr', 'common:confirm.withdraw_participation.body')} ${tr('fr', 'common:confirm.noUndo')}` } });
    const trigger = await bruno.pressInView(home, 'withdraw_participation');
    expect(blockText(bruno.opened(trigger).blocks)).toContain(tr('fr', 'privacy:done.withdrawn'));
    expect((await participationStatus(t.app.deps, await actor(bruno))).state).toBe('withdrawn');
    expect((await myContributions(t.app.deps, await actor(bruno))).map((c) => c.status)).toEqual(['withdrawn']);
    // Now the Home tab offers the privacy text again, and no withdrawal.
    const after = bruno.home();
    expect(findActions(after.blocks, 'privacy_open')).toHaveLength(1);
    expect(findActions(after.blocks, 'withdraw_participation')).toHaveLength(0);
    // A facilitator has no "stop taking part" (the privacy step is for experts).
    expect(findActions((await fac.openHome()).blocks, 'withdraw_participation')).toHaveLength(0);
  });

  it('lets an expert stop even when the privacy text changed since they agreed (no need to agree again first)', async () => {
    t.api.users.set('UCLARA', { name: 'Clara', locale: 'en-GB' });
    const clara = new SlackPerson(t, 'UCLARA');
    await clara.command('help');
    const who = await actor(clara);
    const pseudonym = (await t.app.deps.store.transaction((r) => r.members.findById(who.memberId)))!.pseudonym;
    await t.app.deps.store.transaction((repos) =>
      repos.consent.appendRecord({
        tenantId: who.tenantId, pseudonym, purpose: 'participation', objectType: 'privacy_notice',
        objectId: '2020-01.1', objectHash: 'old', textVersion: '2020-01.1', language: 'en', decision: 'granted', channel: 'slack',
      }),
    );
    expect((await participationStatus(t.app.deps, who)).state).toBe('outdated');
    const home = await clara.openHome();
    expect(findActions(home.blocks, 'privacy_open')).toHaveLength(1);
    await clara.pressInView(home, 'withdraw_participation');
    expect((await participationStatus(t.app.deps, who)).state).toBe('withdrawn');
  });
});
