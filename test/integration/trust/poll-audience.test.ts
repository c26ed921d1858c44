import { describe, expect, it } from 'vitest';
import { acceptParticipation, castBallot, closePoll, createPoll, pollResults } from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

const consentPoll = { question: 'Gaan we akkoord met het voorstel?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' };

describe.each(testDatabases())('who votes in a poll, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 4, participation: false });

  it('a poll is for the experts unless the facilitator chooses everyone; only members who accepted the privacy text vote', async () => {
    const { h, p } = setup;
    for (const name of ['e1', 'e2', 'e3']) await acceptParticipation(h.deps, p.actor(name));
    const experts = await createPoll(h.deps, p.actor('fac'), consentPoll);
    expect(experts.audience).toBe('experts');
    await expect(castBallot(h.deps, p.actor('e4'), experts.id, { vote: 'agree' })).rejects.toMatchObject({ code: 'participation_consent_required' });
    await acceptParticipation(h.deps, p.actor('board'));
    await expect(castBallot(h.deps, p.actor('board'), experts.id, { vote: 'agree' })).rejects.toMatchObject({ code: 'forbidden' });
    await castBallot(h.deps, p.actor('e1'), experts.id, { vote: 'agree' });
    await castBallot(h.deps, p.actor('e2'), experts.id, { vote: 'object', reason: 'Te weinig tijd om het te lezen.', reasonAttribution: 'anonymous' });
    const results = await pollResults(h.deps, p.actor('fac'), experts.id);
    // Turnout against the four active experts, not the seven accounts of the panel.
    expect({ turnout: results.turnout, eligible: results.eligible }).toEqual({ turnout: 2, eligible: 4 });

    const everyone = await createPoll(h.deps, p.actor('fac'), { ...consentPoll, audience: 'everyone' });
    expect(everyone.audience).toBe('everyone');
    await expect(castBallot(h.deps, p.actor('fac'), everyone.id, { vote: 'agree' })).rejects.toMatchObject({ code: 'participation_consent_required' });
    await acceptParticipation(h.deps, p.actor('fac'));
    await castBallot(h.deps, p.actor('fac'), everyone.id, { vote: 'agree' });
    await castBallot(h.deps, p.actor('board'), everyone.id, { vote: 'live_with' });
    const all = await pollResults(h.deps, p.actor('fac'), everyone.id);
    expect({ turnout: all.turnout, eligible: all.eligible }).toEqual({ turnout: 2, eligible: 7 });
    await expect(createPoll(h.deps, p.actor('fac'), { ...consentPoll, audience: 'board' })).rejects.toMatchObject({ code: 'invalid_input', params: { field: 'audience' } });
    await closePoll(h.deps, p.actor('fac'), experts.id);
  });
});
