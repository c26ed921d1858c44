export * from './types.js';
export * from './errors.js';
export type * from './ports.js';
export type { CoreDeps } from './context.js';
export * from './synthesis.js';
export { can, enforce, allowedActions, type PolicyAction, type PolicyObjects } from './policy.js';
export { isPollOpen, isRoundOpen } from './lifecycle.js';
export { NEW_POLL_DEFAULTS, NEW_QUESTION_DEFAULTS } from './defaults.js';
export {
  checkBallotInput,
  checkConsentAnswer,
  checkContributionInput,
  checkPollInput,
  checkRoundInput,
  type CheckedPoll,
  type RoundInput,
} from './form-checks.js';
export {
  POLL_KIND_REGISTRY,
  describeBallot,
  parseBallot,
  type PollShape,
  tallyBallots,
  type BallotFields,
  type Tally,
  type Translate,
} from './poll-kinds.js';
export { verifyStatements, normaliseForMatch } from './quote-check.js';
export { isUnquoted, quotedCitations, unquotedCount } from './statement-support.js';
export * from './use-cases/members.js';
export * from './use-cases/meetings.js';
export * from './use-cases/polls.js';
export { pollScreen, vote, type PollScreen, type VoteOutcome } from './use-cases/poll-screen.js';
export { once, type Delivered } from './use-cases/once.js';
export { facilitatorOverview, type FacilitatorOverview } from './use-cases/facilitator-overview.js';
export * from './use-cases/rounds.js';
export { closeDuePolls, closeDueRounds } from './use-cases/close-due.js';
export * from './use-cases/summaries.js';
export * from './use-cases/consent.js';
export * from './use-cases/backlog.js';
export * from './use-cases/home.js';
export * from './use-cases/channels.js';
export * from './use-cases/display-names.js';
export * from './use-cases/version-consent.js';
export * from './use-cases/change-requests.js';
export * from './privacy/index.js';
export type { PollResults } from './use-cases/poll-results.js';
export { isQuietTime } from './time.js';
export { seedDemoPanel } from './seed-demo.js';
export * from './use-cases/brief.js';
export * from './use-cases/brief-turnout.js';
export * from './use-cases/action-plan.js';
export { backlogItemHistory } from './use-cases/backlog-history.js';
export * from './use-cases/meeting-session.js';
export * from './use-cases/poll-short-codes.js';
export * from './use-cases/thread.js';
export * from './use-cases/stats.js';
export * from './use-cases/translations.js';
export * from './use-cases/translation-drafts.js';
