import type { Config } from '../config.js';
import type { Synthesizer } from '../core/synthesis.js';
import type { Logger } from '../logger.js';
import { createModelClient } from './llm/client.js';
import { LlmSynthesizer, type LlmSynthesizerOptions } from './llm/synthesizer.js';
import { LlmContentTranslator } from './llm/translator.js';
import type { ContentTranslator } from '../core/synthesis.js';
import { OfflineSynthesizer } from './offline.js';
import { redactForModel } from './redact.js';

export { OfflineSynthesizer } from './offline.js';
export { LlmSynthesizer } from './llm/synthesizer.js';
export { estimateCostMicros } from './cost.js';
export { failureMessage } from './messages.js';

/**
 * The synthesis engine for this configuration: a language model when one is configured (OpenAI, an
 * OpenAI-compatible server, or Azure OpenAI), otherwise the offline synthesis, which every summary it
 * makes is labelled with (generator "offline").
 */
export function createSynthesizer(config: Config, logger: Logger, extra: Pick<LlmSynthesizerOptions, 'redact'> = {}): Synthesizer {
  if (!config.llm) {
    logger.info({ event: 'synthesis.engine', generator: 'offline' }, 'no language model configured: summaries use the offline synthesis');
    return new OfflineSynthesizer();
  }
  const client = createModelClient(config.llm);
  logger.info({ event: 'synthesis.engine', generator: 'llm', provider: config.llm.provider, model: client.model, tokenBudget: config.llm.tokenBudget }, 'summaries use a language model');
  return new LlmSynthesizer(client, { tokenBudget: config.llm.tokenBudget, logger, redact: redactForModel, ...extra });
}

/** Drafts of content translations, with the same model and privacy guard as the summaries; none without a model. */
export function createContentTranslator(config: Config, logger: Logger): ContentTranslator | undefined {
  if (!config.llm) return undefined;
  return new LlmContentTranslator(createModelClient(config.llm), { logger, redact: redactForModel });
}
