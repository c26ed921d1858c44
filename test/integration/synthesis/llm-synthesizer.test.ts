import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LlmConfig } from '../../../src/config.js';
import { loadConfig } from '../../../src/config.js';
import { verifyStatements } from '../../../src/core/quote-check.js';
import type { SynthesisResult, SynthesisSource } from '../../../src/core/synthesis.js';
import { createLogger } from '../../../src/logger.js';
import { createSynthesizer, LlmSynthesizer, OfflineSynthesizer } from '../../../src/synthesis/index.js';
import { createModelClient } from '../../../src/synthesis/llm/client.js';
import { redactForModel } from '../../../src/synthesis/redact.js';
import { honestModel } from '../../support/openai-model.js';
import { apiError, completion, startStandIn, type StandIn } from '../../support/openai-standin.js';

const logger = createLogger('silent');
const sources: SynthesisSource[] = [
  { contributionId: 'c1', whatHappens: 'De bus rijdt maar één keer per uur.', whatIsNeeded: '', idea: 'Een vrijwilligersdienst naar de dokter.', language: 'nl', attribution: 'named', authorLabel: 'Marleen', domainKeys: ['chronic_illness'] },
  { contributionId: 'c2', whatHappens: "Je dois choisir entre le médecin et l'électricité.", whatIsNeeded: '', idea: '', language: 'fr', attribution: 'anonymous', authorLabel: null, domainKeys: ['poverty'] },
  { contributionId: 'c3', whatHappens: 'Bel me op 0471 23 45 67 voor meer uitleg.', whatIsNeeded: 'Uitleg over formulieren in gewone taal.', idea: '', language: 'nl', attribution: 'named', authorLabel: 'Ahmed', domainKeys: ['poverty'] },
];
const request = { language: 'en' as const, question: 'What makes care hard?', sources, domains: [{ key: 'poverty', label: 'Poverty' }] };

