import { setTimeout as sleep } from 'node:timers/promises';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { AdaptiveCard } from './cards/elements.js';
import { fitCard } from './cards/fit.js';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const RETRIED_STATUSES = new Set([429, 502, 503]);
const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 30_000;

export function statusOf(error: unknown): number | null {
  const status = error && typeof error === 'object' && 'status' in error ? (error as { status: unknown }).status : null;
  return typeof status === 'number' ? status : null;
}

/** How long Teams asked us to wait (Retry-After, in seconds or as a date), else exponential with jitter. */
function waitMs(error: unknown, attempt: number): number {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | null } } }).response?.headers;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
  if (retryAfter !== null && retryAfter !== '') {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : new Date(retryAfter).getTime() - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_WAIT_MS);
  }
  return Math.min(500 * 2 ** (attempt - 1) + Math.floor(Math.random() * 250), MAX_WAIT_MS);
}

/**
 * Runs one call to Teams, backing off when it says "too many requests" (429) or is briefly unavailable.
 * Other failures are not retried here: the outbox retries undelivered notifications on its next round.
 */
export async function withBackoff<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (status === null || !RETRIED_STATUSES.has(status) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(waitMs(error, attempt));
    }
  }
}

/**
 * A message carrying one card, shortened to fit Teams' size limit. `summary` (our own words, never what a
 * member wrote) is what Teams shows in notifications and previews.
 */
export function cardMessage(card: AdaptiveCard, summary: string, shortenedNotice: string): Activity {
  return Activity.fromObject({
    type: ActivityTypes.Message,
    summary,
    attachments: [{ contentType: CARD_TYPE, content: fitCard(card, shortenedNotice) }],
  });
}

/** Plain words without a card, for problems the person cannot fix in a form. */
export function textMessage(text: string): Activity {
  return Activity.fromObject({ type: ActivityTypes.Message, text, textFormat: 'plain' });
}

/** Sends within a turn or a proactive context; returns the id Teams gave the message. */
export async function sendMessage(context: TurnContext, message: Activity): Promise<string> {
  const response = await withBackoff(() => context.sendActivity(message.clone()));
  return response?.id ?? '';
}

/** The answer to an Action.Execute: the card that replaces the clicked one for this member. */
export async function answerInvoke(context: TurnContext, body: Record<string, unknown>, status = 200): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status, body } }));
}

export function cardInvokeBody(card: AdaptiveCard, shortenedNotice: string): Record<string, unknown> {
  return { statusCode: 200, type: CARD_TYPE, value: fitCard(card, shortenedNotice) };
}

/** For an automatic refresh we cannot personalise (an unknown viewer): Teams keeps the card as it is. */
export function keepCardBody(): Record<string, unknown> {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' };
}
