import { describe, expect, it } from 'vitest';
import { applyRetention, getSummaryVersion, listContributions, myContributions, pollResults } from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { rowsOf } from './dump.js';
import { usePanelWithInput } from './fixtures.js';

const DAY = 24 * 3600_000;

describe.each(testDatabases())('retention on $name', ({ makeUrl }) => {
  const setup = usePanelWithInput(makeUrl, { privacy: { retentionDays: 30, consentDeadlineDays: 7 } });

  it('leaves contributions inside the retention period alone', async () => {
    const { h, p } = setup;
    const report = await applyRetention(h.deps, new Date(Date.now() + 10 * DAY));
    expect(report.contributions).toBe(0);
    expect((await myContributions(h.deps, p.actor('e1'))).length).toBe(2);
  });

  it('anonymises contributions older than the period: no author, no author key, no name on quotes; named ballots lose the voter', async () => {
    const { h, p, s, url } = setup;
    const later = new Date(Date.now() + 40 * DAY);
    const report = await applyRetention(h.deps, later);
    expect(report.contributions).toBe(3);
    expect(report.ballots).toBe(1);
    const listed = await listContributions(h.deps, p.actor('fac'));
    expect(listed.every((c) => c.authorId === null && c.attribution !== 'named')).toBe(true);
    expect(await rowsOf(url, 'ContributionAuthorKey')).toEqual([]);
    expect(await myContributions(h.deps, p.actor('e1'))).toEqual([]);
    const version = await getSummaryVersion(h.deps, p.actor('board'), s.published.id);
    expect(version.statements.flatMap((st) => st.citations).every((c) => c.attributedName === null)).toBe(true);
    expect(version.statements.flatMap((st) => st.citations).length).toBe(3); // the words stay, anonymous
    expect((await pollResults(h.deps, p.actor('fac'), s.namedPoll.id)).voters).toEqual([]);
    expect((await applyRetention(h.deps, later)).contributions).toBe(0); // twice changes nothing
  });
});