describe('the LLM synthesis through the openai SDK over HTTP to a loopback stand-in', () => {
  let standIn: StandIn;
  const config = (extra: Partial<Extract<LlmConfig, { provider: 'openai' }>> = {}): LlmConfig => ({ provider: 'openai', apiKey: 'sk-test', baseUrl: `${standIn.url}/v1`, model: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 2, tokenBudget: 50_000, ...extra });
  const synthesize = (extra: Partial<Extract<LlmConfig, { provider: 'openai' }>> = {}): Promise<SynthesisResult> => {
    const c = config(extra);
    return new LlmSynthesizer(createModelClient(c, { baseDelayMs: 1 }), { tokenBudget: c.tokenBudget, logger, redact: redactForModel }).synthesize(request);
  };

  beforeAll(async () => {
    standIn = await startStandIn(honestModel());
  });
  beforeEach(() => {
    standIn.requests.length = 0;
    standIn.reply = honestModel();
  });
  afterAll(async () => standIn?.close());

  it('asks for strict structured output and returns verifiable statements with tokens, cost and the exchange', async () => {
    const result = await synthesize();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [sent] = standIn.requests;
    expect(sent!.headers.authorization).toBe('Bearer sk-test');
    expect(sent!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'summary', strict: true } });
    expect(result).toMatchObject({ generator: 'llm', model: 'gpt-4o-mini', promptVersion: 'summarise/1', passes: { map: 1, reduce: 0 } });
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(result.costMicros).toBeGreaterThan(0);
    expect(result.exchanges).toHaveLength(1);
    expect(result.exchanges![0]!.contributionIds.sort()).toEqual(['c1', 'c2', 'c3']);
    const outcome = verifyStatements(result.statements, sources);
    expect(outcome.quotesKept).toBe(outcome.quotesChecked);
    expect(result.statements.flatMap((s) => s.citations).find((c) => c.contributionId === 'c2')?.translation).toMatch(/^\(en\)/);
  });

  it('removes personal data before text leaves the server', async () => {
    await synthesize();
    expect(JSON.stringify(standIn.requests[0]!.body)).not.toContain('0471 23 45 67');
  });

  it('retries a 429 honouring Retry-After and a 503 with back-off, then succeeds', async () => {
    const honest = honestModel();
    standIn.reply = (req, i) => (i === 0 ? apiError(429, 'slow down', { 'retry-after-ms': '20' }) : i === 1 ? apiError(503, 'busy') : honest(req, i));
    const result = await synthesize();
    expect(result.ok).toBe(true);
    expect(standIn.requests).toHaveLength(3);
  });

  it.each([
    ['a refusal', () => completion(null, { refusal: 'I cannot help with that.' }), 'model_refused'],
    ['a length stop', () => completion('{"statements":[', { finishReason: 'length' }), 'model_length'],
    ['a content filter stop', () => completion(null, { finishReason: 'content_filter' }), 'model_content_filter'],
    ['an Azure content filter error', () => apiError(400, 'filtered', {}, 'content_filter'), 'model_content_filter'],
    ['malformed JSON', () => completion('not json'), 'model_invalid_output'],
    ['the wrong shape', () => completion('{"themes":[]}'), 'model_invalid_output'],
    ['a rejected key', () => apiError(401, 'bad key'), 'model_auth'],
    ['an unknown model', () => apiError(404, 'no such model'), 'model_bad_request'],
    ['a server that stays down', () => apiError(500, 'down'), 'model_unavailable'],
    ['a rate limit asking for an hour', () => apiError(429, 'later', { 'retry-after': '3600' }), 'model_rate_limited'],
  ])('fails the draft on %s with a reason the facilitator sees', async (_, reply, reason) => {
    standIn.reply = reply;
    const result = await synthesize();
    expect(result).toMatchObject({ ok: false, reason, generator: 'llm' });
  });

  it('records the exchange and tokens of a call that was refused', async () => {
    standIn.reply = () => completion(null, { refusal: 'no', promptTokens: 77, completionTokens: 3 });
    const result = await synthesize();
    expect(result).toMatchObject({ ok: false, tokensIn: 77, tokensOut: 3 });
    expect(result.exchanges?.[0]?.contributionIds.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('times out a model that does not answer', async () => {
    standIn.reply = () => ({ ...completion('{}'), delayMs: 1500 });
    const result = await synthesize({ timeoutMs: 200, maxRetries: 0 });
    expect(result).toMatchObject({ ok: false, reason: 'model_timeout' });
  });

  it('splits input beyond one call into map calls within the budget and merges by reference', async () => {
    const many: SynthesisSource[] = Array.from({ length: 40 }, (_, i) => ({
      ...sources[i % 2]!,
      contributionId: `m${i}`,
      whatHappens: `${'Lange uitleg over de weg naar zorg. '.repeat(8)}Zin nummer ${i}.`,
      domainKeys: [['poverty', 'disability', 'addiction'][i % 3]!],
    }));
    const budget = 2500;
    const c = config({ tokenBudget: budget });
    const result = await new LlmSynthesizer(createModelClient(c), { tokenBudget: budget, logger }).synthesize({ ...request, sources: many });
    if (!result.ok) throw new Error(result.reason);
    const maps = standIn.requests.filter((r) => r.body.response_format?.json_schema?.name === 'summary');
    const merges = standIn.requests.filter((r) => r.body.response_format?.json_schema?.name === 'merge');
    expect(maps.length).toBeGreaterThan(1);
    expect(merges.length).toBeGreaterThan(0);
    for (const r of standIn.requests) expect(r.body.messages.reduce((n, m) => n + m.content.length, 0) / 3.5 + (r.body.max_completion_tokens ?? 0)).toBeLessThanOrEqual(budget + 50);
    for (const r of merges) expect(r.body.messages[1]!.content).not.toContain('Zin nummer');
    expect(result.promptVersion).toBe('summarise/1+merge/1');
    expect(result.passes).toEqual({ map: maps.length, reduce: merges.length });
    expect(result.exchanges).toHaveLength(standIn.requests.length);
    const outcome = verifyStatements(result.statements, many);
    expect(new Set(outcome.statements.flatMap((s) => s.citations.map((q) => q.contributionId))).size).toBe(40);
  });

  it('talks to Azure OpenAI by deployment with the api-key header', async () => {
    const azure: LlmConfig = { provider: 'azure', endpoint: standIn.url, apiKey: 'az-key', deployment: 'summaries-eu', apiVersion: '2024-10-21', model: 'summaries-eu', timeoutMs: 30_000, maxRetries: 0, tokenBudget: 50_000 };
    const result = await new LlmSynthesizer(createModelClient(azure), { tokenBudget: 50_000, logger }).synthesize(request);
    expect(result).toMatchObject({ ok: true, model: 'summaries-eu' });
    expect(standIn.requests[0]!.path).toBe('/openai/deployments/summaries-eu/chat/completions?api-version=2024-10-21');
    expect(standIn.requests[0]!.headers['api-key']).toBe('az-key');
  });

  it('uses the offline synthesis without a key and the model with one', () => {
    expect(createSynthesizer(loadConfig({ NODE_ENV: 'test' }), logger)).toBeInstanceOf(OfflineSynthesizer);
    expect(createSynthesizer(loadConfig({ NODE_ENV: 'test', OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: `${standIn.url}/v1` }), logger)).toBeInstanceOf(LlmSynthesizer);
  });
});
