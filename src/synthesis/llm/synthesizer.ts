import type { DraftStatement, SynthesisExchange, SynthesisRequest, SynthesisResult, SynthesisSource, Synthesizer } from '../../core/synthesis.js';
import type { Language } from '../../core/types.js';
import type { Logger } from '../../logger.js';
import { estimateCostMicros } from '../cost.js';
import { estimateTokens, outputReserve, planBatches } from './budget.js';
import type { ModelCall, ModelClient, ModelRequest } from './client.js';
import { FailedModelCall } from './client.js';
import { failureOf } from './failures.js';
import { contributionLine, PROMPT_VERSIONS, renderMergePrompt, renderSummarisePrompt, type PartialStatement } from './prompt.js';
import { mergeOutput, summaryOutput, toDraftStatements } from './schema.js';

export interface LlmSynthesizerOptions {
  /** Tokens one call may use, prompt and answer together. */
  tokenBudget: number;
  logger: Logger;
  maxThemes?: number;
  /** Removes personal data from contribution text before it leaves the server (the privacy guard). */
  redact?: (text: string, language: Language) => string;
}

type Part = PartialStatement & { statement: DraftStatement };

/**
 * Summarises with a language model. Input larger than one call's budget is split (map), each part is
 * summarised with quotes, and the parts are merged by reference (reduce) so no quote is ever rewritten.
 * Every call is recorded; any refusal, cut-off, filter or malformed answer fails the whole draft.
 */
export class LlmSynthesizer implements Synthesizer {
  constructor(
    private readonly client: ModelClient,
    private readonly options: LlmSynthesizerOptions,
  ) {}

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const run = new Run(this.client, this.options.logger);
    const started = Date.now();
    const maxThemes = this.options.maxThemes ?? 8;
    try {
      const sources = request.sources.map((s) => this.redacted(s));
      const chunks = this.chunk(request, sources, maxThemes);
      const partials: Part[] = [];
      for (const chunk of chunks) {
        const prompt = renderSummarisePrompt({ ...request, sources: chunk, maxThemes });
        const call = await run.call(this.ask(prompt, summaryOutput, 'summary'), chunk.map((s) => s.contributionId));
        for (const statement of toDraftStatements(call.value)) partials.push({ ref: `p${partials.length + 1}`, theme: statement.theme, text: statement.text, statement });
      }
      const statements = chunks.length > 1 ? await this.reduce(run, request, partials, maxThemes) : partials.map((p) => p.statement);
      const result = run.result(chunks.length > 1);
      this.options.logger.info({ event: 'synthesis.done', calls: run.exchanges.length, statements: statements.length, tokensIn: result.tokensIn, tokensOut: result.tokensOut, ms: Date.now() - started }, 'llm synthesis');
      return { ok: true, ...result, statements };
    } catch (error) {
      const reason = failureOf(error);
      if (!reason) throw error;
      this.options.logger.warn({ event: 'synthesis.failed', reason, calls: run.exchanges.length, ms: Date.now() - started }, 'llm synthesis failed');
      return { ok: false, reason, ...run.result(false) };
    }
  }

  private redacted(source: SynthesisSource): SynthesisSource {
    const redact = this.options.redact;
    if (!redact) return source;
    return { ...source, whatHappens: redact(source.whatHappens, source.language), whatIsNeeded: redact(source.whatIsNeeded, source.language), idea: redact(source.idea, source.language) };
  }

  /** Contributions of the same domain stay together so each part has coherent themes. */
  private chunk(request: SynthesisRequest, sources: SynthesisSource[], maxThemes: number): SynthesisSource[][] {
    const ordered = [...sources].sort((a, b) => (a.domainKeys[0] ?? '').localeCompare(b.domainKeys[0] ?? ''));
    const empty = renderSummarisePrompt({ ...request, sources: [], maxThemes });
    const fixed = estimateTokens(empty.system) + estimateTokens(empty.user);
    return planBatches(ordered, (s) => estimateTokens(contributionLine(s)), this.options.tokenBudget, fixed);
  }

  /** Merges partial statements by reference, in rounds when even the partials exceed one call's budget. */
  private async reduce(run: Run, request: SynthesisRequest, partials: Part[], maxThemes: number): Promise<DraftStatement[]> {
    const empty = renderMergePrompt({ ...request, partials: [], maxThemes });
    const fixed = estimateTokens(empty.system) + estimateTokens(empty.user);
    const batches = planBatches(partials, (p) => estimateTokens(JSON.stringify({ id: p.ref, theme: p.theme, text: p.text })), this.options.tokenBudget, fixed);
    const merged: Part[] = [];
    for (const batch of batches) {
      const prompt = renderMergePrompt({ ...request, partials: batch, maxThemes });
      const ids = [...new Set(batch.flatMap((p) => p.statement.citations.map((c) => c.contributionId)))];
      const call = await run.call(this.ask(prompt, mergeOutput, 'merge'), ids, true);
      for (const statement of assemble(call.value.statements, batch)) merged.push({ ref: `p${merged.length + 1}`, theme: statement.theme, text: statement.text, statement });
    }
    // A round that does not shrink the list would loop forever: stop and keep what we have.
    if (batches.length === 1 || merged.length >= partials.length) return merged.map((p) => p.statement);
    return this.reduce(run, request, merged, maxThemes);
  }

  private ask<T>(prompt: { system: string; user: string }, schema: ModelRequest<T>['schema'], schemaName: string): ModelRequest<T> {
    return { system: prompt.system, user: prompt.user, schema, schemaName, maxOutputTokens: outputReserve(this.options.tokenBudget) };
  }
}

