import { AzureOpenAI, OpenAI } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { LlmConfig } from '../../config.js';
import { ModelOutputError } from './failures.js';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry.js';

export interface ModelRequest<T> {
  system: string;
  user: string;
  schema: z.ZodType<T>;
  schemaName: string;
  maxOutputTokens: number;
}

/** One answered call, kept whole so it can be stored with the summary (and erased with it). */
export interface ModelCall<T> {
  value: T;
  request: string;
  response: string;
  tokensIn: number;
  tokensOut: number;
}

/** A failed call that still reached the model: what it cost and what it said are recorded too. */
export class FailedModelCall extends ModelOutputError {
  constructor(
    code: ModelOutputError['code'],
    readonly call: Omit<ModelCall<unknown>, 'value'>,
  ) {
    super(code);
  }
}

export interface ModelClient {
  /** The model (or Azure deployment) name recorded with each summary. */
  readonly model: string;
  complete<T>(request: ModelRequest<T>): Promise<ModelCall<T>>;
}

/**
 * The only place that talks to a language model: OpenAI or any OpenAI-compatible server (OPENAI_BASE_URL,
 * e.g. a local model server or a European host), or Azure OpenAI for EU data residency. The SDK's own
 * retries are off (see retry.ts); every value comes from `config`, never from the SDK reading the environment.
 */
export function createModelClient(config: LlmConfig, retry: Partial<RetryPolicy> = {}): ModelClient {
  const common = { apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: 0, organization: null, project: null };
  const sdk =
    config.provider === 'azure'
      ? new AzureOpenAI({ ...common, endpoint: config.endpoint, deployment: config.deployment, apiVersion: config.apiVersion })
      : new OpenAI({ ...common, baseURL: config.baseUrl ?? 'https://api.openai.com/v1' });
  const model = config.provider === 'azure' ? config.deployment : config.model;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: config.maxRetries, ...retry };

  return {
    model,
    async complete<T>(request: ModelRequest<T>): Promise<ModelCall<T>> {
      const messages = [
        { role: 'system' as const, content: request.system },
        { role: 'user' as const, content: request.user },
      ];
      const body = {
        model,
        messages,
        // The SDK's structured-output helper turns the zod schema into a strict JSON schema. We call
        // `create` rather than `parse` so token usage survives a refusal or a cut-off answer.
        response_format: zodResponseFormat(request.schema, request.schemaName),
        max_completion_tokens: request.maxOutputTokens,
      };
      const completion = await withRetries(() => sdk.chat.completions.create(body), policy);
      const choice = completion.choices[0];
      const response = choice?.message.content ?? choice?.message.refusal ?? '';
      const call = {
        request: JSON.stringify({ model, messages, schema: request.schemaName }),
        response,
        tokensIn: completion.usage?.prompt_tokens ?? 0,
        tokensOut: completion.usage?.completion_tokens ?? 0,
      };
      if (!choice) throw new FailedModelCall('model_invalid_output', call);
      if (choice.message.refusal) throw new FailedModelCall('model_refused', call);
      if (choice.finish_reason === 'length') throw new FailedModelCall('model_length', call);
      if (choice.finish_reason === 'content_filter') throw new FailedModelCall('model_content_filter', call);
      const parsed = parseJson(choice.message.content);
      const checked = parsed === undefined ? null : request.schema.safeParse(parsed);
      if (!checked?.success) throw new FailedModelCall('model_invalid_output', call);
      return { ...call, value: checked.data };
    },
  };
}

function parseJson(content: string | null | undefined): unknown {
  if (!content) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}
