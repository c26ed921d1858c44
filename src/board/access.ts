import { DomainError, type Actor } from '../core/index.js';

/** Facilitators, board members and admins may read the board pages; experts get a forbidden message. */
export function requireReader(actor: Actor): void {
  if (actor.role === 'expert') throw new DomainError('forbidden');
}

/** Only board members (and admins) change the action plan. */
export function requireBoard(actor: Actor): void {
  if (actor.role !== 'board' && actor.role !== 'admin') throw new DomainError('forbidden');
}

export const isBoard = (actor: Actor): boolean => actor.role === 'board' || actor.role === 'admin';
