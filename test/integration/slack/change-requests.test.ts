// A member's change request reaches the facilitator's Home tab in Slack and stays there, on every version,
// until the facilitator marks it handled (through the same core use case as the web's "handled").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  currentPrivacyNotice,
  draftSummary,
  listSummaries,
  openChangeRequests,
  openIdeaRound,
  submitContribution,
  DomainError,
} from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, input, enrol, SlackPerson } from '../../support/slack-person.js';
import { findActions } from '../../support/slack-requests.js';

describe('change requests in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let anna: SlackPerson;
  let bruno: SlackPerson;
  const actor = (p: SlackPerson) => p.actor();

  beforeAll(async () => {
    t = await startSlackApp();
    [fac, anna, bruno] = (await enrol(t, [['UFAC', 'Fien', 'nl-BE'], ['UANNA', 'Anna', 'nl-BE'], ['UBRUNO', 'Bruno', 'fr-FR']])) as [SlackPerson, SlackPerson, SlackPerson];
    // The way to a draft is covered by cycle.test.ts; here it is set up through the core.
    const deps = t.app.deps;
    const round = await openIdeaRound(deps, await actor(fac), { question: 'Wat maakt de weg naar zorg moeilijk?' });
    for (const [p, text] of [[anna, 'De bus rijdt maar één keer per uur.'], [bruno, 'Le médecin est trop loin.']] as const) {
      const who = await actor(p);
      await acceptParticipation(deps, who, { version: currentPrivacyNotice(deps, who.language).version });
      await submitContribution(deps, who, { roundId: round.id, whatHappens: text, attribution: 'named' });
    }
    await draftSummary(deps, await actor(fac), { roundId: round.id });
    await t.runtime.flushOutbox();
  });
  afterAll(async () => t?.close());

  it('lists the request with its words on the Home tab until it is marked handled', async () => {
    const ask = anna.lastDm('consent_change');
    await anna.submit(anna.opened(await anna.pressInDm(ask, 'consent_change')), { comment: { comment: input.text('Noem de bus <@U123> niet *zo*.') } });
    // Bruno withdraws his contribution: a new version, but Anna's request on version 1 stays.
    const withdraw = bruno.opened(await bruno.pressInView(await bruno.openHome(), 'withdraw_open'));
    await bruno.submit(withdraw, {});
    expect((await listSummaries(t.app.deps, await actor(fac)))[0]!.latest!.number).toBe(2);

    const home = await fac.openHome();
    const text = blockText(home.blocks);
    expect(text).toContain('Vragen om een wijziging die nog wachten');
    expect(text).toContain('Anna vroeg een wijziging (versie 1)');
    // The member's words are shown as written, as plain text: no mention, no formatting.
    expect(text).toContain('"type":"plain_text","text":"“Noem de bus &lt;@U123&gt; niet *zo*.”"');
    expect(findActions(home.blocks, 'change_handled')).toHaveLength(1);
    // Experts never see the list.
    expect(blockText((await anna.openHome()).blocks)).not.toContain('Vragen om een wijziging');

    // Anna forges the press with the request's id: the core refuses (only facilitators handle requests).
    const summaryId = (await listSummaries(t.app.deps, await actor(fac)))[0]!.summary.id;
    const [open] = await openChangeRequests(t.app.deps, await actor(fac), summaryId);
    const forged = await t.slack.blockAction('UANNA', { action_id: 'change_handled', block_id: 'x', value: open!.requestId }, { view: await anna.openHome() });
    expect(forged.status).toBe(200);
    await t.settle();
    expect(blockText(t.api.of('views.open').at(-1)!.args.view)).toContain(errorMessage('nl', new DomainError('forbidden')));
    expect(await openChangeRequests(t.app.deps, await actor(fac), summaryId)).toHaveLength(1);

    await fac.pressInView(home, 'change_handled');
    expect(findActions(fac.home().blocks, 'change_handled')).toHaveLength(0);
    expect(await openChangeRequests(t.app.deps, await actor(fac), summaryId)).toEqual([]);
  });
});
