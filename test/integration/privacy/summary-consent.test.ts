import { describe, expect, it } from 'vitest';
import {
  draftSummary,
  editSummary,
  expireConsentRequests,
  getSummaryVersion,
  listSummaries,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

const DAY = 24 * 3600_000;

describe.each(testDatabases())('summary consent with a deadline on $name', ({ makeUrl }) => {
  let now = new Date('2026-12-01T10:00:00Z');
  const setup = usePanelHarness(makeUrl, { experts: 3 }, { clock: { now: () => now }, privacy: { retentionDays: 730, consentDeadlineDays: 7 } });

  const ask = async (name: string) => (await myConsentRequests(setup.h.deps, setup.p.actor(name)))[0]!;

  it('removes the words of a member who did not answer by the deadline; the others are asked again', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat mist er?' });
    await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: 'Er is geen huisarts die nog nieuwe patiënten neemt.', attribution: 'named' });
    await submitContribution(deps, p.actor('e2'), { roundId: round.id, whatHappens: 'Ik vind niemand die mijn papieren uitlegt.', attribution: 'anonymous' });
    await submitContribution(deps, p.actor('e3'), { roundId: round.id, whatHappens: 'The night bus stopped running last year.', attribution: 'named' });
    const { version: v1 } = await draftSummary(deps, p.actor('fac'), { roundId: round.id });
    const first = await ask('e1');
    expect(first.request.deadline?.toISOString()).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
    await respondToConsent(deps, p.actor('e1'), first.request.id, { decision: 'approve' });
    await respondToConsent(deps, p.actor('e2'), (await ask('e2')).request.id, { decision: 'approve_anonymous' });

    // Before the deadline nothing happens, and the board sees nothing.
    now = new Date(now.getTime() + 6 * DAY);
    expect((await expireConsentRequests(deps)).expired).toBe(0);
    await expect(publishSummary(deps, p.actor('fac'), v1.id)).rejects.toMatchObject({ code: 'consent_missing', params: { count: 1 } });
    expect(await listSummaries(deps, p.actor('board'))).toEqual([]);

    now = new Date(now.getTime() + 2 * DAY);
    const { expired, reissued } = await expireConsentRequests(deps);
    expect(expired).toBe(1);
    const v2 = reissued[0]!;
    expect(v2.number).toBe(2);
    expect(v2.statements.flatMap((s) => s.citations).some((c) => c.quote.includes('night bus'))).toBe(false);
    expect(v2.removals).toContainEqual(expect.objectContaining({ reason: 'no_answer' }));
    // e3 is not asked about the new version; e1's and e2's answers (e2's without a name) carry over, since
    // their own quotes and the statements around them did not change.
    expect(await myConsentRequests(deps, p.actor('e3'))).toEqual([]);
    expect(await myConsentRequests(deps, p.actor('e1'))).toEqual([]);
    expect(await myConsentRequests(deps, p.actor('e2'))).toEqual([]);
    const published = await publishSummary(deps, p.actor('fac'), v2.id);
    expect(published.status).toBe('published');
    expect((await expireConsentRequests(deps)).expired).toBe(0);
    const board = await getSummaryVersion(deps, p.actor('board'), v2.id);
    expect(board.statements.flatMap((s) => s.citations).map((c) => c.attributedName).sort()).toEqual(['e1', null].sort());
  });

  it('an edit voids every earlier approval; only a fully approved version reaches the board', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat helpt jou?' });
    const c = await submitContribution(deps, p.actor('e1'), { roundId: round.id, idea: 'Een vaste contactpersoon in het ziekenhuis zou helpen.', attribution: 'named' });
    const { version } = await draftSummary(deps, p.actor('fac'), { roundId: round.id });
    await respondToConsent(deps, p.actor('e1'), (await ask('e1')).request.id, { decision: 'approve' });
    const edited = await editSummary(deps, p.actor('fac'), version.id, [
      { theme: 'Ziekenhuis', text: 'Een vaste contactpersoon helpt.', citations: [{ contributionId: c.id, quote: 'Een vaste contactpersoon in het ziekenhuis zou helpen.' }] },
    ]);
    await expect(publishSummary(deps, p.actor('fac'), version.id)).rejects.toMatchObject({ code: 'version_not_current' });
    await expect(publishSummary(deps, p.actor('fac'), edited.id)).rejects.toMatchObject({ code: 'consent_missing' });
    await expect(getSummaryVersion(deps, p.actor('board'), edited.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
