import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { createPoll, resolveActor } from '../../../src/core/index.js';
import { findActions } from '../../support/slack-requests.js';
import { blockText, input, SlackPerson } from '../../support/slack-person.js';

/** Quiet hours around "now" in Brussels, so that the test clock only has to move a few hours. */
function quietHoursAroundNow(): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const pad = (h: number) => String((h + 24) % 24).padStart(2, '0');
  return `${pad(hour - 1)}:00-${pad(hour + 2)}:00`;
}

describe('reminders and notifications by DM, never in quiet hours', () => {
  let t: SlackTestApp;
  let now = new Date();
  let fac: SlackPerson;
  let eva: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp({ env: { STEMMEN_QUIET_HOURS: quietHoursAroundNow() }, overrides: { clock: { now: () => now } } });
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UEVA', { name: 'Eva', locale: 'nl-BE' });
    fac = new SlackPerson(t, 'UFAC');
    eva = new SlackPerson(t, 'UEVA');
    await fac.command('help');
    await eva.command('help');
  });
  afterAll(async () => t?.close());

  it('holds the poll and the reminder during quiet hours and sends them once they end', async () => {
    const { trigger } = await fac.command('poll');
    await fac.submit(fac.opened(trigger), {
      question: { question: input.text('Hoe tevreden ben je over de wachtzaal?') },
      kind: { kind: input.radio('scale') },
      anonymity: { anonymity: input.radio('anonymous') },
      resultsVisibility: { resultsVisibility: input.radio('after_close') },
    });
    expect(eva.dms()).toHaveLength(0);
    expect(await t.runtime.sendReminders()).toBe(1); // Eva has not answered; an experts' poll waits for no facilitator
    expect(eva.dms()).toHaveLength(0);

    now = new Date(now.getTime() + 3 * 3600_000);
    expect(await t.runtime.flushOutbox()).toBeGreaterThanOrEqual(1);
    const texts = eva.dms().map((m) => m.text);
    expect(texts).toContain('Een stemming wacht op je antwoord.');
    expect(texts).toContain('Een vriendelijke herinnering: er wacht iets op je antwoord.');
    const reminder = eva.dms().find((m) => m.text.startsWith('Een vriendelijke'))!;
    expect(blockText(reminder.blocks)).toContain('Stemmingen die op je antwoord wachten: 1');
  });

  it('does not remind the same member again within two days', async () => {
    expect(await t.runtime.sendReminders()).toBe(0);
  });

  it('redraws the poll in members\' DMs when it closes at its deadline, as a facilitator\'s close would', async () => {
    const tenantId = (await t.app.deps.store.transaction((repos) => repos.tenants.list()))[0]!.id;
    const facilitator = await resolveActor(t.app.deps, { tenantId, channel: 'slack', externalId: 'UFAC' });
    const poll = await createPoll(t.app.deps, facilitator, { question: 'Welke dag past voor de bijeenkomst?', kind: 'single', options: ['Maandag', 'Donderdag'], deadline: new Date(now.getTime() + 3_600_000) });
    await t.runtime.flushOutbox();
    const dm = () => eva.dms().find((m) => blockText(m.blocks).includes('Welke dag past voor de bijeenkomst?'))!;
    expect(findActions(dm().blocks, 'poll_submit')).toHaveLength(1);

    now = new Date(now.getTime() + 2 * 3_600_000);
    await t.app.runJobs();
    await t.settle();
    expect((await t.app.deps.store.transaction((repos) => repos.polls.findById(poll.id)))?.status).toBe('closed');
    expect(findActions(dm().blocks, 'poll_submit')).toHaveLength(0);
    expect(blockText(dm().blocks)).toContain('Deze stemming is gesloten.');
  });
});
