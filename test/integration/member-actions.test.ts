import { describe, expect, it } from 'vitest';
import {
  castBallot,
  createPoll,
  memberHome,
  once,
  pollScreen,
  resolveActor,
  submitContribution,
  vote,
  type CoreDeps,
} from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { usePanelHarness } from '../support/harness.js';

/** The same deps, counting how many transactions the store opens. */
function counting(deps: CoreDeps): { deps: CoreDeps; count: () => number } {
  let n = 0;
  return {
    deps: { ...deps, store: { transaction: (work) => ((n += 1), deps.store.transaction(work)) } },
    count: () => n,
  };
}

describe.each(testDatabases())('member actions in one transaction on $name', ({ makeUrl }) => {
  let now = new Date();
  const setup = usePanelHarness(makeUrl, { experts: 3 }, { clock: { now: () => now } });

  it('stores a vote and reads back the poll to draw in one transaction, once per delivery key', async () => {
    const { h, p } = setup;
    now = new Date();
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke dag?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['ma', 'di'] });
    const c = counting(h.deps);
    const first = await vote(c.deps, p.actor('e1'), poll.id, { optionIds: [poll.options[0]!.id] }, { deliveryKey: 'slack:act:1' });
    expect(c.count()).toBe(1);
    expect(first).toMatchObject({ repeated: false, screen: { closed: false, canVote: true, canClose: false, results: { turnout: 1 } } });
    expect(first.screen.ballot?.choice).toEqual({ kind: 'options', optionIds: [poll.options[0]!.id] });

    // The platform delivers the same press again: nothing changes, the member sees the same poll.
    const again = await vote(h.deps, p.actor('e1'), poll.id, { optionIds: [poll.options[1]!.id] }, { deliveryKey: 'slack:act:1' });
    expect(again.repeated).toBe(true);
    expect(again.screen.ballot?.choice).toEqual({ kind: 'options', optionIds: [poll.options[0]!.id] });
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id, { objectId: poll.id }));
    expect(audit.filter((e) => e.action.startsWith('ballot.'))).toHaveLength(1);
  });

  it('keeps no claim for a press that was refused, so its redelivery is answered the same way', async () => {
    const { h, p } = setup;
    now = new Date();
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Hoe goed?', kind: 'scale', deadline: new Date(now.getTime() + 60_000) });
    await expect(vote(h.deps, p.actor('e2'), poll.id, { value: 9 }, { deliveryKey: 'teams:act:9' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await h.deps.store.transaction((repos) => repos.deliveries.seen('teams:act:9'))).toBe(false);
    const stored = await vote(h.deps, p.actor('e2'), poll.id, { value: 3 }, { deliveryKey: 'teams:act:9' });
    expect(stored.repeated).toBe(false);

    // Past the deadline the screen says closed and offers no vote, before the job has closed the poll.
    now = new Date(now.getTime() + 61_000);
    expect(await pollScreen(h.deps, p.actor('e2'), poll.id)).toMatchObject({ closed: true, canVote: false, results: { poll: { status: 'open' } } });
    expect((await memberHome(h.deps, p.actor('e2'))).openPolls.map((o) => o.poll.id)).not.toContain(poll.id);
  });

  it('stores a contribution once per delivery key, claimed in the same transaction', async () => {
    const { h, p } = setup;
    now = new Date();
    const c = counting(h.deps);
    const input = { idea: 'Een buddy bij de eerste afspraak.', attribution: 'named' };
    const first = await once(c.deps, 'web:form:1', (d) => submitContribution(d, p.actor('e3'), input));
    expect(c.count()).toBe(1);
    expect(first.repeated).toBe(false);
    expect((await once(h.deps, 'web:form:1', (d) => submitContribution(d, p.actor('e3'), input))).repeated).toBe(true);
    const mine = await h.deps.store.transaction((repos) => repos.contributions.listByAuthor(p.member('e3').id));
    expect(mine.filter((m) => m.idea === input.idea)).toHaveLength(1);
  });

  it("reads a member's home in one transaction", async () => {
    const { h, p } = setup;
    now = new Date();
    await createPoll(h.deps, p.actor('fac'), { question: 'Nog een?', kind: 'consent' });
    const c = counting(h.deps);
    const home = await memberHome(c.deps, p.actor('e1'));
    expect(c.count()).toBe(1);
    expect(home.openPolls.length).toBeGreaterThanOrEqual(2);
    expect(home.openPolls.some((o) => o.myBallot !== null)).toBe(true);
  });

  it('stores a burst of votes together, refusing a bad vote alone and keeping one ballot per member', async () => {
    const { h, p } = setup;
    now = new Date();
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke?', kind: 'multiple', anonymity: 'anonymous', resultsVisibility: 'live', options: ['a', 'b', 'c'], maxChoices: 2 });
    const [a, b, c] = poll.options.map((o) => o.id);
    const c1 = counting(h.deps);
    const results = await Promise.allSettled([
      castBallot(c1.deps, p.actor('e1'), poll.id, { optionIds: [a] }),
      castBallot(c1.deps, p.actor('e2'), poll.id, { optionIds: [a, b, c] }), // more than two: refused
      castBallot(c1.deps, p.actor('e3'), poll.id, { optionIds: [b] }),
      castBallot(c1.deps, p.actor('e1'), poll.id, { optionIds: [c] }), // changes e1's answer
      castBallot(c1.deps, p.actor('fac'), poll.id, { optionIds: [a] }), // the poll asks experts only
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
    expect(results[1]).toMatchObject({ reason: { code: 'invalid_input' } });
    expect(results[4]).toMatchObject({ reason: { code: 'forbidden' } });
    expect(c1.count()).toBe(1);
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(ballots.map((x) => x.choice).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
      { kind: 'options', optionIds: [b] },
      { kind: 'options', optionIds: [c] },
    ]);
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id, { objectId: poll.id }));
    expect(audit.filter((e) => e.action === 'ballot.cast')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'ballot.changed')).toHaveLength(1);
    expect(audit.every((e) => e.actorId === null || e.action === 'poll.created')).toBe(true);
    const participants = await h.deps.store.transaction((repos) => repos.polls.listParticipants(poll.id));
    expect(participants.sort()).toEqual([p.member('e1').id, p.member('e3').id].sort());
  });

  it('claims the delivery keys of votes pressed together in their one transaction, and draws each voter their own screen', async () => {
    const { h, p } = setup;
    now = new Date();
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke kleur?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['rood', 'blauw'] });
    const [red, blue] = poll.options.map((o) => o.id);
    await vote(h.deps, p.actor('e3'), poll.id, { picked: [blue] }, { deliveryKey: 'slack:trigger:seen' });
    const c = counting(h.deps);
    const outcomes = await Promise.all([
      vote(c.deps, p.actor('e1'), poll.id, { picked: [red] }, { deliveryKey: 'slack:trigger:a' }),
      // The same press delivered twice at the same moment: one effect.
      vote(c.deps, p.actor('e1'), poll.id, { picked: [blue] }, { deliveryKey: 'slack:trigger:a' }),
      vote(c.deps, p.actor('e2'), poll.id, { picked: [blue] }, { deliveryKey: 'slack:trigger:b' }),
      // A press handled before: nothing changes.
      vote(c.deps, p.actor('e3'), poll.id, { picked: [red] }, { deliveryKey: 'slack:trigger:seen' }),
    ]);
    expect(outcomes.map((o) => o.repeated)).toEqual([false, true, false, true]);
    expect(outcomes[0]!.screen.ballot?.choice).toEqual({ kind: 'options', optionIds: [red] });
    expect(outcomes[2]!.screen.ballot?.choice).toEqual({ kind: 'options', optionIds: [blue] });
    // Each screen was read after the whole batch was written: it counts every ballot of the batch.
    expect(outcomes[0]!.screen.results.turnout).toBe(3);
    expect(outcomes[2]!.screen.results.turnout).toBe(3);
    // One transaction for the batch; the two repeats each read their screen after it.
    expect(c.count()).toBe(3);
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(Object.fromEntries(ballots.map((b) => [b.memberId, b.choice]))).toEqual({
      [p.member('e1').id]: { kind: 'options', optionIds: [red] },
      [p.member('e2').id]: { kind: 'options', optionIds: [blue] },
      [p.member('e3').id]: { kind: 'options', optionIds: [blue] },
    });
  });

  it('looks up the members behind identities asked for at the same moment in one read', async () => {
    const { h, p } = setup;
    const c = counting(h.deps);
    const ask = (externalId: string) => resolveActor(c.deps, { tenantId: p.tenant.id, channel: 'web', externalId });
    const found = await Promise.allSettled([ask(p.member('e1').id), ask(p.member('fac').id), ask('nobody-at-all')]);
    expect(c.count()).toBe(1);
    expect(found[0]).toMatchObject({ status: 'fulfilled', value: { memberId: p.member('e1').id, role: 'expert', channel: 'web' } });
    expect(found[1]).toMatchObject({ status: 'fulfilled', value: { memberId: p.member('fac').id, role: 'facilitator' } });
    expect(found[2]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
  });
});
