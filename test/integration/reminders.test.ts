import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, createPoll } from '../../src/core/index.js';
import { claimDelivery, createRemindersForAllZones, handleOnce, pruneDeliveries } from '../../src/core/use-cases/channels.js';
import { DomainError } from '../../src/core/errors.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

describe.each(testDatabases())('scheduled reminders on $name', ({ makeUrl }) => {
  let h: Harness;
  let zoneA: TestPanel;
  let zoneB: TestPanel;
  let now = new Date();

  beforeAll(async () => {
    h = await openHarness(await makeUrl(), { clock: { now: () => now } });
    zoneA = await makePanel(h.deps, { experts: 2 });
    zoneB = await makePanel(h.deps, { experts: 1 });
  });
  afterAll(async () => h?.close());

  const reminded = async (p: TestPanel, name: string) =>
    (await h.deps.store.transaction((repos) => repos.notifications.listForMember(p.member(name).id))).filter((n) => n.kind === 'reminder');

  it('reminds, in every zone, only members who have not answered what has waited a day, at most once per 48 hours', async () => {
    // Rows get their creation time from the database (real time), so the clock moves on from the real time;
    // the first reminder is stamped at about `start`, so 48 hours after it is about at(48).
    const start = Date.now();
    const at = (hours: number) => new Date(start + hours * 3600_000);
    now = at(0);
    const poll = await createPoll(h.deps, zoneA.actor('fac'), { question: 'Welke dag?', kind: 'scale', anonymity: 'named', resultsVisibility: 'live' });
    await createPoll(h.deps, zoneB.actor('fac'), { question: 'Quel jour ?', kind: 'scale', anonymity: 'anonymous', resultsVisibility: 'live' });
    await castBallot(h.deps, zoneA.actor('e1'), poll.id, { value: 4 });

    expect(await createRemindersForAllZones(h.deps)).toBe(0); // just announced: no reminder yet
    now = at(24.5);
    await createRemindersForAllZones(h.deps);
    expect(await reminded(zoneA, 'e1')).toHaveLength(0); // answered
    expect((await reminded(zoneA, 'e2'))[0]?.payload).toMatchObject({ polls: 1, consent: 0 });
    expect(await reminded(zoneB, 'e1')).toHaveLength(1); // the other zone too

    now = at(30);
    await createRemindersForAllZones(h.deps);
    expect(await reminded(zoneA, 'e2')).toHaveLength(1); // not again within 48 hours
    now = at(49);
    await createRemindersForAllZones(h.deps);
    expect(await reminded(zoneA, 'e2')).toHaveLength(2);
  });

  it('forgets delivery keys after a month, not before', async () => {
    now = new Date();
    expect(await claimDelivery(h.deps, 'slack:event:Ev1')).toBe(true);
    now = new Date(Date.now() + 29 * 86_400_000);
    expect(await pruneDeliveries(h.deps)).toBe(0);
    expect(await claimDelivery(h.deps, 'slack:event:Ev1')).toBe(false); // still a redelivery
    now = new Date(Date.now() + 31 * 86_400_000);
    expect(await pruneDeliveries(h.deps)).toBeGreaterThanOrEqual(1);
    expect(await claimDelivery(h.deps, 'slack:event:Ev1')).toBe(true);
  });

  it('handles a delivery once, but again after a failure that was not an answer to the member', async () => {
    now = new Date();
    const runs: string[] = [];
    await expect(handleOnce(h.deps, 'teams:act:1', async () => { runs.push('crash'); throw new Error('database went away'); })).rejects.toThrow();
    expect(await handleOnce(h.deps, 'teams:act:1', async () => void runs.push('ok'))).toBe(true); // the redelivery is handled
    expect(await handleOnce(h.deps, 'teams:act:1', async () => void runs.push('again'))).toBe(false);
    await expect(handleOnce(h.deps, 'teams:act:2', async () => { runs.push('refused'); throw new DomainError('poll_closed'); })).rejects.toThrow();
    expect(await handleOnce(h.deps, 'teams:act:2', async () => void runs.push('twice'))).toBe(false); // the answer was given
    expect(runs).toEqual(['crash', 'ok', 'refused']);
  });
});
