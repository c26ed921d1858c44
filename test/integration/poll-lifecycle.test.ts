import { describe, expect, it } from 'vitest';
import {
  castBallot,
  closeDuePolls,
  closeDueRounds,
  closePoll,
  createPoll,
  getPoll,
  openIdeaRound,
  pollResults,
  submitContribution,
} from '../../src/core/index.js';
import { createRemindersForAllZones } from '../../src/core/use-cases/channels.js';
import { startPrivacyJobs } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { testDatabases } from '../setup/databases.js';
import { usePanelHarness } from '../support/harness.js';

describe.each(testDatabases())('polls and questions close themselves on $name', ({ makeUrl }) => {
  let now = new Date();
  const later = (ms: number) => new Date(now.getTime() + ms);
  const setup = usePanelHarness(makeUrl, { experts: 3 }, { clock: { now: () => now } });

  it('refuses a deadline or closing date in the past, with its own error code', async () => {
    const { h, p } = setup;
    now = new Date();
    const past = new Date(now.getTime() - 60_000).toISOString();
    await expect(createPoll(h.deps, p.actor('fac'), { question: 'Welke dag?', kind: 'scale', deadline: past })).rejects.toMatchObject({
      code: 'deadline_past',
      params: { field: 'deadline' },
    });
    await expect(openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat helpt?', closesAt: past })).rejects.toMatchObject({
      code: 'deadline_past',
      params: { field: 'closesAt' },
    });
  });

  it('closes an anonymous poll at its deadline with the effects of a manual close, once', async () => {
    const { h, p } = setup;
    now = new Date();
    const deadline = later(3_600_000);
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke dag?', kind: 'scale', anonymity: 'anonymous', deadline });
    // Defaults applied: results after close.
    expect(poll.resultsVisibility).toBe('after_close');
    await castBallot(h.deps, p.actor('e1'), poll.id, { value: 4 });
    expect((await pollResults(h.deps, p.actor('e1'), poll.id)).visible).toBe(false);

    now = new Date(deadline.getTime() + 1000);
    // From the deadline on, members are refused before the job gets to it, and nobody is reminded of it.
    await expect(castBallot(h.deps, p.actor('e2'), poll.id, { value: 2 })).rejects.toMatchObject({ code: 'poll_closed' });
    now = new Date(deadline.getTime() + 2 * 86_400_000);
    expect(await createRemindersForAllZones(h.deps)).toBe(0);

    const closed = await closeDuePolls(h.deps);
    expect(closed.map((c) => c.id)).toContain(poll.id);
    const stored = await getPoll(h.deps, p.actor('fac'), poll.id);
    expect(stored).toMatchObject({ status: 'closed', closedAt: deadline });
    const ballots = await h.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
    expect(ballots.map((b) => b.voterKey)).toEqual([null]);
    const results = await pollResults(h.deps, p.actor('e1'), poll.id);
    expect(results).toMatchObject({ visible: true, turnout: 1, scaleAverage: 4 });

    expect(await closeDuePolls(h.deps)).toEqual([]);
    await expect(closePoll(h.deps, p.actor('fac'), poll.id)).rejects.toMatchObject({ code: 'poll_closed' });
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id, { objectId: poll.id }));
    expect(audit.filter((e) => e.action === 'poll.closed')).toHaveLength(1);
  });

  it('leaves polls without a deadline, or with a later one, open', async () => {
    const { h, p } = setup;
    now = new Date();
    const open = await createPoll(h.deps, p.actor('fac'), { question: 'Zonder einde?', kind: 'consent' });
    const future = await createPoll(h.deps, p.actor('fac'), { question: 'Later?', kind: 'consent', deadline: later(86_400_000) });
    now = later(3_600_000);
    const closed = (await closeDuePolls(h.deps)).map((c) => c.id);
    expect(closed).not.toContain(open.id);
    expect(closed).not.toContain(future.id);
    expect((await getPoll(h.deps, p.actor('fac'), future.id)).status).toBe('open');
  });

  it('closes the question of the month at its closing date and refuses contributions from then on', async () => {
    const { h, p } = setup;
    now = new Date();
    const closesAt = later(60_000);
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat helpt jou?', closesAt });
    await submitContribution(h.deps, p.actor('e1'), { roundId: round.id, idea: 'Een vaste contactpersoon.', attribution: 'named' });
    now = new Date(closesAt.getTime() + 1);
    await expect(submitContribution(h.deps, p.actor('e2'), { roundId: round.id, idea: 'Te laat.', attribution: 'named' })).rejects.toMatchObject({ code: 'round_closed' });
    expect((await closeDueRounds(h.deps)).map((r) => r.id)).toEqual([round.id]);
    expect(await closeDueRounds(h.deps)).toEqual([]);
    const stored = await h.deps.store.transaction((repos) => repos.rounds.findById(round.id));
    expect(stored?.status).toBe('closed');
  });

  it('is run by the scheduled job', async () => {
    const { h, p } = setup;
    now = new Date();
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Job?', kind: 'scale', deadline: later(1000) });
    now = later(61_000);
    const jobs = startPrivacyJobs(h.deps, createLogger('silent'), 3_600_000, 3_600_000);
    await jobs.runOnce();
    await jobs.stop();
    expect((await getPoll(h.deps, p.actor('fac'), poll.id)).status).toBe('closed');
  });
});
