// In Slack's vote modal, a reason comes with the member's own choice of whether their name goes with it:
// a radio with nothing pre-selected; without it the core refuses, and the error sits next to the choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  createPoll,
  currentPrivacyNotice,
  DomainError,
  pollResults,
} from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t as tr } from '../../../src/i18n/index.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, input, SlackPerson } from '../../support/slack-person.js';
import { findAction } from '../../support/slack-requests.js';

describe('the name with an objection reason, in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let anna: SlackPerson;
  const actor = (p: SlackPerson) => p.actor();

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UANNA', { name: 'Anna', locale: 'nl-BE' });
    fac = new SlackPerson(t, 'UFAC');
    anna = new SlackPerson(t, 'UANNA');
    for (const p of [fac, anna]) await p.command('help');
    const who = await actor(anna);
    await acceptParticipation(t.app.deps, who, { version: currentPrivacyNotice(t.app.deps, who.language).version });
  });
  afterAll(async () => t?.close());

  it('asks with nothing pre-selected and refuses a reason without the choice, next to it', async () => {
    const poll = await createPoll(t.app.deps, await actor(fac), { question: 'Starten we de pendeldienst?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' });
    const modal = anna.opened(await anna.pressInView(await anna.openHome(), 'poll_open', poll.id));
    const choice = findAction(modal.blocks, 'reasonAttribution').element;
    expect(choice.type).toBe('radio_buttons');
    expect(choice.initial_option).toBeUndefined();
    expect((choice.options as { value: string }[]).map((o) => o.value)).toEqual(['named', 'anonymous']);

    const values = { choice: { choice: input.radio('object') }, reason: { reason: input.text('Te duur voor gezinnen.') } };
    const refused = await anna.submit(modal, values);
    expect(refused.json).toEqual({ response_action: 'errors', errors: { reasonAttribution: errorMessage('nl', new DomainError('reason_name_choice_required')) } });
    // Details the guard refuses are shown next to the reason they were found in.
    const phone = await anna.submit(modal, { ...values, reason: { reason: input.text('Bel me op 0470 12 34 56.') }, reasonAttribution: { reasonAttribution: input.radio('named') } });
    expect(Object.keys((phone.json as { errors: object }).errors)).toEqual(['reason']);
    expect((await pollResults(t.app.deps, await actor(fac), poll.id)).turnout).toBe(0);

    await anna.submit(modal, { ...values, reasonAttribution: { reasonAttribution: input.radio('named') } });
    expect((await pollResults(t.app.deps, await actor(fac), poll.id)).objections).toEqual([{ reason: 'Te duur voor gezinnen.', name: 'Anna' }]);
    // Shown with her name in the results, as she chose; her choice is kept when she comes back.
    const again = anna.opened(await anna.pressInView(await anna.openHome(), 'poll_open', poll.id));
    expect(blockText(again.blocks)).toContain(tr('nl', 'common:reasonAttribution.by', { name: 'Anna' }));
    expect((findAction(again.blocks, 'reasonAttribution').element.initial_option as { value: string }).value).toBe('named');
  });

  it('says an anonymous poll keeps reasons without names, and asks nothing', async () => {
    const poll = await createPoll(t.app.deps, await actor(fac), { question: 'Vergaderen we op zaterdag?', kind: 'consent', anonymity: 'anonymous', resultsVisibility: 'live' });
    const modal = anna.opened(await anna.pressInView(await anna.openHome(), 'poll_open', poll.id));
    expect(() => findAction(modal.blocks, 'reasonAttribution')).toThrow();
    expect(blockText(modal.blocks)).toContain(tr('nl', 'common:reasonAttribution.anonymousPoll'));
  });
});
