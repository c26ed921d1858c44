import { describe, expect, it } from 'vitest';
import {
  exportMyData,
  listSupportRequests,
  markSupportHandled,
  memberHome,
  mySupportRequest,
  requestSupport,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

describe.each(testDatabases())('"I need support" on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('alerts only the facilitator, once, and never the board', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const first = await requestSupport(deps, p.actor('e1'));
    const again = await requestSupport(deps, p.actor('e1'));
    expect(again).toMatchObject({ alreadyOpen: true, request: { id: first.request.id } });
    expect((await memberHome(deps, p.actor('e1'))).supportRequested).toBe(true);

    const facHome = await memberHome(deps, p.actor('fac'));
    expect(facHome.notifications.filter((n) => n.kind === 'support_requested')).toHaveLength(1);
    for (const name of ['board', 'e2', 'admin']) {
      expect((await memberHome(deps, p.actor(name))).notifications.some((n) => n.kind === 'support_requested')).toBe(false);
    }
    await expect(listSupportRequests(deps, p.actor('board'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestSupport(deps, p.actor('board'))).rejects.toMatchObject({ code: 'forbidden' });
    const open = await listSupportRequests(deps, p.actor('fac'));
    expect(open.map((r) => r.displayName)).toEqual(['e1']);

    await markSupportHandled(deps, p.actor('fac'), first.request.id);
    expect(await listSupportRequests(deps, p.actor('fac'))).toEqual([]);
    expect(await mySupportRequest(deps, p.actor('e1'))).toBeNull();
    expect((await exportMyData(deps, p.actor('e1'))).supportRequests).toHaveLength(1);
  });
});
