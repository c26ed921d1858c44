import { verifyStatements } from '../src/core/quote-check.js';
import type { Language } from '../src/core/types.js';
import { offlineThemes } from '../src/synthesis/offline.js';
import { adjustedRand, normalisedMutualInformation, themeRecall } from './agreement.js';
import { requestFor, withdrawnIds, type Corpus } from './corpus.js';
import { coverage, type Share } from './metrics.js';

export interface ThemeScores {
  ari: number;
  nmi: number;
  recall: Share & { missed: string[] };
  coverage: Share;
  saysMore: Share;
  quotesVerbatim: Share;
  themes: number;
  other: number;
  ms: number;
}

const OTHER = '(other)';

/**
 * A statement says more than a count when, once its numbers, its theme label and the language breakdown
 * ("NL 5, FR 2") are taken out, at least eight words are left: the old statements ("12 contributions on
 * 'label'") leave two or three.
 */
export function saysMoreThanCount(theme: string, text: string): boolean {
  const rest = text.replace(theme, ' ').replace(/\b(NL|FR|EN)\b/g, ' ').replace(/\d+/g, ' ');
  return (rest.match(/[\p{L}]+/gu) ?? []).length >= 8;
}

export function scoreOffline(corpus: Corpus, truth: Record<string, string>, language: Language): ThemeScores {
  const request = requestFor(corpus, language);
  const started = performance.now();
  const themes = offlineThemes(request);
  const ms = performance.now() - started;
  const found: Record<string, string> = {};
  themes.forEach((theme, k) => theme.contributionIds.forEach((id) => (found[id] = theme.concept ?? OTHER)));
  for (const source of request.sources) found[source.contributionId] ??= `${OTHER}${k(source.contributionId)}`;
  const statements = themes.map((t) => t.statement);
  const outcome = verifyStatements(statements, request.sources, withdrawnIds(corpus));
  return {
    ari: adjustedRand(truth, found),
    nmi: normalisedMutualInformation(truth, found),
    recall: themeRecall(truth, found, 'other', OTHER),
    coverage: coverage(corpus, outcome),
    saysMore: { hit: statements.filter((s) => saysMoreThanCount(s.theme, s.text)).length, of: statements.length },
    quotesVerbatim: { hit: outcome.quotesKept, of: outcome.quotesChecked },
    themes: themes.filter((t) => t.concept !== null).length,
    other: themes.find((t) => t.concept === null)?.contributionIds.length ?? 0,
    ms,
  };
}

// Every live contribution is in exactly one theme; this only guards the metric against a silent drop.
const k = (id: string) => `:${id}`;
