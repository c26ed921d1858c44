import { describe, expect, it } from 'vitest';
import { createPoll, LANGUAGES, listContributions, myContributions, openIdeaRound, showsTimeOfDay, submitContribution, type IdeaRoundRecord } from '../../../src/core/index.js';
import { DEFAULT_DOMAINS } from '../../../src/core/seed-demo.js';
import { contributionForm } from '../../../src/channels/teams/cards/contribution.js';
import { translator } from '../../../src/channels/slack/i18n.js';
import { contributionModal } from '../../../src/channels/slack/views/contribution.js';
import { zoned } from '../../../src/web-ui/util.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';
import * as teams from '../teams/fixtures.js';

const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('accepted'), (e: unknown) => e);

describe.each(testDatabases())('explicit choices and real dates on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('refuses a contribution without an attribution choice, in the member\'s language, and stores nothing', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat helpt?' });
    for (const attribution of [undefined, null, '']) {
      const error = await refusal(submitContribution(h.deps, p.actor('e1'), { roundId: round.id, idea: 'Een buurtbus.', attribution }));
      expect(error).toMatchObject({ code: 'attribution_required' });
    }
    const error = await refusal(submitContribution(h.deps, p.actor('e1'), { roundId: round.id, idea: 'Een buurtbus.' }));
    expect(errorMessage('nl', error)).toMatch(/^Kies hoe we je woorden mogen gebruiken/);
    expect(errorMessage('fr', error)).toMatch(/^Choisissez comment vos mots/);
    expect(errorMessage('en', error)).toMatch(/^Please choose how your words may be used/);
    expect(await myContributions(h.deps, p.actor('e1'))).toEqual([]);
    const stored = await submitContribution(h.deps, p.actor('e1'), { roundId: round.id, idea: 'Een buurtbus.', attribution: 'no_quote' });
    expect(stored.attribution).toBe('no_quote');
  });

  it('no channel pre-selects how a member is mentioned', () => {
    const round = { id: 'r1', question: 'Q', description: '', status: 'open', closesAt: null } as unknown as IdeaRoundRecord;
    const domains = DEFAULT_DOMAINS.map((d, i) => ({ id: `d${i}`, panelId: 'p', key: d.key, labels: d.labels, archived: false, position: i }));
    for (const lang of LANGUAGES) {
      const modal = contributionModal(translator(lang, 'Europe/Brussels'), { meta: { r: 'r1' }, round, openRounds: [round], domains });
      const block = modal.blocks.find((b) => b.block_id === 'attribution') as unknown as { element: Record<string, unknown> };
      expect(block.element.initial_option).toBeUndefined();
      const card = contributionForm(teams.viewOf('expert', lang), teams.round, teams.domains);
      const set = card.body.find((e) => (e as { id?: string }).id === 'attribution') as Record<string, unknown>;
      expect(set).toBeDefined();
      expect(set.value).toBeUndefined();
      expect(set.isRequired).toBe(true);
    }
  });

  it('refuses a day that does not exist and a closing date that has passed, with a clear message', async () => {
    const { h, p } = setup;
    const fac = p.actor('fac');
    const impossible = await refusal(openIdeaRound(h.deps, fac, { question: 'Q', closesAt: '2027-02-30' }));
    expect(impossible).toMatchObject({ code: 'date_impossible', params: { field: 'closesAt', value: '2027-02-30' } });
    expect(errorMessage('nl', impossible)).toBe('De datum "2027-02-30" bestaat niet. Kijk de dag en de maand na.');
    expect(errorMessage('fr', impossible)).toContain('2027-02-30');
    expect(errorMessage('en', impossible)).toBe('The date "2027-02-30" does not exist. Please check the day and the month.');
    const poll = { question: 'Q', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' };
    await expect(createPoll(h.deps, fac, { ...poll, deadline: '2027-02-30T18:00' })).rejects.toMatchObject({ code: 'date_impossible' });
    await expect(createPoll(h.deps, fac, { ...poll, deadline: '2026-13-01' })).rejects.toMatchObject({ code: 'date_impossible' });
    const past = await refusal(openIdeaRound(h.deps, fac, { question: 'Q', closesAt: '2020-01-15' }));
    expect(past).toMatchObject({ code: 'deadline_past', params: { field: 'closesAt' } });
    expect(errorMessage('en', past)).toMatch(/has already passed/);
    await expect(createPoll(h.deps, fac, { ...poll, deadline: new Date(Date.now() - 60_000) })).rejects.toMatchObject({ code: 'deadline_past' });
    // Leap days exist in leap years only.
    expect((await openIdeaRound(h.deps, fac, { question: 'Q', closesAt: '2028-02-29' })).closesAt).not.toBeNull();
    await expect(openIdeaRound(h.deps, fac, { question: 'Q', closesAt: '2027-02-29' })).rejects.toMatchObject({ code: 'date_impossible' });
    // The web form hands the core what the member typed, never a silently shifted day.
    expect(zoned('2027-02-30T18:00', 'Europe/Brussels')).toBe('2027-02-30T18:00');
    expect(zoned('2027-02-28T18:00', 'Europe/Brussels')).toBe('2027-02-28T17:00:00.000Z');
  });

  it('shows an anonymous contribution\'s date without a made-up time of day', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wanneer?' });
    await submitContribution(h.deps, p.actor('e2'), { roundId: round.id, idea: 'Anoniem idee.', attribution: 'anonymous' });
    const [stored] = await listContributions(h.deps, p.actor('fac'), round.id);
    expect(stored!.createdAt.getUTCHours()).toBe(0);
    expect(showsTimeOfDay(stored!)).toBe(false);
    expect(showsTimeOfDay({ attribution: 'named' })).toBe(true);
  });
});
