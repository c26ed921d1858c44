import { DomainError } from './errors.js';
import { CONSENT_VOTES, REASON_ATTRIBUTIONS, type BallotChoice, type BallotRecord, type ConsentVote, type PollKind, type PollOptionRecord, type PollRecord, type ReasonAttribution } from './types.js';
import { intInRange } from './validation.js';

/**
 * Poll kinds in one registry: how a ballot is read from a form, counted, described in words and stored.
 * A new kind (ranking, budget) is one entry here plus its form in each channel's renderer.
 */

/** What a channel passes in from its form: option ids, a 1-5 value or a consent vote. */
export interface BallotFields {
  optionIds?: unknown;
  value?: unknown;
  vote?: unknown;
  /**
   * Or, kind-neutral, the values picked in a list drawn from the poll's choices (the option ids, the 1-5
   * values or the consent votes): the poll's kind reads them. A channel that sends its pick list's values
   * as they are (Slack's radio buttons and checkboxes) then needs the poll neither to draw the answer
   * back nor to read it, so a vote costs no extra read of the poll.
   */
  picked?: unknown;
}

/**
 * What reading a ballot needs of its poll: a stored poll, or the few facts a channel's vote form carries with
 * it (so that the form can be checked before anything is read from storage).
 */
export type PollShape = Pick<PollRecord, 'kind' | 'maxChoices' | 'anonymity'> & { options: readonly Pick<PollOptionRecord, 'id' | 'position'>[] };

/** `picked` as the kind's own fields; the fields as given when nothing was picked that way. */
function fromPicked(poll: PollShape, input: BallotFields): BallotFields {
  if (input.picked === undefined) return input;
  const picked = (Array.isArray(input.picked) ? input.picked : [input.picked]).map(String);
  if (POLL_KIND_REGISTRY[poll.kind].hasOptions) return { optionIds: picked };
  // One value for a scale or a consent vote: two picked is not a ballot (the kind's parse refuses it).
  const one = picked.length === 1 ? picked[0] : undefined;
  return poll.kind === 'scale' ? { value: one === undefined ? undefined : Number(one) } : { vote: one };
}

export interface Tally {
  options: { optionId: string; label: string; count: number }[];
  scale: { value: number; count: number }[];
  scaleAverage: number | null;
  consent: { vote: ConsentVote; count: number }[];
  /** Objection reasons; `memberId` only where the author chose to be named with theirs. */
  objections: { reason: string; memberId: string | null }[];
}

/** Translation function in the member's language (i18next's `t`, bound to a language). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

interface PollKindDefinition {
  /** Whether the poll has options the facilitator writes. */
  hasOptions: boolean;
  /** Whether a ballot may carry a reason (an objection's why). */
  takesReason: boolean;
  parse(poll: PollShape, input: BallotFields): BallotChoice;
  /** Adds the kind's counts to `tally`; called once per ballot. */
  count(tally: Tally, ballot: BallotRecord): void;
}

const SCALE = [1, 2, 3, 4, 5] as const;

function parseOptions(poll: PollShape, input: BallotFields): BallotChoice {
  const raw = Array.isArray(input.optionIds) ? input.optionIds : input.optionIds === undefined ? [] : [input.optionIds];
  const ids = [...new Set(raw.map(String))];
  const known = new Set(poll.options.map((o) => o.id));
  if (ids.some((id) => !known.has(id))) throw new DomainError('unknown_option');
  if (ids.length === 0) throw new DomainError('invalid_input', { field: 'optionIds' });
  if (poll.kind === 'single' && ids.length !== 1) throw new DomainError('invalid_input', { field: 'optionIds' });
  if (poll.maxChoices !== null && ids.length > poll.maxChoices) {
    throw new DomainError('invalid_input', { field: 'optionIds', max: poll.maxChoices });
  }
  const order = new Map(poll.options.map((o) => [o.id, o.position]));
  ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { kind: 'options', optionIds: ids };
}

function countOptions(tally: Tally, ballot: BallotRecord): void {
  if (ballot.choice.kind !== 'options') return;
  for (const id of ballot.choice.optionIds) {
    const row = tally.options.find((o) => o.optionId === id);
    if (row) row.count += 1;
  }
}

const options: PollKindDefinition = { hasOptions: true, takesReason: false, parse: parseOptions, count: countOptions };

