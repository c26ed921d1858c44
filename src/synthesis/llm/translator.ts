import { createHash } from 'node:crypto';
import { z } from 'zod';
import { translatePrompt } from '../../../prompts/translate.js';
import type { ContentTranslator, TranslationDraftResult, TranslationPiece } from '../../core/synthesis.js';
import { LANGUAGES, type Language } from '../../core/types.js';
import type { Logger } from '../../logger.js';
import { estimateTokens } from './budget.js';
import type { ModelClient } from './client.js';
import { failureOf } from './failures.js';
import { fill, LANGUAGE_NAMES } from './prompt.js';

const output = z.object({
  translations: z.array(z.object({ id: z.string(), language: z.enum(LANGUAGES), text: z.string() })),
});

export function renderTranslatePrompt(request: { from: Language; to: Language[]; pieces: TranslationPiece[] }): { system: string; user: string } {
  const texts = request.pieces.map((p) => JSON.stringify({ id: p.ref, text: p.text })).join('\n');
  const boundary = createHash('sha256').update(texts).digest('hex').slice(0, 16);
  const system = fill(translatePrompt.system, {
    boundary,
    sourceLanguage: LANGUAGE_NAMES[request.from],
    targetLanguages: request.to.map((l) => LANGUAGE_NAMES[l]).join(', '),
    targetCodes: request.to.map((l) => `"${l}"`).join(', '),
  });
  return { system, user: fill(translatePrompt.user, { boundary, texts }) };
}

/**
 * Drafts translations with the configured language model, in one call. The texts are staff-written, but
 * still pass the same privacy guard as contributions (`redact`) before they leave the server.
 */
export class LlmContentTranslator implements ContentTranslator {
  constructor(
    private readonly client: ModelClient,
    private readonly options: { logger: Logger; redact?: (text: string, language: Language) => string },
  ) {}

  async translate(request: { from: Language; to: Language[]; pieces: TranslationPiece[] }): Promise<TranslationDraftResult> {
    const redact = this.options.redact;
    const pieces = redact ? request.pieces.map((p) => ({ ...p, text: redact(p.text, request.from) })) : request.pieces;
    const prompt = renderTranslatePrompt({ ...request, pieces });
    // Room for every text in every language, with some slack for JSON.
    const maxOutputTokens = Math.max(500, request.to.length * pieces.reduce((sum, p) => sum + estimateTokens(p.text) * 2 + 30, 0));
    try {
      const call = await this.client.complete({ system: prompt.system, user: prompt.user, schema: output, schemaName: 'translations', maxOutputTokens });
      this.options.logger.info({ event: 'translation.drafted', pieces: pieces.length, languages: request.to.length, tokensIn: call.tokensIn, tokensOut: call.tokensOut }, 'translations drafted');
      return { ok: true, drafts: call.value.translations.map((t) => ({ ref: t.id, language: t.language, text: t.text })) };
    } catch (error) {
      const reason = failureOf(error);
      if (!reason) throw error;
      this.options.logger.warn({ event: 'translation.failed', reason }, 'translation drafting failed');
      return { ok: false, reason };
    }
  }
}