/**
 * Code, not the model, carries quotes through a merge: each merged statement gets the citations of the
 * parts it names. A part named twice counts once; a part the model forgot is kept as it was.
 */
function assemble(merged: { theme: string; text: string; parts: string[] }[], batch: Part[]): DraftStatement[] {
  const byRef = new Map(batch.map((p) => [p.ref, p]));
  const used = new Set<string>();
  const out: DraftStatement[] = [];
  for (const m of merged) {
    const parts = m.parts.filter((ref) => byRef.has(ref) && !used.has(ref));
    if (parts.length === 0) continue;
    for (const ref of parts) used.add(ref);
    out.push({ theme: m.theme.trim(), text: m.text.trim(), citations: parts.flatMap((ref) => byRef.get(ref)!.statement.citations) });
  }
  for (const p of batch) if (!used.has(p.ref)) out.push(p.statement);
  return out;
}

/** Tokens, exchanges and prompt versions of one synthesis. */
class Run {
  readonly exchanges: SynthesisExchange[] = [];
  private mapCalls = 0;
  private mergeCalls = 0;

  constructor(
    private readonly client: ModelClient,
    private readonly logger: Logger,
  ) {}

  async call<T>(request: ModelRequest<T>, contributionIds: string[], merge = false): Promise<ModelCall<T>> {
    const started = Date.now();
    if (merge) this.mergeCalls += 1;
    else this.mapCalls += 1;
    let call: ModelCall<T>;
    try {
      call = await this.client.complete(request);
    } catch (error) {
      // The prompt reached the model: record it with the contributions it carried, so erasure finds it.
      if (error instanceof FailedModelCall) this.record(error.call, contributionIds);
      throw error;
    }
    this.record(call, contributionIds);
    this.logger.debug({ event: 'synthesis.call', schema: request.schemaName, contributions: contributionIds.length, tokensIn: call.tokensIn, tokensOut: call.tokensOut, ms: Date.now() - started }, 'model call');
    return call;
  }

  private record(call: Omit<ModelCall<unknown>, 'value'>, contributionIds: string[]): void {
    this.exchanges.push({ contributionIds, request: call.request, response: call.response, model: this.client.model, tokensIn: call.tokensIn, tokensOut: call.tokensOut });
  }

  result(mapReduce: boolean) {
    const tokensIn = this.exchanges.reduce((sum, e) => sum + e.tokensIn, 0);
    const tokensOut = this.exchanges.reduce((sum, e) => sum + e.tokensOut, 0);
    return {
      generator: 'llm' as const,
      promptVersion: mapReduce || this.mergeCalls > 0 ? `${PROMPT_VERSIONS.summarise}+${PROMPT_VERSIONS.merge}` : PROMPT_VERSIONS.summarise,
      model: this.client.model,
      tokensIn,
      tokensOut,
      exchanges: this.exchanges,
      costMicros: estimateCostMicros(this.client.model, tokensIn, tokensOut),
      passes: { map: this.mapCalls, reduce: this.mergeCalls },
    };
  }
}
