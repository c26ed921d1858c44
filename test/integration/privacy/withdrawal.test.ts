import { describe, expect, it } from 'vitest';
import {
  listBacklog,
  listSummaries,
  memberHome,
  withdrawAllMyInput,
  withdrawContribution,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';
import { panelWithInput, SENTENCES } from './fixtures.js';

describe.each(testDatabases())('withdrawal in one step on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('one contribution: the published summary is re-issued at once, the board is told it changed (not what), the action keeps its text', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const s = await panelWithInput(deps, p);
    await deps.store.transaction((repos) =>
      repos.llmExchanges.record({ tenantId: p.tenant.id, summaryId: null, contributionIds: [s.named.id, s.other.id], request: SENTENCES.named, response: '[]', model: 'm', tokensIn: 1, tokensOut: 1 }),
    );
    await withdrawContribution(deps, p.actor('e1'), s.named.id);

    const [overview] = await listSummaries(deps, p.actor('board'));
    const v2 = overview!.published!;
    expect(v2.number).toBe(s.published.number + 1);
    const quotes = v2.statements.flatMap((st) => st.citations.map((c) => c.quote));
    expect(quotes).not.toContain(SENTENCES.named);
    expect(quotes).toContain(SENTENCES.other);
    const item = (await listBacklog(deps, p.actor('board'))).find((i) => i.id === s.item.id)!;
    expect(item.title).toBe('Grotere wachtzaal huisartsenpost');
    expect(item.links.some((l) => l.contributionId === s.named.id || (l.quote ?? '').includes('wachtzaal'))).toBe(false);
    const notice = (await memberHome(deps, p.actor('board'))).notifications.find((n) => n.kind === 'summary_changed')!;
    expect(Object.keys(notice.payload).sort()).toEqual(['summaryId', 'versionId']);
    const exchanges = await deps.store.transaction((repos) => repos.llmExchanges.listCarrying([s.other.id]));
    expect(exchanges).toEqual([]); // the cached model input that carried the withdrawn words is gone
  });

  it('everything: all of a member\'s input, named and anonymous, leaves every summary in one step', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const result = await withdrawAllMyInput(deps, p.actor('e1'));
    expect(result.withdrawn).toBe(1); // the anonymous one; the named one was withdrawn above
    const [overview] = await listSummaries(deps, p.actor('board'));
    const quotes = overview!.published!.statements.flatMap((st) => st.citations.map((c) => c.quote));
    expect(quotes).toEqual([SENTENCES.other]);
    expect((await memberHome(deps, p.actor('e1'))).myContributions.every((c) => c.status === 'withdrawn')).toBe(true);
  });
});
