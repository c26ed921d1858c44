// A member who reads French in a Dutch-speaking panel, with everything their home shows in translation: an
// open poll, a published summary that quotes them, and an action-plan item that came from it. Each kind
// has a translation a person wrote or confirmed (to be shown, marked "translation") and a model's draft
// nobody confirmed (stored as the drafting job stores it: never to reach a member).
import {
  acceptParticipation,
  createBacklogItem,
  createPoll,
  currentPrivacyNotice,
  draftSummary,
  editSummary,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToBacklogItem,
  respondToConsent,
  submitContribution,
  translateContent,
  type Actor,
  type CoreDeps,
  type TranslatableType,
} from '../../src/core/index.js';

export const HOME_TEXT = {
  question: 'Welk vervoer mist u het meest?',
  questionFr: 'Quel transport vous manque le plus ?',
  optionBus: 'De bus',
  optionBusFr: 'Le bus',
  optionTaxi: 'Een taxi',
  statement: 'De bus rijdt te weinig.',
  statementFr: 'Le bus ne passe pas assez souvent.',
  statementOther: 'Wachten duurt lang.',
  itemTitle: 'Vrijwilligersvervoer opstarten',
  itemTitleFr: 'Lancer un transport bénévole',
  response: 'We starten in maart met twee chauffeurs.',
};

/** Unconfirmed drafts: none of these may ever show for the member. */
export const DRAFTS = ['BROUILLON-option un taxi', 'BROUILLON-constat attendre', 'BROUILLON-réponse mars'];

export async function seedHomeTranslations(deps: CoreDeps, who: { fac: Actor; board: Actor; expert: Actor }): Promise<void> {
  const { fac, board, expert } = who;
  const draft = (objectType: TranslatableType, objectId: string, field: string, text: string) =>
    deps.store.transaction((repos) => repos.translations.upsert({ tenantId: fac.tenantId, objectType, objectId, field, language: 'fr', text, source: 'llm', confirmedAt: null, createdById: fac.memberId }));

  const poll = await createPoll(deps, fac, { question: HOME_TEXT.question, kind: 'single', options: [HOME_TEXT.optionBus, HOME_TEXT.optionTaxi] });
  const bus = poll.options[0]!;
  const taxi = poll.options[1]!;
  await translateContent(deps, fac, [
    { objectType: 'poll', objectId: poll.id, field: 'question', language: 'fr', text: HOME_TEXT.questionFr },
    { objectType: 'poll_option', objectId: bus.id, pollId: poll.id, field: 'label', language: 'fr', text: HOME_TEXT.optionBusFr },
  ]);
  await draft('poll_option', taxi.id, 'label', DRAFTS[0]!);

  await acceptParticipation(deps, expert, { version: currentPrivacyNotice(deps, expert.language).version });
  const round = await openIdeaRound(deps, fac, { question: 'Wat maakt de weg naar zorg moeilijk?' });
  const mine = await submitContribution(deps, expert, { roundId: round.id, whatHappens: 'De bus rijdt te weinig. Wachten duurt lang.', attribution: 'named', language: 'nl' });
  const { version } = await draftSummary(deps, fac, { roundId: round.id, language: 'nl' });
  const edited = await editSummary(deps, fac, version.id, [
    { theme: 'Vervoer', text: HOME_TEXT.statement, citations: [{ contributionId: mine.id, quote: 'De bus rijdt te weinig.' }] },
    { theme: 'Wachten', text: HOME_TEXT.statementOther, citations: [{ contributionId: mine.id, quote: 'Wachten duurt lang.' }] },
  ]);
  const review = (await myConsentRequests(deps, expert)).find((r) => r.version.id === edited.id)!;
  await respondToConsent(deps, expert, review.request.id, { decision: 'approve' });
  const published = await publishSummary(deps, fac, edited.id);
  const first = published.statements[0]!;
  const second = published.statements[1]!;
  await translateContent(deps, fac, [{ objectType: 'statement', objectId: first.id, versionId: published.id, field: 'text', language: 'fr', text: HOME_TEXT.statementFr }]);
  await draft('statement', second.id, 'text', DRAFTS[1]!);

  const pillar = await createBacklogItem(deps, board, { level: 'pillar', title: 'Toegankelijke zorg' });
  const goal = await createBacklogItem(deps, board, { level: 'strategic_goal', parentId: pillar.id, title: 'Zorg is bereikbaar' });
  const op = await createBacklogItem(deps, board, { level: 'operational_goal', parentId: goal.id, title: 'Vervoer regelen' });
  const action = await createBacklogItem(deps, board, { level: 'action', parentId: op.id, title: HOME_TEXT.itemTitle, statementIds: [first.id] });
  await respondToBacklogItem(deps, board, action.id, HOME_TEXT.response);
  await translateContent(deps, board, [{ objectType: 'backlog_item', objectId: action.id, field: 'title', language: 'fr', text: HOME_TEXT.itemTitleFr }]);
  await draft('backlog_item', action.id, 'boardResponse', DRAFTS[2]!);
}
