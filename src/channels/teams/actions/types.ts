import { DomainError, enforce, type Actor, type CoreDeps } from '../../../core/index.js';
import type { AdaptiveCard } from '../cards/elements.js';
import type { Notice, View } from '../cards/view.js';
import type { Scope } from '../identity.js';

/** What an action may use: the core, who asks (as a view), and two effects on the conversation. */
export interface ActionCtx {
  deps: CoreDeps;
  view: View;
  scope: Scope;
  /** A view for another actor state (after a language change). */
  viewAs(actor: Actor): View;
  /** Posts a new message into the current conversation (e.g. a new poll in a team channel). */
  post(card: AdaptiveCard, summary: string): Promise<void>;
  /** Delivers waiting notifications now rather than on the next round (they were just created). */
  kick(): void;
  /**
   * For an action that claims its delivery key itself (`claimsKey`): the click's key, claimed in the same
   * transaction as the change. Null for every other action (the dispatcher claimed it already).
   */
  deliveryKey?: string | null;
}

/** A `claimsKey` action's answer to the same click delivered again: nothing changed; where things stand. */
export interface AlreadyDone {
  alreadyDone: AdaptiveCard;
}

export function isAlreadyDone(result: AdaptiveCard | AlreadyDone): result is AlreadyDone {
  return 'alreadyDone' in result;
}

/** The notice on the card that answers a click delivered twice. */
export function duplicate(ctx: ActionCtx): Notice {
  return { kind: 'good', message: ctx.view.t('teams:card.duplicate') };
}

/** Values from Action.Execute: the button's data merged with the card's inputs (always strings in Teams). */
export type Data = Record<string, unknown>;

export interface Action {
  /** True when it changes something: deduplicated, and never run by an automatic card refresh. */
  changes: boolean;
  /**
   * True when `run` claims `ctx.deliveryKey` in its own transaction (a vote, stored with the votes clicked at
   * the same moment). `run` then answers a click that was handled before with `AlreadyDone`.
   */
  claimsKey?: boolean;
  /**
   * False for a change that never creates a notification (a vote): no outbox round is asked for after it.
   * Under a burst of votes, a round after each one would look up every member's address again and again.
   */
  kicksOutbox?: false;
  run(ctx: ActionCtx, data: Data): Promise<AdaptiveCard | AlreadyDone>;
  /** The card to show when the core refused the input: usually the same form, as typed, with the reason. */
  refused?(ctx: ActionCtx, data: Data, problem: Notice): Promise<AdaptiveCard>;
}

export function str(data: Data, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** An id from a button's data; anything else is a request we cannot read. */
export function idOf(data: Data, key: string): string {
  const value = str(data, key);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new DomainError('invalid_input', { field: key });
  return value;
}

/** A multi-select Input.ChoiceSet sends its values as one comma-separated string. */
export function list(data: Data, key: string): string[] {
  return str(data, key)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** What the member typed, to put back into a refused form. */
export function typed(data: Data, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, str(data, k)]).filter(([, v]) => v !== ''));
}

export function done(view: View, key: string, params?: Record<string, unknown>): Notice {
  return { kind: 'good', message: view.t(key, params) };
}

/** Facilitator screens are hidden from others here; the core still authorizes every change itself. */
export function requireFacilitator(view: View): void {
  enforce(view.actor, 'panel.manage');
}
