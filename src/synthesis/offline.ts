import type { DraftStatement, SynthesisRequest, SynthesisResult, SynthesisSource, Synthesizer } from '../core/synthesis.js';
import { t } from '../i18n/index.js';

const MAX_QUOTE = 280;

/** Splits text into sentences and picks the most informative one (longest within bounds) as a verbatim quote. */
export function representativeQuote(source: Pick<SynthesisSource, 'whatHappens' | 'whatIsNeeded' | 'idea'>): string | null {
  const candidates = [source.idea, source.whatIsNeeded, source.whatHappens]
    .flatMap((field) => field.split(/(?<=[.!?…])\s+|\n+/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  if (candidates.length === 0) return null;
  const fitting = candidates.filter((s) => s.length <= MAX_QUOTE);
  if (fitting.length > 0) return fitting.reduce((best, s) => (s.length > best.length ? s : best));
  const first = candidates[0]!;
  const cut = first.slice(0, MAX_QUOTE);
  const space = cut.lastIndexOf(' ');
  return space > 40 ? cut.slice(0, space) : cut;
}

/**
 * Offline extractive synthesis: no model, no network. Groups contributions by their first domain of
 * experience and quotes each quotable contribution verbatim. Labelled as offline wherever it is shown.
 */
export class OfflineSynthesizer implements Synthesizer {
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const groups = new Map<string, SynthesisSource[]>();
    for (const source of request.sources) {
      const key = source.domainKeys[0] ?? '';
      groups.set(key, [...(groups.get(key) ?? []), source]);
    }
    const statements: DraftStatement[] = [];
    const ordered = [...groups].sort((a, b) => b[1].length - a[1].length);
    for (const [key, sources] of ordered) {
      const theme = request.domains.find((d) => d.key === key)?.label ?? t(request.language, 'synthesis:offline.otherTheme');
      const citations = sources
        .filter((s) => s.attribution !== 'no_quote')
        .map((s) => ({ contributionId: s.contributionId, quote: representativeQuote(s) }))
        .filter((c): c is { contributionId: string; quote: string } => c.quote !== null);
      statements.push({
        theme,
        text: t(request.language, 'synthesis:offline.statement', { count: sources.length, theme }),
        citations,
      });
    }
    return { ok: true, generator: 'offline', promptVersion: null, model: null, tokensIn: 0, tokensOut: 0, statements };
  }
}
