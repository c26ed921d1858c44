import { can, enforce, type Actor } from '../core/index.js';

/** Facilitators, board members and admins may read the board pages; experts get a forbidden message. */
export function requireReader(actor: Actor): void {
  enforce(actor, 'board.read');
}

/** Only board members (and admins) change the action plan. */
export function requireBoard(actor: Actor): void {
  enforce(actor, 'backlog.update');
}

export const isBoard = (actor: Actor): boolean => can(actor, 'backlog.update');
