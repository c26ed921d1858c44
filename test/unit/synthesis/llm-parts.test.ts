import { APIError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { estimateCostMicros } from '../../../src/synthesis/cost.js';
import { estimateTokens, outputReserve, planBatches } from '../../../src/synthesis/llm/budget.js';
import { retryAfterMs, withRetries } from '../../../src/synthesis/llm/retry.js';
import { failureMessage } from '../../../src/synthesis/messages.js';

const rateLimited = (headers: Record<string, string>) => new RateLimitError(429, { message: 'slow down' }, 'slow down', new Headers(headers));

describe('token budget', () => {
  it('plans batches that fit the budget after the fixed prompt and the answer reserve', () => {
    const items = Array.from({ length: 50 }, (_, i) => 'x'.repeat(100 + i));
    const budget = 4000;
    const batches = planBatches(items, estimateTokens, budget, 1000);
    expect(batches.flat()).toEqual(items);
    for (const batch of batches) expect(batch.reduce((n, s) => n + estimateTokens(s), 0)).toBeLessThanOrEqual(budget - outputReserve(budget) - 1000);
    expect(planBatches(['y'.repeat(100_000)], estimateTokens, budget, 1000)).toHaveLength(1);
  });
});

describe('retries', () => {
  it('reads Retry-After in seconds, as a date, and retry-after-ms', () => {
    expect(retryAfterMs(rateLimited({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(rateLimited({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterMs(rateLimited({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(new Error('x'))).toBeNull();
  });

  it('backs off exponentially, honours Retry-After, and gives up on a wait longer than allowed', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw rateLimited({ 'retry-after': '1' });
      if (calls < 4) throw APIError.generate(503, { message: 'busy' }, 'busy', new Headers());
      return 'ok';
    };
    expect(await withRetries(flaky, { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5000, sleep, random: () => 1 })).toBe('ok');
    expect(waits).toEqual([1000, 200, 400]);
    await expect(withRetries(async () => { throw rateLimited({ 'retry-after': '3600' }); }, { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5000, sleep })).rejects.toBeInstanceOf(RateLimitError);
    await expect(withRetries(async () => { throw APIError.generate(400, { message: 'bad' }, 'bad', new Headers()); }, { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5000, sleep })).rejects.toMatchObject({ status: 400 });
  });
});

describe('cost and messages', () => {
  it('prices known models per million tokens and leaves others unknown', () => {
    expect(estimateCostMicros('gpt-4o-mini-2024-07-18', 1_000_000, 1_000_000)).toBe(750_000);
    expect(estimateCostMicros('gpt-4o', 1000, 0)).toBe(2500);
    expect(estimateCostMicros('llama-3.1-8b', 1000, 1000)).toBeNull();
  });

  it('tells the facilitator in their language why a draft failed', () => {
    expect(failureMessage('nl', 'model_refused')).toMatch(/weigerde/);
    expect(failureMessage('fr', 'model_length')).toMatch(/trop longue/);
    expect(failureMessage('en', 'something else')).toMatch(/could not be made/);
  });
});