export const POLL_KIND_REGISTRY: Record<PollKind, PollKindDefinition> = {
  single: options,
  multiple: options,
  scale: {
    hasOptions: false,
    takesReason: false,
    parse: (_poll, input) => ({ kind: 'scale', value: intInRange(input.value, 'value', 1, 5) }),
    count(tally, ballot) {
      if (ballot.choice.kind === 'scale') tally.scale[ballot.choice.value - 1]!.count += 1;
    },
  },
  consent: {
    hasOptions: false,
    takesReason: true,
    parse(_poll, input) {
      if (!(CONSENT_VOTES as readonly string[]).includes(String(input.vote))) throw new DomainError('unknown_option');
      return { kind: 'consent', vote: input.vote as ConsentVote };
    },
    count(tally, ballot) {
      if (ballot.choice.kind !== 'consent') return;
      const vote = ballot.choice.vote;
      tally.consent.find((c) => c.vote === vote)!.count += 1;
      if (vote === 'object' && ballot.reason) {
        tally.objections.push({ reason: ballot.reason, memberId: ballot.reasonAttribution === 'named' ? ballot.memberId : null });
      }
    },
  },
};

/**
 * The reason a ballot keeps, and whether its author lets it be shown with their name. That is always their
 * explicit choice (nothing is assumed, either way) when they write a reason. An anonymous poll keeps no link
 * to its voters, so its reasons are anonymous and the question is not asked.
 */
export function ballotReason(poll: PollShape, reasonText: string, attribution: unknown): { reason: string | null; reasonAttribution: ReasonAttribution | null } {
  if (!POLL_KIND_REGISTRY[poll.kind].takesReason || reasonText.length === 0) return { reason: null, reasonAttribution: null };
  if (poll.anonymity === 'anonymous') return { reason: reasonText, reasonAttribution: 'anonymous' };
  if (!(REASON_ATTRIBUTIONS as readonly unknown[]).includes(attribution)) throw new DomainError('reason_name_choice_required', { field: 'reasonAttribution' });
  return { reason: reasonText, reasonAttribution: attribution as ReasonAttribution };
}

/** Reads a ballot from form fields for this poll's kind (DomainError on anything not allowed). */
export function parseBallot(poll: PollShape, input: BallotFields): BallotChoice {
  return POLL_KIND_REGISTRY[poll.kind].parse(poll, fromPicked(poll, input));
}

/** What a poll whose results are hidden shows: its options without counts, nothing per scale or vote. */
export function hiddenTally(poll: PollRecord): Tally {
  return {
    options: poll.options.map((o) => ({ optionId: o.id, label: o.label, count: 0 })),
    scale: [],
    scaleAverage: null,
    consent: [],
    objections: [],
  };
}

export function tallyBallots(poll: PollRecord, ballots: readonly BallotRecord[]): Tally {
  const tally: Tally = {
    ...hiddenTally(poll),
    scale: poll.kind === 'scale' ? SCALE.map((value) => ({ value, count: 0 })) : [],
    consent: poll.kind === 'consent' ? CONSENT_VOTES.map((vote) => ({ vote, count: 0 })) : [],
  };
  const kind = POLL_KIND_REGISTRY[poll.kind];
  for (const ballot of ballots) kind.count(tally, ballot);
  if (poll.kind === 'scale' && ballots.length > 0) {
    const sum = tally.scale.reduce((total, row) => total + row.value * row.count, 0);
    tally.scaleAverage = Math.round((sum / ballots.length) * 10) / 10;
  }
  return tally;
}

/**
 * A ballot in words, for every channel: option labels, "3 out of 5", or the consent vote. Without `t`
 * (the facilitator's voter list, which the channel translates) a consent vote is its code.
 */
export function describeBallot(poll: PollRecord, choice: BallotChoice, t?: Translate): string {
  if (choice.kind === 'options') return choice.optionIds.map((id) => poll.options.find((o) => o.id === id)?.label ?? '').join(', ');
  if (choice.kind === 'scale') return t ? t('common:poll.scaleAnswer', { value: choice.value }) : String(choice.value);
  return t ? t(`common:consentVote.${choice.vote}`) : choice.vote;
}

/** A stored ballot choice: JSON tagged with its kind, so that a reader never guesses from the value's shape. */
export function encodeBallotChoice(choice: BallotChoice): string {
  return JSON.stringify(choice);
}

/**
 * Reads a stored choice. Rows written before the kind tag hold a bare value (a list of option ids, a number
 * or a consent vote) and are read by their shape. Returns null for anything else (a data error).
 */
export function decodeBallotChoice(value: unknown): BallotChoice | null {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? { kind: 'options', optionIds: value } : null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 5 ? { kind: 'scale', value } : null;
  if (typeof value === 'string') return (CONSENT_VOTES as readonly string[]).includes(value) ? { kind: 'consent', vote: value as ConsentVote } : null;
  if (typeof value !== 'object' || value === null) return null;
  const tagged = value as { kind?: unknown; optionIds?: unknown; value?: unknown; vote?: unknown };
  const inner = tagged.kind === 'options' ? tagged.optionIds : tagged.kind === 'scale' ? tagged.value : tagged.kind === 'consent' ? tagged.vote : undefined;
  if (inner === undefined || (typeof inner === 'object' && !Array.isArray(inner))) return null;
  const choice = decodeBallotChoice(inner);
  return choice && choice.kind === tagged.kind ? choice : null;
}
