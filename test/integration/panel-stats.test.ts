import { describe, expect, it } from 'vitest';
import { median, MIN_GROUP_SIZE, openIdeaRound, panelStats, respondToBacklogItem, submitContribution } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { makePanel, usePanelHarness } from '../support/harness.js';

describe.each(testDatabases())('the panel across months on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 4 });

  it('counts contributions per domain per month, turnout per poll and the time to the board’s answer', async () => {
    const { deps } = s.h;
    const { action } = await seedBrief(deps, s.p);
    await respondToBacklogItem(deps, s.p.actor('board'), action.id, 'We starten in maart.');
    const stats = await panelStats(deps, s.p.actor('board'), { months: 3 });

    expect(stats.months).toHaveLength(3);
    expect(stats.totals.at(-1)).toBe(3);
    const row = (key: string | null) => stats.contributions.find((c) => c.key === key)?.perMonth.at(-1);
    // Four experts, one domain each: every one of those domains is a group of one, named without figures.
    expect(row('informal_care')).toBeUndefined();
    expect(stats.domainsHidden.map((d) => d.key)).toEqual(['informal_care', 'chronic_illness', 'poverty', 'addiction']);
    expect(row(null)).toBe(1); // the contribution without a domain
    expect(stats.polls).toMatchObject([{ question: BRIEF_TEXT.poll, turnout: 3 }]);
    expect(stats.latency).toMatchObject([{ itemId: action.id, days: 0 }]);
    expect(stats.medianLatencyDays).toBe(0);
    await expect(panelStats(deps, s.p.actor('e1'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('counts per domain only for groups of at least the privacy minimum', async () => {
    const { deps } = s.h;
    // Ten experts, one domain each in turn: informal care and chronic illness have 3, poverty and addiction 2.
    const zone = await makePanel(deps, { experts: 10 });
    const round = await openIdeaRound(deps, zone.actor('fac'), { question: 'Wat hielp?' });
    await submitContribution(deps, zone.actor('e1'), { roundId: round.id, whatHappens: 'De thuisverpleging kwam op tijd.', domainKeys: ['informal_care'], attribution: 'anonymous' });
    // e3 is one of the two experts with poverty: their anonymous contribution must not show up as a figure.
    await submitContribution(deps, zone.actor('e3'), { roundId: round.id, whatHappens: 'Ik kon de apotheek niet betalen.', domainKeys: ['poverty'], attribution: 'anonymous' });

    const stats = await panelStats(deps, zone.actor('board'), { months: 2 });
    const keys = stats.contributions.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['informal_care', 'chronic_illness', 'elderly_care', null]));
    expect(keys).not.toContain('poverty');
    expect(keys).not.toContain('addiction');
    expect(stats.contributions.find((c) => c.key === 'informal_care')!.perMonth.at(-1)).toBe(1);
    // A domain nobody on the panel has identifies nobody: it stays, at 0.
    expect(stats.contributions.find((c) => c.key === 'elderly_care')!.perMonth).toEqual([0, 0]);
    expect(stats.domainsHidden).toEqual([
      { key: 'poverty', labels: expect.objectContaining({ nl: 'Armoede' }) },
      { key: 'addiction', labels: expect.objectContaining({ nl: 'Verslaving' }) },
    ]);
    expect(stats.minGroupSize).toBe(MIN_GROUP_SIZE);
  });

  it('takes the median of answer times', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
