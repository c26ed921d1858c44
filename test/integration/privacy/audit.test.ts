import { describe, expect, it } from 'vitest';
import {
  castBallot,
  createPoll,
  getSummaryVersion,
  listContributions,
  listSummaries,
  listSupportRequests,
  pollResults,
  requestSupport,
  versionConsent,
  type Actor,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelWithInput } from './fixtures.js';

describe.each(testDatabases())('audit of access to identifiable data on $name', ({ makeUrl }) => {
  const setup = usePanelWithInput(makeUrl);

  async function eventsOf(actor: Actor) {
    return setup.h.deps.store.transaction((repos) => repos.audit.list(setup.p.tenant.id, { actorId: actor.memberId }));
  }

  it('records every facilitator or board read of identifiable data, with ids and codes only', async () => {
    const { h, p, s } = setup;
    const { deps } = h;
    const fac = p.actor('fac');
    const board = p.actor('board');
    await listContributions(deps, fac);
    await getSummaryVersion(deps, fac, s.published.id);
    await versionConsent(deps, fac, s.published.id);
    await listSummaries(deps, fac);
    const poll = await createPoll(deps, fac, { question: 'Wie komt?', kind: 'single', anonymity: 'confidential', resultsVisibility: 'live', options: ['ja', 'nee'] });
    await castBallot(deps, p.actor('e1'), poll.id, { optionIds: [poll.options[0]!.id] });
    await pollResults(deps, fac, poll.id);
    await requestSupport(deps, p.actor('e2'));
    await listSupportRequests(deps, fac);
    await listSummaries(deps, board);
    await getSummaryVersion(deps, board, s.published.id);

    const facEvents = (await eventsOf(fac)).filter((e) => e.action === 'identifiable.viewed');
    expect(facEvents.map((e) => e.objectType).sort()).toEqual(
      ['contributions', 'poll', 'summary_version', 'summary_version', 'summary_version', 'support_requests'].sort(),
    );
    const boardEvents = (await eventsOf(board)).filter((e) => e.action === 'identifiable.viewed');
    expect(boardEvents.map((e) => e.objectId)).toEqual([s.published.id, s.published.id]);
    for (const event of [...facEvents, ...boardEvents]) {
      for (const value of Object.values(event.details)) expect(typeof value === 'number' || /^[a-z_]+$|^[A-Za-z0-9_-]{10,}$/.test(String(value))).toBe(true);
    }
  });
});
