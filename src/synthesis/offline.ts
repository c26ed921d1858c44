import type { DraftCitation, DraftStatement, SynthesisRequest, SynthesisResult, SynthesisSource, Synthesizer } from '../core/synthesis.js';
import { contributionText } from '../core/synthesis.js';
import { t } from '../i18n/index.js';
import { clusterDocuments, similarity, DEFAULT_CLUSTER_OPTIONS, type TermCluster } from './text/clusters.js';
import { pickQuote } from './text/sentences.js';
import { TermExtractor } from './text/terms.js';

/** Enough quotes for the board to hear several voices per theme, few enough to read and to ask consent for. */
const QUOTES_PER_THEME = 8;
/** Two answers this alike (shared stems) say the same thing: quote one of them. */
const NEAR_PARAPHRASE = 0.6;

interface Doc {
  source: SynthesisSource;
  stems: Set<string>;
  surfaces: Map<string, string>;
}

/**
 * Offline extractive synthesis: no model, no network, deterministic. Themes come from clustering stemmed
 * terms (Dutch, French and English Snowball stemmers and stop words); each theme quotes its most central,
 * mutually different, quotable contributions verbatim. Same output shape as the model, so everything
 * downstream (verification, facts, consent) works without a key. Labelled `offline` wherever it is shown.
 */
export class OfflineSynthesizer implements Synthesizer {
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    return { ok: true, generator: 'offline', promptVersion: null, model: null, tokensIn: 0, tokensOut: 0, statements: offlineStatements(request) };
  }
}

export function offlineStatements(request: SynthesisRequest): DraftStatement[] {
  const extractor = new TermExtractor();
  const nameWords = new Set(
    request.sources.flatMap((s) => (s.authorLabel ? s.authorLabel.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u) : [])),
  );
  const docs: Doc[] = request.sources.map((source) => {
    const surfaces = new Map<string, string>();
    for (const term of extractor.terms(contributionText(source), source.language)) {
      if (!nameWords.has(term.surface) && !surfaces.has(term.stem)) surfaces.set(term.stem, term.surface);
    }
    return { source, stems: new Set(surfaces.keys()), surfaces };
  });
  const { clusters, ungrouped } = clusterDocuments(docs, DEFAULT_CLUSTER_OPTIONS);
  const statements = clusters.map((cluster) => {
    const theme = themeLabel(cluster, docs);
    return statement(request, theme, cluster.members.length, representatives(cluster, docs, extractor));
  });
  for (const [key, members] of byFirstDomain(ungrouped, docs)) {
    const theme = request.domains.find((d) => d.key === key)?.label ?? t(request.language, 'synthesis:offline.otherTheme');
    const cluster: TermCluster = { members, keyStems: [] };
    statements.push(statement(request, theme, members.length, representatives(cluster, docs, extractor)));
  }
  return statements;
}

function statement(request: SynthesisRequest, theme: string, count: number, citations: DraftCitation[]): DraftStatement {
  return { theme, text: t(request.language, 'synthesis:offline.statement', { count, theme }), citations };
}

/** The key terms as members wrote them: the most frequent spelling of each stem, capitalised. */
function themeLabel(cluster: TermCluster, docs: Doc[]): string {
  const words = cluster.keyStems.map((stem) => {
    const counts = new Map<string, number>();
    for (const i of cluster.members) {
      const surface = docs[i]!.surfaces.get(stem);
      if (surface) counts.set(surface, (counts.get(surface) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? stem;
  });
  const label = words.join(', ');
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

/**
 * Most central first (sharing the most terms with the rest of the theme, normalised for length), skipping
 * contributions whose author asked not to be quoted and near-paraphrases of a quote already chosen.
 */
function representatives(cluster: TermCluster, docs: Doc[], extractor: TermExtractor): DraftCitation[] {
  const shared = new Map<string, number>();
  for (const i of cluster.members) for (const stem of docs[i]!.stems) shared.set(stem, (shared.get(stem) ?? 0) + 1);
  const centrality = (doc: Doc) => {
    let sum = 0;
    for (const stem of doc.stems) sum += shared.get(stem)! - 1;
    return doc.stems.size === 0 ? 0 : sum / Math.sqrt(doc.stems.size);
  };
  const ranked = cluster.members
    .filter((i) => docs[i]!.source.attribution !== 'no_quote')
    .map((i) => ({ i, score: centrality(docs[i]!) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const key = new Set(cluster.keyStems);
  const chosen: Doc[] = [];
  const citations: DraftCitation[] = [];
  for (const { i } of ranked) {
    if (citations.length >= QUOTES_PER_THEME) break;
    const doc = docs[i]!;
    if (chosen.some((other) => similarity(other.stems, doc.stems) >= NEAR_PARAPHRASE)) continue;
    const quote = pickQuote(doc.source, (sentence) => {
      const hits = extractor.terms(sentence, doc.source.language).filter((term) => key.has(term.stem)).length;
      return hits * 1000 + Math.min(sentence.length, 280);
    });
    if (!quote) continue;
    chosen.push(doc);
    citations.push({ contributionId: doc.source.contributionId, quote, authorLabel: doc.source.authorLabel });
  }
  return citations;
}

function byFirstDomain(indexes: number[], docs: Doc[]): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const key = docs[i]!.source.domainKeys[0] ?? '';
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
