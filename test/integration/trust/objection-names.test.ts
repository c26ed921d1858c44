import { describe, expect, it } from 'vitest';
import { boardBrief, castBallot, closePoll, createPoll, myBallot, pollResults, vote } from '../../../src/core/index.js';
import { briefDocument } from '../../../src/board/brief/document.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

const consentPoll = { question: 'Gaan we akkoord met het voorstel?', kind: 'consent', resultsVisibility: 'live' };
const REASONS = { e1: 'Het kost te veel voor gezinnen.', e2: 'Niemand heeft het ons gevraagd.', e3: 'De bus rijdt niet op zondag.' };

describe.each(testDatabases())('objection reasons and the names of their authors, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 4 });

  it('stores a reason only with its author\'s explicit choice of name, and shows names only where they chose so', async () => {
    const { h, p } = setup;
    const poll = await createPoll(h.deps, p.actor('fac'), { ...consentPoll, anonymity: 'named' });
    // A reason without the choice is refused, in both ways a vote is stored (batched and alone); nothing is kept.
    await expect(castBallot(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: REASONS.e1 })).rejects.toMatchObject({ code: 'reason_name_choice_required', params: { field: 'reasonAttribution' } });
    await expect(vote(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: REASONS.e1, reasonAttribution: 'yes' })).rejects.toMatchObject({ code: 'reason_name_choice_required' });
    expect(await myBallot(h.deps, p.actor('e1'), poll.id)).toBeNull();
    // Without a reason there is nothing to choose.
    await castBallot(h.deps, p.actor('e4'), poll.id, { vote: 'object' });

    await castBallot(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: REASONS.e1, reasonAttribution: 'named' });
    await vote(h.deps, p.actor('e2'), poll.id, { vote: 'object', reason: REASONS.e2, reasonAttribution: 'anonymous' });
    await castBallot(h.deps, p.actor('e3'), poll.id, { vote: 'object', reason: REASONS.e3, reasonAttribution: 'named' });
    expect((await myBallot(h.deps, p.actor('e1'), poll.id))?.reasonAttribution).toBe('named');
    // e3 changes their mind: their reason goes on without their name.
    await castBallot(h.deps, p.actor('e3'), poll.id, { vote: 'object', reason: REASONS.e3, reasonAttribution: 'anonymous' });

    const expected = [
      { reason: REASONS.e3, name: null },
      { reason: REASONS.e1, name: 'e1' },
      { reason: REASONS.e2, name: null },
    ];
    for (const who of ['board', 'fac', 'e4']) expect((await pollResults(h.deps, p.actor(who), poll.id)).objections).toEqual(expected);

    await closePoll(h.deps, p.actor('fac'), poll.id);
    const brief = await boardBrief(h.deps, p.actor('board'));
    expect(brief.polls.find((b) => b.id === poll.id)?.objections).toEqual(expected);
    const quotes = briefDocument(brief, 'nl', 'Europe/Brussels').blocks.filter((b) => b.kind === 'quote');
    expect(quotes.map((q) => q.kind === 'quote' && [q.text, q.by])).toEqual([
      [REASONS.e3, 'anoniem'],
      [REASONS.e1, 'e1'],
      [REASONS.e2, 'anoniem'],
    ]);
  });

  it('keeps every reason of an anonymous poll without a name, and asks nothing', async () => {
    const { h, p } = setup;
    const poll = await createPoll(h.deps, p.actor('fac'), { ...consentPoll, anonymity: 'anonymous' });
    await castBallot(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: REASONS.e1 });
    // Even a "named" sent by hand cannot join a name to an anonymous ballot.
    await castBallot(h.deps, p.actor('e2'), poll.id, { vote: 'object', reason: REASONS.e2, reasonAttribution: 'named' });
    expect((await myBallot(h.deps, p.actor('e2'), poll.id))?.reasonAttribution).toBe('anonymous');
    expect((await pollResults(h.deps, p.actor('board'), poll.id)).objections).toEqual([
      { reason: REASONS.e1, name: null },
      { reason: REASONS.e2, name: null },
    ]);
  });
});
