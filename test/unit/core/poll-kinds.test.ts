import { describe, expect, it } from 'vitest';
import { describeBallot, parseBallot, tallyBallots, type BallotChoice, type BallotRecord, type PollRecord } from '../../../src/core/index.js';
import { decodeBallotChoice, encodeBallotChoice } from '../../../src/core/poll-kinds.js';

const poll = (kind: PollRecord['kind'], maxChoices: number | null = null): PollRecord => ({
  id: 'poll',
  audience: 'experts',
  tenantId: 't',
  panelId: 'p',
  meetingId: null,
  question: 'Q',
  kind,
  anonymity: 'named',
  resultsVisibility: 'live',
  maxChoices,
  deadline: null,
  status: 'open',
  createdById: 'f',
  createdAt: new Date(),
  closedAt: null,
  options: kind === 'single' || kind === 'multiple' ? ['Bus', 'Taxi', 'Fiets'].map((label, position) => ({ id: `o${position}`, position, label })) : [],
});

const ballot = (choice: BallotRecord['choice'], reason: string | null = null, reasonAttribution: BallotRecord['reasonAttribution'] = reason ? 'anonymous' : null): BallotRecord => ({
  id: 'b', pollId: 'poll', memberId: 'm', voterKey: null, choice, reason, reasonAttribution, updatedAt: new Date(),
});

describe('the poll-kind registry', () => {
  it('reads ballots per kind and refuses what the kind does not allow', () => {
    expect(parseBallot(poll('multiple'), { optionIds: ['o2', 'o0'] })).toEqual({ kind: 'options', optionIds: ['o0', 'o2'] });
    expect(() => parseBallot(poll('multiple', 1), { optionIds: ['o2', 'o0'] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseBallot(poll('single'), { optionIds: ['nope'] })).toThrow(expect.objectContaining({ code: 'unknown_option' }));
    expect(parseBallot(poll('scale'), { value: '4' })).toEqual({ kind: 'scale', value: 4 });
    expect(() => parseBallot(poll('scale'), { value: 6 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseBallot(poll('consent'), { vote: 'maybe' })).toThrow(expect.objectContaining({ code: 'unknown_option' }));
  });

  it("reads the values picked in a list by the poll's kind, refusing two picks where one is asked", () => {
    expect(parseBallot(poll('multiple'), { picked: ['o2', 'o1'] })).toEqual({ kind: 'options', optionIds: ['o1', 'o2'] });
    expect(parseBallot(poll('single'), { picked: ['o1'] })).toEqual({ kind: 'options', optionIds: ['o1'] });
    expect(() => parseBallot(poll('single'), { picked: ['o1', 'o2'] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(parseBallot(poll('scale'), { picked: ['5'] })).toEqual({ kind: 'scale', value: 5 });
    expect(() => parseBallot(poll('scale'), { picked: ['2', '3'] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(parseBallot(poll('consent'), { picked: ['object'] })).toEqual({ kind: 'consent', vote: 'object' });
    expect(() => parseBallot(poll('consent'), { picked: [] })).toThrow(expect.objectContaining({ code: 'unknown_option' }));
  });

  it('counts scale answers with their average and consent objections with their reasons', () => {
    const scale = tallyBallots(poll('scale'), [ballot({ kind: 'scale', value: 2 }), ballot({ kind: 'scale', value: 5 })]);
    expect(scale.scaleAverage).toBe(3.5);
    expect(scale.scale.find((r) => r.value === 5)?.count).toBe(1);
    const consent = tallyBallots(poll('consent'), [ballot({ kind: 'consent', vote: 'object' }, 'te duur'), ballot({ kind: 'consent', vote: 'agree' })]);
    expect(consent.consent).toEqual([{ vote: 'agree', count: 1 }, { vote: 'live_with', count: 0 }, { vote: 'object', count: 1 }]);
    expect(consent.objections).toEqual([{ reason: 'te duur', memberId: null }]);
    // Only a reason its author chose to sign carries who wrote it.
    const signed = tallyBallots(poll('consent'), [ballot({ kind: 'consent', vote: 'object' }, 'te laat', 'named')]);
    expect(signed.objections).toEqual([{ reason: 'te laat', memberId: 'm' }]);
  });

  it('describes a ballot in the member language through one function', () => {
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
    expect(describeBallot(poll('multiple'), { kind: 'options', optionIds: ['o0', 'o2'] }, t)).toBe('Bus, Fiets');
    expect(describeBallot(poll('scale'), { kind: 'scale', value: 3 }, t)).toBe('common:poll.scaleAnswer{"value":3}');
    expect(describeBallot(poll('consent'), { kind: 'consent', vote: 'live_with' }, t)).toBe('common:consentVote.live_with');
  });

  it('stores choices tagged with their kind and still reads rows written before the tag', () => {
    const choices: BallotChoice[] = [{ kind: 'options', optionIds: ['a'] }, { kind: 'scale', value: 2 }, { kind: 'consent', vote: 'object' }];
    for (const choice of choices) {
      expect(decodeBallotChoice(JSON.parse(encodeBallotChoice(choice)))).toEqual(choice);
    }
    expect(decodeBallotChoice(['a', 'b'])).toEqual({ kind: 'options', optionIds: ['a', 'b'] });
    expect(decodeBallotChoice(4)).toEqual({ kind: 'scale', value: 4 });
    expect(decodeBallotChoice('agree')).toEqual({ kind: 'consent', vote: 'agree' });
    expect(decodeBallotChoice({ kind: 'scale', value: 'agree' })).toBeNull();
  });
});
