import { APIConnectionError, APIError } from 'openai';

export interface RetryPolicy {
  maxRetries: number;
  /** First back-off; doubles per attempt, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  /** A server that asks to wait longer than this is not waited for: the facilitator is told to try later. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxRetries'> = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** 408, 409, 429 and 5xx are worth another try; so is a dropped connection or a timeout. */
function retryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError) || typeof error.status !== 'number') return false;
  return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
}

/** Retry-After in seconds or as an HTTP date, or the non-standard retry-after-ms some servers send. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof APIError) || !error.headers) return null;
  const ms = Number.parseFloat(error.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const header = error.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * Runs a call with back-off. We do this here rather than through the SDK's own retries because the SDK
 * sleeps for whatever Retry-After says (even an hour) while a facilitator waits; here a long wait fails
 * fast with a clear reason instead.
 */
export async function withRetries<T>(call: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= policy.maxRetries || !retryable(error)) throw error;
      const asked = retryAfterMs(error);
      if (asked !== null && asked > policy.maxDelayMs) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      await sleep(asked ?? backoff * (0.5 + random() / 2));
    }
  }
}
