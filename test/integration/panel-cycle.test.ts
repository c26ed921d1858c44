import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castBallot,
  closePoll,
  createBacklogItem,
  createPoll,
  draftSummary,
  editSummary,
  getSummaryVersion,
  listBacklog,
  listSummaries,
  memberHome,
  myConsentRequests,
  openIdeaRound,
  planMeeting,
  pollResults,
  publishSummary,
  recordMeetingOutcome,
  respondToBacklogItem,
  respondToConsent,
  submitContribution,
  withdrawContribution,
  DomainError,
} from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';

describe.each(testDatabases())('the whole panel cycle through the core on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: 4 });
  });
  afterAll(async () => h?.close());

  it('runs meeting, poll, question, contributions, summary, consent, board and feedback', async () => {
    const { deps } = h;
    const fac = p.actor('fac');
    const meeting = await planMeeting(deps, fac, { title: 'Maandelijkse sessie', scheduledAt: '2026-12-10T18:00:00Z', agenda: 'Vervoer naar de huisarts' });

    const poll = await createPoll(deps, fac, {
      question: 'Welk thema eerst?',
      kind: 'single',
      anonymity: 'confidential',
      resultsVisibility: 'after_close',
      options: ['Vervoer', 'Wachttijden', 'Digitale drempels'],
      meetingId: meeting.id,
    });
    const [vervoer, wachttijden] = poll.options;
    await castBallot(deps, p.actor('e1'), poll.id, { optionIds: [vervoer!.id] });
    await castBallot(deps, p.actor('e2'), poll.id, { optionIds: [wachttijden!.id] });
    await castBallot(deps, p.actor('e2'), poll.id, { optionIds: [vervoer!.id] }); // changes their mind
    const hidden = await pollResults(deps, p.actor('e1'), poll.id);
    expect(hidden.visible).toBe(false);
    expect(hidden.turnout).toBe(2);
    expect(hidden.options.every((o) => o.count === 0)).toBe(true);
    await closePoll(deps, fac, poll.id);
    const results = await pollResults(deps, p.actor('e1'), poll.id);
    expect(results.options.find((o) => o.optionId === vervoer!.id)?.count).toBe(2);
    expect(results.voters).toBeNull(); // confidential: experts do not see who
    expect((await pollResults(deps, fac, poll.id)).voters?.map((v) => v.displayName).sort()).toEqual(['e1', 'e2']);

    const round = await openIdeaRound(deps, fac, { question: 'Wat maakt de weg naar zorg moeilijk?', meetingId: meeting.id });
    const c1 = await submitContribution(deps, p.actor('e1'), {
      roundId: round.id,
      whatHappens: 'De bus naar het gezondheidscentrum rijdt maar één keer per uur.',
      whatIsNeeded: 'Vervoer op maat voor wie slecht te been is.',
      idea: 'Een vrijwilligersdienst die mensen naar de dokter brengt.',
      domainKeys: ['chronic_illness'],
      attribution: 'named',
    });
    const c2 = await submitContribution(deps, p.actor('e2'), {
      roundId: round.id,
      whatHappens: "Je dois choisir entre payer le médecin et payer l'électricité.",
      idea: 'Le tiers payant pour tout le monde dans la zone.',
      domainKeys: ['poverty'],
      attribution: 'anonymous',
      language: 'fr',
    });
    const c3 = await submitContribution(deps, p.actor('e3'), {
      roundId: round.id,
      whatIsNeeded: 'Someone who explains the forms in plain language.',
      domainKeys: ['poverty'],
      attribution: 'named',
      language: 'en',
    });
    await submitContribution(deps, p.actor('e4'), {
      roundId: round.id,
      idea: 'Do not quote me, but the waiting room is far too loud for me.',
      domainKeys: ['addiction'],
      attribution: 'no_quote',
    });
    expect(c2.authorId).toBeNull(); // anonymity is real in storage

    const { summary, version: v1 } = await draftSummary(deps, fac, { roundId: round.id, language: 'nl' });
    expect(v1.generator).toBe('offline');
    expect(v1.status).toBe('awaiting_consent');
    const quotes = v1.statements.flatMap((s) => s.citations);
    expect(quotes.map((q) => q.contributionId).sort()).toEqual([c1.id, c2.id, c3.id].sort()); // no_quote is never quoted
    expect(quotes.find((q) => q.contributionId === c2.id)?.attributedName).toBeNull();
    expect(v1.facts.contributors).toBe(4);
    expect(v1.facts.domainsMissing).toContain('disability');
    await expect(publishSummary(deps, fac, v1.id)).rejects.toMatchObject({ code: 'consent_missing', params: { count: 3 } });

    // e1 approves, e2 (anonymous author) approves, e3 withdraws their input: re-issued without it
    const ask = async (name: string) => {
      const [review] = await myConsentRequests(deps, p.actor(name));
      expect(review?.version.id).toBeDefined();
      return review!;
    };
    expect((await ask('e2')).myContributionIds).toEqual([c2.id]);
    await respondToConsent(deps, p.actor('e1'), (await ask('e1')).request.id, { decision: 'approve' });
    await respondToConsent(deps, p.actor('e2'), (await ask('e2')).request.id, { decision: 'approve_anonymous' });
    const withdrawal = await respondToConsent(deps, p.actor('e3'), (await ask('e3')).request.id, { decision: 'withdraw' });
    const v2 = withdrawal.reissued[0]!;
    expect(v2.number).toBe(2);
    expect(v2.statements.flatMap((s) => s.citations).some((c) => c.contributionId === c3.id)).toBe(false);
    expect(v2.removals).toContainEqual({ contributionId: c3.id, reason: 'consent_withdrawn' });
    expect(await myConsentRequests(deps, p.actor('e3'))).toEqual([]);

    // e1's and e2's own quotes did not change: their approvals (e2's without a name) carry over to version 2
    expect(await myConsentRequests(deps, p.actor('e1'))).toEqual([]);
    expect(await myConsentRequests(deps, p.actor('e2'))).toEqual([]);
    const published = await publishSummary(deps, fac, v2.id);
    expect(published.status).toBe('published');

    const board = p.actor('board');
    const boardView = await listSummaries(deps, board);
    expect(boardView).toHaveLength(1);
    expect(boardView[0]!.published?.id).toBe(v2.id);
    const statement = published.statements.find((s) => s.citations.some((c) => c.contributionId === c1.id))!;
    const pillars = (await listBacklog(deps, board)).filter((i) => i.level === 'pillar');
    const pillar = pillars[0] ?? (await createBacklogItem(deps, board, { level: 'pillar', title: 'Toegankelijke zorg' }));
    const goal = await createBacklogItem(deps, board, { level: 'strategic_goal', parentId: pillar.id, title: 'Zorg is bereikbaar' });
    const op = await createBacklogItem(deps, board, { level: 'operational_goal', parentId: goal.id, title: 'Vervoer regelen' });
    const action = await createBacklogItem(deps, board, {
      level: 'action',
      parentId: op.id,
      title: 'Vrijwilligersvervoer opstarten',
      owner: 'Zorgraad',
      dueDate: '2027-03-01',
      statementIds: [statement.id],
    });
    expect(action.links.some((l) => l.contributionId === c1.id && l.quote)).toBe(true);
    await respondToBacklogItem(deps, board, action.id, 'We starten in maart met een proefproject vrijwilligersvervoer.');

    const home = await memberHome(deps, p.actor('e1'));
    expect(home.outcomes[0]?.items[0]?.boardResponse).toContain('proefproject');
    expect(home.notifications.some((n) => n.kind === 'input_outcome')).toBe(true);

    // withdrawing after publication re-issues the published summary at once; the backlog keeps its text
    await withdrawContribution(deps, p.actor('e1'), c1.id);
    const after = await listSummaries(deps, board);
    const v3 = after[0]!.published!;
    expect(v3.number).toBe(3);
    expect(v3.statements.flatMap((s) => s.citations).some((c) => c.contributionId === c1.id)).toBe(false);
    const actionAfter = (await listBacklog(deps, board)).find((i) => i.id === action.id)!;
    expect(actionAfter.title).toBe('Vrijwilligersvervoer opstarten');
    expect(actionAfter.links.some((l) => l.contributionId === c1.id || (l.quote ?? '').includes('vrijwilligersdienst'))).toBe(false);
    const boardHome = await memberHome(deps, board);
    expect(boardHome.notifications.some((n) => n.kind === 'summary_changed')).toBe(true);

    // anonymous approval: the published quote has no name
    expect(v3.statements.flatMap((s) => s.citations).find((c) => c.contributionId === c2.id)?.attributedName).toBeNull();
    await recordMeetingOutcome(deps, fac, meeting.id, { decisions: 'Vervoer krijgt voorrang.' });
    expect(summary.title).toBe(round.question);
  });

  it('an edit by the facilitator makes a new version and drops quotes that are not verbatim', async () => {
    const { deps } = h;
    const fac = p.actor('fac');
    const round = await openIdeaRound(deps, fac, { question: 'Hoe voel je je ontvangen?' });
    const c = await submitContribution(deps, p.actor('e4'), {
      roundId: round.id,
      whatHappens: 'Aan het loket word ik vaak van het kastje naar de muur gestuurd.',
      attribution: 'named',
    });
    const { version } = await draftSummary(deps, fac, { roundId: round.id });
    const edited = await editSummary(deps, fac, version.id, [
      { theme: 'Onthaal', text: 'Mensen voelen zich van het kastje naar de muur gestuurd.', citations: [{ contributionId: c.id, quote: 'van het kastje naar de muur gestuurd' }] },
      { theme: 'Verzonnen', text: 'Een uitspraak zonder bron.', citations: [{ contributionId: c.id, quote: 'dit heeft niemand gezegd' }] },
    ]);
    expect(edited.number).toBe(2);
    expect(edited.statements).toHaveLength(1);
    expect(edited.removals.map((r) => r.reason)).toEqual(['quote_not_found', 'statement_unsupported']);
    expect(edited.contentHash).not.toBe(version.contentHash);
    await expect(getSummaryVersion(deps, p.actor('e1'), edited.id)).rejects.toBeInstanceOf(DomainError);
    expect((await getSummaryVersion(deps, p.actor('e4'), edited.id)).id).toBe(edited.id);
  });
});
