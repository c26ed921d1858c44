import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { ZodError } from 'zod';
import type { SynthesisFailure } from '../../core/synthesis.js';

/** A model answer that cannot become a draft: refused, cut off, filtered or malformed. */
export class ModelOutputError extends Error {
  constructor(readonly code: SynthesisFailure) {
    super(code);
    this.name = 'ModelOutputError';
  }
}

/**
 * Provider errors turned into plain failure codes the facilitator sees. Anything else is a bug in our
 * code and is not hidden: it returns null and the caller rethrows.
 */
export function failureOf(error: unknown): SynthesisFailure | null {
  if (error instanceof ModelOutputError) return error.code;
  if (error instanceof ZodError || error instanceof SyntaxError) return 'model_invalid_output';
  if (error instanceof APIConnectionTimeoutError) return 'model_timeout';
  if (error instanceof APIConnectionError) return 'model_unavailable';
  if (error instanceof RateLimitError) return 'model_rate_limited';
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return 'model_auth';
  if (error instanceof APIError) {
    // Azure OpenAI reports a prompt stopped by its content filter as a 400 with this code.
    if (error.code === 'content_filter') return 'model_content_filter';
    if (typeof error.status === 'number' && error.status >= 500) return 'model_unavailable';
    if (typeof error.status === 'number' && error.status === 408) return 'model_timeout';
    return 'model_bad_request';
  }
  return null;
}
