import { describe, expect, it } from 'vitest';
import { median, panelStats, respondToBacklogItem } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { usePanelHarness } from '../support/harness.js';

describe.each(testDatabases())('the panel across months on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 4 });

  it('counts contributions per domain per month, turnout per poll and the time to the board’s answer', async () => {
    const { deps } = s.h;
    const { action } = await seedBrief(deps, s.p);
    await respondToBacklogItem(deps, s.p.actor('board'), action.id, 'We starten in maart.');
    const stats = await panelStats(deps, s.p.actor('board'), { months: 3 });

    expect(stats.months).toHaveLength(3);
    expect(stats.totals.at(-1)).toBe(3);
    const row = (key: string | null) => stats.contributions.find((c) => c.key === key)!.perMonth.at(-1);
    expect(row('informal_care')).toBe(1);
    expect(row('chronic_illness')).toBe(1);
    expect(row(null)).toBe(1); // the contribution without a domain
    expect(stats.polls).toMatchObject([{ question: BRIEF_TEXT.poll, turnout: 3 }]);
    expect(stats.latency).toMatchObject([{ itemId: action.id, days: 0 }]);
    expect(stats.medianLatencyDays).toBe(0);
    await expect(panelStats(deps, s.p.actor('e1'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes the median of answer times', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
