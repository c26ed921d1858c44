/**
 * Token budgeting without a tokenizer dependency: about 3.5 characters a token is conservative for Dutch,
 * French and English (they run 4 or more), so a planned call stays inside the budget. The provider's own
 * token counts are what gets recorded.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5) + 4;
}

/** Room kept for the answer in each call; also sent as the call's maximum completion tokens. */
export function outputReserve(budget: number): number {
  return Math.min(8000, Math.max(512, Math.floor(budget * 0.35)));
}

/**
 * Splits items into consecutive batches whose estimated size fits what is left of the budget after the
 * fixed part of the prompt and the answer's reserve. An item too large on its own still gets a batch.
 */
export function planBatches<T>(items: readonly T[], size: (item: T) => number, budget: number, fixed: number): T[][] {
  const room = budget - outputReserve(budget) - fixed;
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = size(item);
    if (current.length > 0 && used + cost > room) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
