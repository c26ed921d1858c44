/**
 * Estimated price of model calls, in millionths of a US dollar. Prices are per million tokens (input,
 * output) as published by the providers on the date below; a model not in the table has no estimate
 * (a local or self-hosted model may cost nothing per token). Matching is by prefix, longest first, so
 * dated snapshots ("gpt-4o-mini-2024-07-18") find their family.
 */
export const PRICES_CHECKED_ON = '2026-01-15';

const PRICE_PER_MILLION: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5': { input: 1.25, output: 10 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

const BY_LENGTH = Object.keys(PRICE_PER_MILLION).sort((a, b) => b.length - a.length);

export function estimateCostMicros(model: string | null, tokensIn: number, tokensOut: number): number | null {
  if (!model) return null;
  const key = BY_LENGTH.find((prefix) => model.toLowerCase().startsWith(prefix));
  if (!key) return null;
  const price = PRICE_PER_MILLION[key]!;
  return Math.round(tokensIn * price.input + tokensOut * price.output);
}
