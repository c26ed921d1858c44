import { CONSENT_VOTES, type BallotChoice, type ConsentVote } from '../../core/types.js';
import { parseJson } from './shared.js';

/**
 * Ballot.choice as the schema documents it: a JSON list of option ids (single, multiple), a number
 * (scale) or a consent vote string (consent).
 */
export function encodeChoice(choice: BallotChoice): string {
  switch (choice.kind) {
    case 'options':
      return JSON.stringify(choice.optionIds);
    case 'scale':
      return JSON.stringify(choice.value);
    case 'consent':
      return JSON.stringify(choice.vote);
  }
}

type StoredChoice = string[] | number | ConsentVote;

function isStoredChoice(value: unknown): value is StoredChoice {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && (CONSENT_VOTES as readonly string[]).includes(value);
}

export function decodeChoice(text: string): BallotChoice {
  const value = parseJson(text, 'Ballot.choice', isStoredChoice);
  if (Array.isArray(value)) return { kind: 'options', optionIds: value };
  if (typeof value === 'number') return { kind: 'scale', value };
  return { kind: 'consent', vote: value };
}
