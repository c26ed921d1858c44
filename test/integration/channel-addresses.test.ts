import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveChannelAddress } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

/** More than SQLite's 999 bound parameters if the lookups of one moment were merged into one statement. */
const MEMBERS = 400;

describe.each(testDatabases())('chat addresses of a whole panel saved at the same moment on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;
  const externalId = (i: number) => `29:user-${i}`;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: MEMBERS });
    await h.deps.store.transaction(async (repos) => {
      for (let i = 1; i <= MEMBERS; i += 1) {
        await repos.members.addIdentity({ tenantId: p.tenant.id, memberId: p.member(`e${i}`).id, channel: 'teams', externalId: externalId(i) });
      }
    });
  });
  afterAll(async () => h?.close());

  it('stores each address, and finds an unchanged one again, for every member', async () => {
    const save = (address: string) =>
      Promise.all(Array.from({ length: MEMBERS }, (_, i) => saveChannelAddress(h.deps, { tenantId: p.tenant.id, channel: 'teams', externalId: externalId(i + 1), address })));
    // A burst of presses: first a new address for everyone, then the same one again (nothing to write).
    await save('{"v":1,"conversationId":"a"}');
    await save('{"v":1,"conversationId":"a"}');
    const stored = await h.deps.store.transaction(async (repos) => Promise.all(Array.from({ length: MEMBERS }, (_, i) => repos.members.findIdentity(p.tenant.id, 'teams', externalId(i + 1)))));
    expect(stored.map((identity) => identity?.address)).toEqual(Array.from({ length: MEMBERS }, () => '{"v":1,"conversationId":"a"}'));
  });

  it('keeps the later of two addresses given for one member at the same moment, and ignores unknown identities', async () => {
    const save = (externalId: string, address: string) => saveChannelAddress(h.deps, { tenantId: p.tenant.id, channel: 'teams', externalId, address });
    await Promise.all([save(externalId(1), '{"v":1,"conversationId":"b"}'), save(externalId(1), '{"v":1,"conversationId":"c"}'), save('29:nobody', '{"v":1}')]);
    const [first, nobody] = await h.deps.store.transaction(async (repos) => [await repos.members.findIdentity(p.tenant.id, 'teams', externalId(1)), await repos.members.findIdentity(p.tenant.id, 'teams', '29:nobody')]);
    expect(first?.address).toBe('{"v":1,"conversationId":"c"}');
    expect(nobody).toBeNull();
  });
});
