import type { Actor, Language } from '../../../core/index.js';
import { formatDate } from '../../../i18n/index.js';
import { banner, type CardElement } from './elements.js';

/** What every renderer needs: who looks, in which language, and where the board pages live. */
export interface View {
  actor: Actor;
  language: Language;
  t: (key: string, params?: Record<string, unknown>) => string;
  timeZone: string;
  /**
   * The board pages (the board's work stays there): a personal sign-in link for `actor`, so a card holding it
   * goes to that member alone. Empty in views for cards that others see.
   */
  boardUrl: string;
}

/** The outcome of an action shown on top of the card that follows it. */
export interface Notice {
  kind: 'good' | 'attention';
  message: string;
  /** A heading above the message (a notification's own title). */
  title?: string;
  /** The core's error code when this explains a refusal (e.g. so a form can offer redaction). */
  code?: string;
}

export function notice(n: Notice | undefined): CardElement[] {
  return n ? [banner(n.message, n.kind, n.title)] : [];
}

export function when(view: View, date: Date, withTime = true): string {
  return formatDate(view.language, date, view.timeZone, withTime);
}

/** The first words of a contribution, for lists (the full text is shown where it is reviewed). */
export function excerpt(text: string, max = 140): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export const isFacilitator = (view: View): boolean => view.actor.role === 'facilitator' || view.actor.role === 'admin';
export const canContribute = (view: View): boolean => view.actor.role === 'expert' || view.actor.role === 'facilitator';
