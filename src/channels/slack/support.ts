// Plumbing between Bolt and the rest of the app: logging, retries and the delivery key of a request.
import { LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Bolt and the Web API client log request bodies at debug level (member text, tokens): dropped.
 * Their warnings and errors are kept, cut short, under a "slack" tag.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const short = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.name : String(m))).join(' ').slice(0, 200);
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => logger.warn({ source: 'slack-sdk' }, short(msg)),
    error: (...msg: unknown[]) => logger.error({ source: 'slack-sdk' }, short(msg)),
    setLevel: (next: LogLevel) => void (level = next),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Only rate-limited calls are retried (after the Retry-After wait, done by the client): Slack did not
 * run them. Any other failure is not retried here, because a post that timed out may have been made,
 * and posting it again would say the same thing twice; the outbox tries again on its next round.
 */
export const RETRY_RATE_LIMITED_ONLY: webApi.WebClientOptions['retryConfig'] = {
  retries: 5,
  minTimeout: 0,
  maxTimeout: 0,
  // The client wraps its "rate limit exceeded" error as a request error; only that one is retried.
  onFailedAttempt: (error: Error) => {
    if (!error.message.includes('A rate limit was exceeded')) throw error;
  },
} as webApi.WebClientOptions['retryConfig'];

/** Interactions that change nothing (picking an option before submitting, a link button) need no key. */
const NO_EFFECT = new Set(['poll_choice', 'board_link']);

/**
 * View submissions, and presses whose listener claims the delivery key itself, in the transaction of its work (a vote claims it
 * with the ballot, and with the other votes pressed at the same moment): the middleware leaves them be.
 */
const CLAIMED_BY_LISTENER = new Set(['poll_submit']);

export function claimsOwnKey(body: Record<string, unknown>): boolean {
  // A view submission is answered before any database work: its key is claimed with its effect.
  if (body.type === 'view_submission') return true;
  if (body.type !== 'block_actions' || !Array.isArray(body.actions) || body.actions.length !== 1) return false;
  return CLAIMED_BY_LISTENER.has(String((body.actions[0] as { action_id?: unknown }).action_id ?? ''));
}

/**
 * The key that makes a delivery happen once: the event id for Events API callbacks (Slack retries
 * them with X-Slack-Retry-Num; Socket Mode may redeliver an envelope), the trigger id for every
 * interaction and command (unique per click or submit).
 */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (body.type === 'block_actions' && Array.isArray(body.actions)) {
    const ids = body.actions.map((a) => String((a as { action_id?: unknown }).action_id ?? ''));
    if (ids.every((id) => NO_EFFECT.has(id))) return null;
  }
  return typeof body.trigger_id === 'string' ? `slack:trigger:${body.trigger_id}` : null;
}

export function apiUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
