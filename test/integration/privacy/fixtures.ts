import { beforeAll } from 'vitest';
import {
  castBallot,
  closePoll,
  createBacklogItem,
  createPoll,
  draftSummary,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
  type BacklogItemRecord,
  type ContributionRecord,
  type CoreDeps,
  type PollRecord,
  type SummaryVersionRecord,
} from '../../../src/core/index.js';
import { usePanelHarness, type PanelSetup, type TestPanel } from '../../support/harness.js';

export const SENTENCES = {
  named: 'De wachtzaal van de huisartsenpost is te klein voor rolstoelen.',
  anonymous: 'Ik schaam me om aan het OCMW te vragen wie mijn medicatie betaalt.',
  other: 'Een buddy die mee naar de afspraak gaat, zou veel helpen.',
  reason: 'Zaterdag werk ik in de sociale kruidenier.',
};

export interface Scenario {
  named: ContributionRecord;
  anonymous: ContributionRecord;
  other: ContributionRecord;
  published: SummaryVersionRecord;
  item: BacklogItemRecord;
  namedPoll: PollRecord;
  anonymousPoll: PollRecord;
}

/**
 * e1 writes one named and one anonymous contribution, votes in a named poll (with a reason) and in an
 * open anonymous poll; e2 writes one named contribution. A summary quoting all three is approved (e1's
 * anonymous quote without name) and published; the board links an action to it.
 */
export async function panelWithInput(deps: CoreDeps, p: TestPanel): Promise<Scenario> {
  const fac = p.actor('fac');
  const e1 = p.actor('e1');
  const round = await openIdeaRound(deps, fac, { question: 'Wat maakt zorg moeilijk bereikbaar?' });
  const named = await submitContribution(deps, e1, { roundId: round.id, whatHappens: SENTENCES.named, domainKeys: ['disability'], attribution: 'named' });
  const anonymous = await submitContribution(deps, e1, { roundId: round.id, whatHappens: SENTENCES.anonymous, domainKeys: ['poverty'], attribution: 'anonymous' });
  const other = await submitContribution(deps, p.actor('e2'), { roundId: round.id, idea: SENTENCES.other, domainKeys: ['poverty'], attribution: 'named' });
  const namedPoll = await createPoll(deps, fac, { question: 'Zaterdag vergaderen?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' });
  await castBallot(deps, e1, namedPoll.id, { vote: 'object', reason: SENTENCES.reason, reasonAttribution: 'named' });
  await closePoll(deps, fac, namedPoll.id);
  const anonymousPoll = await createPoll(deps, fac, { question: 'Hoe tevreden ben je?', kind: 'scale', anonymity: 'anonymous', resultsVisibility: 'after_close' });
  await castBallot(deps, e1, anonymousPoll.id, { value: 2 });
  await castBallot(deps, p.actor('e2'), anonymousPoll.id, { value: 4 });
  const { version } = await draftSummary(deps, fac, { roundId: round.id });
  for (const [name, decision] of [['e1', 'approve'], ['e2', 'approve']] as const) {
    const [review] = await myConsentRequests(deps, p.actor(name));
    await respondToConsent(deps, p.actor(name), review!.request.id, { decision });
  }
  const published = await publishSummary(deps, fac, version.id);
  const board = p.actor('board');
  const pillar = await createBacklogItem(deps, board, { level: 'pillar', title: 'Bereikbare zorg' });
  const statement = published.statements.find((s) => s.citations.some((c) => c.contributionId === named.id))!;
  const goal = await createBacklogItem(deps, board, { level: 'strategic_goal', parentId: pillar.id, title: 'Toegankelijke gebouwen' });
  const op = await createBacklogItem(deps, board, { level: 'operational_goal', parentId: goal.id, title: 'Wachtzalen aanpassen' });
  const item = await createBacklogItem(deps, board, { level: 'action', parentId: op.id, title: 'Grotere wachtzaal huisartsenpost', statementIds: [statement.id] });
  return { named, anonymous, other, published, item, namedPoll, anonymousPoll };
}

/** `usePanelHarness` with two experts and, before the tests, `panelWithInput`'s scenario as `s`. */
export function usePanelWithInput(makeUrl: () => Promise<string>, overrides: Partial<CoreDeps> = {}): PanelSetup & { s: Scenario } {
  const setup = usePanelHarness(makeUrl, { experts: 2 }, overrides) as PanelSetup & { s: Scenario };
  beforeAll(async () => {
    setup.s = await panelWithInput(setup.h.deps, setup.p);
  });
  return setup;
}
