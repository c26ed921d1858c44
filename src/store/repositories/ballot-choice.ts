import { decodeBallotChoice, encodeBallotChoice } from '../../core/poll-kinds.js';
import type { BallotChoice } from '../../core/types.js';
import { parseJson } from './shared.js';

/** Ballot.choice: JSON tagged with its kind (the core's poll-kind registry owns the format). */
export function encodeChoice(choice: BallotChoice): string {
  return encodeBallotChoice(choice);
}

export function decodeChoice(text: string): BallotChoice {
  const choice = decodeBallotChoice(parseJson(text, 'Ballot.choice', (value): value is unknown => value !== undefined));
  if (!choice) throw new Error('Stored Ballot.choice has an unexpected shape');
  return choice;
}
