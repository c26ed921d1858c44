// A form's checks run with nothing but the form: no store, no actor. Channels run them before they
// answer the platform; the use cases run the same functions, so the two can never disagree.
import { describe, expect, it } from 'vitest';
import {
  checkBallotInput,
  checkConsentAnswer,
  checkContributionInput,
  checkPollInput,
  checkRoundInput,
  NEW_POLL_DEFAULTS,
  type DomainError,
} from '../../../src/core/index.js';

const now = new Date('2026-12-01T10:00:00Z');

function refusal(check: () => unknown): { code: string; field: unknown } {
  try {
    check();
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, field: e.params.field };
  }
  throw new Error('not refused');
}

describe('form checks in the core', () => {
  it('checks a new poll: defaults for what the form left out, the first wrong field named', () => {
    const { anonymity, resultsVisibility, audience } = NEW_POLL_DEFAULTS;
    expect(checkPollInput({ question: ' Welk thema? ', kind: 'scale' }, now)).toEqual({ question: 'Welk thema?', kind: 'scale', anonymity, resultsVisibility, audience, deadline: null, options: [], maxChoices: null });
    expect(refusal(() => checkPollInput({ question: 'Q', kind: 'single', options: ['Bus'] }, now))).toEqual({ code: 'invalid_input', field: 'options' });
    expect(refusal(() => checkPollInput({ question: 'Q', kind: 'single', options: ['Bus', 'bus'] }, now))).toEqual({ code: 'invalid_input', field: 'options' });
    expect(refusal(() => checkPollInput({ question: 'Q', kind: 'multiple', options: ['Bus', 'Taxi'], maxChoices: 3 }, now))).toEqual({ code: 'invalid_input', field: 'maxChoices' });
    expect(refusal(() => checkPollInput({ question: 'Q', deadline: new Date('2026-11-30T10:00:00Z') }, now))).toEqual({ code: 'deadline_past', field: 'deadline' });
    expect(refusal(() => checkRoundInput({ question: '' }, now))).toEqual({ code: 'text_empty', field: 'question' });
  });

  it('checks a contribution: one field at least, the guard, and an explicit choice of name for a new one', () => {
    const language = 'nl' as const;
    expect(refusal(() => checkContributionInput({ attribution: 'named' }, { language, editing: false }))).toEqual({ code: 'text_empty', field: 'contribution' });
    expect(refusal(() => checkContributionInput({ idea: 'Een busje' }, { language, editing: false }))).toEqual({ code: 'attribution_required', field: 'attribution' });
    expect(checkContributionInput({ idea: 'Een busje' }, { language, editing: true }).attribution).toBeUndefined(); // editing keeps the stored choice
    expect(refusal(() => checkContributionInput({ idea: 'Bel 0470 12 34 56', attribution: 'named' }, { language, editing: false })).code).toBe('sensitive_data_found');
    expect(checkContributionInput({ idea: 'Bel 0470 12 34 56', attribution: 'named', redact: true }, { language, editing: false }).fields.idea).not.toContain('0470');
  });

  it('checks an answer for the shape of its poll, without the poll record', () => {
    const shape = { kind: 'multiple' as const, maxChoices: 1, anonymity: 'named' as const, options: [{ id: 'a', position: 0 }, { id: 'b', position: 1 }] };
    expect(checkBallotInput(shape, { picked: ['b'] }, 'fr').choice).toEqual({ kind: 'options', optionIds: ['b'] });
    expect(refusal(() => checkBallotInput(shape, { picked: ['a', 'b'] }, 'fr'))).toEqual({ code: 'invalid_input', field: 'optionIds' });
    const consent = { kind: 'consent' as const, maxChoices: null, anonymity: 'confidential' as const, options: [] };
    expect(refusal(() => checkBallotInput(consent, { picked: ['object'], reason: 'Te duur' }, 'nl'))).toEqual({ code: 'reason_name_choice_required', field: 'reasonAttribution' });
    expect(refusal(() => checkConsentAnswer({ decision: 'request_change', comment: 'x'.repeat(5000) }, 'en'))).toEqual({ code: 'text_too_long', field: 'comment' });
  });
});
