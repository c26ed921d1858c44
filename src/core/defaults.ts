import type { Anonymity, PollAudience, PollKind, ResultsVisibility } from './types.js';

/**
 * What a new poll or question of the month starts as, in every channel: the forms pre-select these and
 * `createPoll` / `openIdeaRound` apply them to anything the form left out.
 *
 * Why confidential and results after close. The panel's members speak from their own lives; some distrust
 * institutions, and the board holds power over them. A confidential poll lets the facilitator follow up
 * (she sees who answered what) without any other member or the board seeing it, which is what members are
 * told to expect when nothing else is said. Results after close keep the first answers from steering the
 * later ones (a visible majority pulls the undecided), and a facilitator still sees turnout while it runs.
 * A facilitator who wants a named show of hands or live results picks them on purpose.
 *
 * No deadline by default: polls and questions usually run until the next monthly meeting, whose date the
 * facilitator sets; a deadline, once set, closes them by itself.
 */
export const NEW_POLL_DEFAULTS: {
  readonly kind: PollKind;
  readonly anonymity: Anonymity;
  readonly resultsVisibility: ResultsVisibility;
  readonly audience: PollAudience;
  readonly maxChoices: null;
  readonly deadline: null;
} = Object.freeze({
  kind: 'single',
  anonymity: 'confidential',
  resultsVisibility: 'after_close',
  // The panel is the experts' voice: staff vote only when the facilitator asks everyone on purpose.
  audience: 'experts',
  maxChoices: null,
  deadline: null,
});

export const NEW_QUESTION_DEFAULTS: { readonly closesAt: null } = Object.freeze({ closesAt: null });
