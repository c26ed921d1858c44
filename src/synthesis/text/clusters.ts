/**
 * Deterministic term clustering for the offline synthesis: greedy set cover over stemmed terms. The term
 * shared by the most not-yet-grouped contributions seeds a theme; contributions left over join the theme
 * whose key terms they share most, or stay ungrouped. Linear in the number of terms per round, so 10,000
 * contributions take well under a second (see `npm run bench`).
 */
export interface TermDocument {
  /** Distinct stems of one contribution. */
  stems: ReadonlySet<string>;
}

export interface TermCluster {
  /** Indexes into the documents, in input order. */
  members: number[];
  /** The stems that best describe the cluster, seed first. */
  keyStems: string[];
}

export interface ClusterOptions {
  maxClusters: number;
  /** A term must be shared by at least this many documents to seed a cluster. */
  minShared: number;
  /** Terms in more than this share of all documents say nothing about a theme ("zorg" in a care panel). */
  maxDocumentShare: number;
  keyStems: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { maxClusters: 8, minShared: 2, maxDocumentShare: 0.5, keyStems: 3 };

export function clusterDocuments(docs: readonly TermDocument[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): { clusters: TermCluster[]; ungrouped: number[] } {
  const tooCommon = documentFrequencies(docs.map((_, i) => i), docs, new Set());
  const ceiling = docs.length >= 6 ? Math.max(options.minShared, Math.floor(docs.length * options.maxDocumentShare)) : Infinity;
  const banned = new Set([...tooCommon].filter(([, df]) => df > ceiling).map(([stem]) => stem));
  const grouped = new Array<boolean>(docs.length).fill(false);
  const clusters: TermCluster[] = [];
  while (clusters.length < options.maxClusters) {
    const open = docs.map((_, i) => i).filter((i) => !grouped[i]);
    const seed = best(documentFrequencies(open, docs, banned));
    if (!seed || seed[1] < options.minShared) break;
    const members = open.filter((i) => docs[i]!.stems.has(seed[0]));
    for (const i of members) grouped[i] = true;
    const related = documentFrequencies(members, docs, new Set([...banned, seed[0]]));
    const extra = ranked(related).filter(([, df]) => df >= options.minShared).slice(0, options.keyStems - 1).map(([stem]) => stem);
    clusters.push({ members, keyStems: [seed[0], ...extra] });
  }
  const ungrouped: number[] = [];
  docs.forEach((doc, i) => {
    if (grouped[i]) return;
    let target: TermCluster | null = null;
    let overlap = 0;
    for (const cluster of clusters) {
      const shared = cluster.keyStems.filter((stem) => doc.stems.has(stem)).length;
      if (shared > overlap) [target, overlap] = [cluster, shared];
    }
    if (target) target.members.push(i);
    else ungrouped.push(i);
  });
  for (const cluster of clusters) cluster.members.sort((a, b) => a - b);
  clusters.sort((a, b) => b.members.length - a.members.length || a.keyStems[0]!.localeCompare(b.keyStems[0]!));
  return { clusters, ungrouped };
}

function documentFrequencies(indexes: readonly number[], docs: readonly TermDocument[], banned: ReadonlySet<string>): Map<string, number> {
  const df = new Map<string, number>();
  for (const i of indexes) {
    for (const stem of docs[i]!.stems) if (!banned.has(stem)) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  return df;
}

/** Highest count first; ties broken by the stem itself so the result never depends on map order. */
function ranked(df: Map<string, number>): [string, number][] {
  return [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function best(df: Map<string, number>): [string, number] | null {
  let top: [string, number] | null = null;
  for (const entry of df) if (!top || entry[1] > top[1] || (entry[1] === top[1] && entry[0] < top[0])) top = entry;
  return top;
}

/** Jaccard similarity of two stem sets: near-paraphrases score high. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared += 1;
  return shared / (a.size + b.size - shared);
}
