// What a member's form must hold before anything is read or stored, as pure functions: the use cases
// (createPoll, openIdeaRound, submitContribution, editContribution, respondToConsent, castBallot) run them
// first, and a channel may run the same functions on a form before it answers the platform, so that a
// mistake is shown next to its field at once, without waiting for the database. What only storage can
// refuse (who may do this, is the poll still open, has the member accepted the privacy text) stays in the
// use cases.
import { NEW_POLL_DEFAULTS, NEW_QUESTION_DEFAULTS } from './defaults.js';
import { DomainError } from './errors.js';
import { ballotReason, parseBallot, POLL_KIND_REGISTRY, type PollShape } from './poll-kinds.js';
import { guardFields, wantsRedaction } from './privacy/guard-fields.js';
import {
  ANONYMITY,
  ATTRIBUTIONS,
  CONSENT_DECISIONS,
  LANGUAGES,
  LIMITS,
  POLL_AUDIENCES,
  POLL_KINDS,
  RESULTS_VISIBILITY,
  type Anonymity,
  type Attribution,
  type BallotChoice,
  type ConsentDecision,
  type Language,
  type PollAudience,
  type PollKind,
  type ReasonAttribution,
  type ResultsVisibility,
} from './types.js';
import { futureDate, intInRange, oneOf, optionalText, requireText } from './validation.js';
import type { BallotInput } from './use-cases/polls.js';

const orDefault = (value: unknown, fallback: string): unknown => (value === undefined || value === null || value === '' ? fallback : value);

/** What a poll form sends; left-out fields take `NEW_POLL_DEFAULTS`. */
export interface CreatePollInput {
  question: unknown;
  kind?: unknown;
  anonymity?: unknown;
  resultsVisibility?: unknown;
  options?: unknown;
  maxChoices?: unknown;
  deadline?: unknown;
  meetingId?: unknown;
  /** 'experts' (the default) or 'everyone'. */
  audience?: unknown;
}

export interface CheckedPoll {
  question: string;
  kind: PollKind;
  anonymity: Anonymity;
  resultsVisibility: ResultsVisibility;
  audience: PollAudience;
  deadline: Date | null;
  options: string[];
  maxChoices: number | null;
}

/** A new poll's fields, or the DomainError of the first field that is wrong. */
export function checkPollInput(input: CreatePollInput, now: Date): CheckedPoll {
  const question = requireText(input.question, 'question', LIMITS.question);
  const kind = oneOf(orDefault(input.kind, NEW_POLL_DEFAULTS.kind), POLL_KINDS, 'kind');
  const anonymity = oneOf(orDefault(input.anonymity, NEW_POLL_DEFAULTS.anonymity), ANONYMITY, 'anonymity');
  const resultsVisibility = oneOf(orDefault(input.resultsVisibility, NEW_POLL_DEFAULTS.resultsVisibility), RESULTS_VISIBILITY, 'resultsVisibility');
  const deadline = futureDate(input.deadline, 'deadline', now);
  const audience = oneOf(orDefault(input.audience, NEW_POLL_DEFAULTS.audience), POLL_AUDIENCES, 'audience');
  let options: string[] = [];
  let maxChoices: number | null = null;
  if (POLL_KIND_REGISTRY[kind].hasOptions) {
    const raw = Array.isArray(input.options) ? input.options : [];
    options = raw.map((option) => optionalText(option, 'options', LIMITS.shortText)).filter((o) => o.length > 0);
    if (options.length < LIMITS.pollOptionsMin || options.length > LIMITS.pollOptionsMax) {
      throw new DomainError('invalid_input', { field: 'options' });
    }
    if (new Set(options.map((o) => o.toLocaleLowerCase())).size !== options.length) {
      throw new DomainError('invalid_input', { field: 'options' });
    }
    if (kind === 'multiple' && input.maxChoices !== undefined && input.maxChoices !== null && input.maxChoices !== '') {
      maxChoices = intInRange(input.maxChoices, 'maxChoices', 1, options.length);
    }
  }
  return { question, kind, anonymity, resultsVisibility, audience, deadline, options, maxChoices };
}

export interface RoundInput {
  question: unknown;
  description?: unknown;
  closesAt?: unknown;
  meetingId?: unknown;
}

/** A new question of the month's fields. */
export function checkRoundInput(input: RoundInput, now: Date): { question: string; description: string; closesAt: Date | null } {
  const question = requireText(input.question, 'question', LIMITS.question);
  const description = optionalText(input.description, 'description', LIMITS.longText);
  const closesAt = futureDate(input.closesAt ?? NEW_QUESTION_DEFAULTS.closesAt, 'closesAt', now);
  return { question, description, closesAt };
}

