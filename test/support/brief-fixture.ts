import {
  castBallot,
  closePoll,
  createBacklogItem,
  createPoll,
  draftSummary,
  editSummary,
  myConsentRequests,
  openIdeaRound,
  planMeeting,
  publishSummary,
  respondToConsent,
  submitContribution,
  updateBacklogItem,
  type CoreDeps,
} from '../../src/core/index.js';
import type { TestPanel } from './harness.js';

/** Words with the accents a PDF font must carry (é, è, ç, ë), quoted verbatim from contributions. */
export const BRIEF_TEXT = {
  quoteFr: "Je dois choisir entre payer le médecin et l'électricité, ça me pèse",
  quoteNl: 'de bus naar het gezondheidscentrum rijdt één keer per uur, zeër lastig',
  statementFr: 'Les coûts de santé passent après les factures du ménage.',
  statementNl: 'Vervoer naar de zorg is een drempel.',
  unconsented: 'dit citaat wacht nog op toestemming',
  poll: 'Welk thema eerst?',
  action: 'Vrijwilligersvervoer opstarten',
};

/**
 * A meeting with a closed poll, a question of the month whose summary every quoted person approved, a
 * second summary still awaiting consent, and an action plan whose action moved during the period.
 */
export async function seedBrief(deps: CoreDeps, p: TestPanel) {
  const fac = p.actor('fac');
  const board = p.actor('board');
  const meeting = await planMeeting(deps, fac, { title: 'Sessie december', scheduledAt: new Date(Date.now() - 86_400_000).toISOString(), agenda: 'Vervoer' });
  const poll = await createPoll(deps, fac, { question: BRIEF_TEXT.poll, kind: 'single', anonymity: 'anonymous', resultsVisibility: 'after_close', options: ['Vervoer', 'Wachttijden'], meetingId: meeting.id });
  await castBallot(deps, p.actor('e1'), poll.id, { optionIds: [poll.options[0]!.id] });
  await castBallot(deps, p.actor('e2'), poll.id, { optionIds: [poll.options[0]!.id] });
  await castBallot(deps, p.actor('e3'), poll.id, { optionIds: [poll.options[1]!.id] });
  await closePoll(deps, fac, poll.id);

  const round = await openIdeaRound(deps, fac, { question: 'Wat maakt de weg naar zorg moeilijk?', meetingId: meeting.id });
  const c1 = await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: `Echt: ${BRIEF_TEXT.quoteNl}.`, domainKeys: ['informal_care'], attribution: 'named' });
  const c2 = await submitContribution(deps, p.actor('e2'), { roundId: round.id, whatHappens: `${BRIEF_TEXT.quoteFr}.`, domainKeys: ['chronic_illness'], attribution: 'anonymous', language: 'fr' });
  const { version } = await draftSummary(deps, fac, { roundId: round.id, language: 'nl' });
  const edited = await editSummary(deps, fac, version.id, [
    { theme: 'Vervoer', text: BRIEF_TEXT.statementNl, citations: [{ contributionId: c1.id, quote: BRIEF_TEXT.quoteNl }] },
    { theme: 'Kosten', text: BRIEF_TEXT.statementFr, citations: [{ contributionId: c2.id, quote: BRIEF_TEXT.quoteFr }] },
  ]);
  for (const name of ['e1', 'e2']) {
    const review = (await myConsentRequests(deps, p.actor(name))).find((r) => r.version.id === edited.id)!;
    await respondToConsent(deps, p.actor(name), review.request.id, { decision: 'approve' });
  }
  const published = await publishSummary(deps, fac, edited.id);

  const other = await openIdeaRound(deps, fac, { question: 'Nog iets?' });
  const c3 = await submitContribution(deps, p.actor('e3'), { roundId: other.id, whatHappens: `Zeker: ${BRIEF_TEXT.unconsented}.`, attribution: 'named', language: 'nl' });
  const draft = await draftSummary(deps, fac, { roundId: other.id, language: 'nl' });
  await editSummary(deps, fac, draft.version.id, [{ theme: 'Wacht', text: 'Nog niet goedgekeurd.', citations: [{ contributionId: c3.id, quote: BRIEF_TEXT.unconsented }] }]);

  const pillar = await createBacklogItem(deps, board, { level: 'pillar', title: 'Toegankelijke zorg' });
  const goal = await createBacklogItem(deps, board, { level: 'strategic_goal', parentId: pillar.id, title: 'Zorg is bereikbaar' });
  const op = await createBacklogItem(deps, board, { level: 'operational_goal', parentId: goal.id, title: 'Vervoer regelen' });
  const action = await createBacklogItem(deps, board, { level: 'action', parentId: op.id, title: BRIEF_TEXT.action, owner: 'Zorgraad', statementIds: [published.statements[0]!.id] });
  await updateBacklogItem(deps, board, action.id, { status: 'in_progress', progress: '40' });
  return { meeting, poll, round, published, pillar, goal, op, action, contributions: { c1, c2, c3 } };
}
