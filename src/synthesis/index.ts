import type { Config } from '../config.js';
import type { Synthesizer } from '../core/synthesis.js';
import type { Logger } from '../logger.js';
import { OfflineSynthesizer } from './offline.js';

/** The synthesis engine for this configuration: a language model when one is configured, else offline. */
export function createSynthesizer(config: Config, logger: Logger): Synthesizer {
  if (config.llm) logger.warn('a language model is configured but this build only has the offline synthesis');
  return new OfflineSynthesizer();
}