export interface ContributionInput {
  roundId?: unknown;
  whatHappens?: unknown;
  whatIsNeeded?: unknown;
  idea?: unknown;
  domainKeys?: unknown;
  attribution?: unknown;
  language?: unknown;
  /** "Let the bot redact": replace what the guard finds instead of refusing the text. */
  redact?: unknown;
}

export interface CheckedContribution {
  fields: { whatHappens: string; whatIsNeeded: string; idea: string };
  /** Undefined only when editing and the form left it out (the stored choice stays). */
  attribution: Attribution | undefined;
  /** The domain keys as given (whether each exists is for storage to say). */
  domainKeys: string[] | undefined;
}

/**
 * A contribution's fields: at least one of the three, each within its limit, passed through the
 * sensitive-data guard in `language`; the member's explicit choice of how they are mentioned (a new
 * contribution never gets a default); at most `LIMITS.domainTagsMax` domains.
 */
export function checkContributionInput(input: ContributionInput, opts: { language: Language; editing: false }): CheckedContribution & { attribution: Attribution };
export function checkContributionInput(input: ContributionInput, opts: { language: Language; editing: boolean }): CheckedContribution;
export function checkContributionInput(input: ContributionInput, opts: { language: Language; editing: boolean }): CheckedContribution {
  const whatHappens = optionalText(input.whatHappens, 'whatHappens', LIMITS.contributionField);
  const whatIsNeeded = optionalText(input.whatIsNeeded, 'whatIsNeeded', LIMITS.contributionField);
  const idea = optionalText(input.idea, 'idea', LIMITS.contributionField);
  if (!whatHappens && !whatIsNeeded && !idea) throw new DomainError('text_empty', { field: 'contribution' });
  const fields = guardFields({ whatHappens, whatIsNeeded, idea }, { redact: wantsRedaction(input.redact), language: opts.language });
  const domainKeys = domainKeysOf(input.domainKeys);
  const attribution = opts.editing && input.attribution === undefined ? undefined : requireAttribution(input.attribution);
  return { fields, attribution, domainKeys };
}

function domainKeysOf(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const keys = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' && raw !== '' ? [raw] : [];
  if (keys.length > LIMITS.domainTagsMax) throw new DomainError('invalid_input', { field: 'domainKeys' });
  return [...new Set(keys)];
}

/** How a member is mentioned is their choice, never a default: a missing choice is refused, not guessed. */
function requireAttribution(value: unknown): Attribution {
  if (value === undefined || value === null || value === '') throw new DomainError('attribution_required', { field: 'attribution' });
  return oneOf(value, ATTRIBUTIONS, 'attribution');
}

/** The language a contribution is written in: as given, or the member's. */
export function contributionLanguage(input: ContributionInput, memberLanguage: Language): Language {
  return oneOf(input.language ?? memberLanguage, LANGUAGES, 'language');
}

/** An answer to a consent request: the decision, and for a change request the comment (guarded). */
export function checkConsentAnswer(
  input: { decision: unknown; comment?: unknown; redact?: unknown },
  language: Language,
): { decision: ConsentDecision; comment: string } {
  const decision = oneOf(input.decision, CONSENT_DECISIONS, 'decision');
  const raw = decision === 'request_change' ? optionalText(input.comment, 'comment', LIMITS.reason) : '';
  const { comment } = guardFields({ comment: raw }, { redact: wantsRedaction(input.redact), language });
  return { decision, comment };
}

/** The reason of a ballot as typed: clean and within its limit (the guard runs in `checkBallotInput`). */
export function ballotReasonText(input: BallotInput): string {
  return optionalText(input.reason, 'reason', LIMITS.reason);
}

/**
 * A ballot for a poll of this shape: the answer read for the poll's kind (known options, how many), the
 * reason guarded, and the member's choice of name with it. Whether the poll is still open, and whether
 * this member may vote, is for storage to say.
 */
export function checkBallotInput(
  poll: PollShape,
  input: BallotInput,
  language: Language,
): { choice: BallotChoice; reason: string | null; reasonAttribution: ReasonAttribution | null } {
  const { reason: reasonText } = guardFields({ reason: ballotReasonText(input) }, { redact: wantsRedaction(input.redact), language });
  const choice = parseBallot(poll, input);
  return { choice, ...ballotReason(poll, reasonText, input.reasonAttribution) };
}
