/**
 * Agreement between the offline themes and a facilitator's hand labels, over the same contributions.
 * Both are partitions: each contribution has one hand theme and one offline theme ("other" is a group
 * of its own on either side, since that is how a reader meets it).
 */
export interface Partition {
  /** Contribution id -> group name. */
  readonly [id: string]: string;
}

function table(truth: Partition, found: Partition): { ids: string[]; cells: Map<string, Map<string, number>>; rows: Map<string, number>; cols: Map<string, number> } {
  const ids = Object.keys(truth).filter((id) => id in found);
  const cells = new Map<string, Map<string, number>>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const id of ids) {
    const [r, c] = [truth[id]!, found[id]!];
    const row = cells.get(r) ?? new Map<string, number>();
    row.set(c, (row.get(c) ?? 0) + 1);
    cells.set(r, row);
    rows.set(r, (rows.get(r) ?? 0) + 1);
    cols.set(c, (cols.get(c) ?? 0) + 1);
  }
  return { ids, cells, rows, cols };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Adjusted Rand index (Hubert and Arabie): 1 is identical, 0 is what chance gives. */
export function adjustedRand(truth: Partition, found: Partition): number {
  const { ids, cells, rows, cols } = table(truth, found);
  let index = 0;
  for (const row of cells.values()) for (const n of row.values()) index += pairs(n);
  const a = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const b = [...cols.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (a * b) / pairs(ids.length);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Normalised mutual information (arithmetic-mean normalisation, as scikit-learn's default). */
export function normalisedMutualInformation(truth: Partition, found: Partition): number {
  const { ids, cells, rows, cols } = table(truth, found);
  const n = ids.length;
  const entropy = (counts: Iterable<number>) => [...counts].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [r, row] of cells) for (const [c, count] of row) mi += (count / n) * Math.log((n * count) / (rows.get(r)! * cols.get(c)!));
  const mean = (entropy(rows.values()) + entropy(cols.values())) / 2;
  return mean === 0 ? 1 : mi / mean;
}

/**
 * Hand themes (other than `otherName`) that are the majority of at least one offline theme (other than
 * the offline "other"): the themes a facilitator would recognise in the summary.
 */
export function themeRecall(truth: Partition, found: Partition, otherName: string, foundOther: string): { hit: number; of: number; missed: string[] } {
  const { cells } = table(truth, found);
  const majorities = new Set<string>();
  const byFound = new Map<string, Map<string, number>>();
  for (const [r, row] of cells) for (const [c, count] of row) byFound.set(c, (byFound.get(c) ?? new Map()).set(r, count));
  for (const [c, counts] of byFound) {
    if (c === foundOther) continue;
    const total = [...counts.values()].reduce((s, x) => s + x, 0);
    for (const [r, count] of counts) if (count * 2 > total) majorities.add(r);
  }
  const themes = [...new Set(Object.values(truth))].filter((t) => t !== otherName).sort();
  const missed = themes.filter((t) => !majorities.has(t));
  return { hit: themes.length - missed.length, of: themes.length, missed };
}
