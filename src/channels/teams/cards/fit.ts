import { note, type AdaptiveCard, type CardElement } from './elements.js';

/**
 * Teams refuses bot messages over about 100 KB (counted as UTF-16, with a 413 MessageSizeTooBig) and advises
 * staying under 80 KB. Cards carrying many long quotes can get there, so before sending, the longest
 * person-written texts are shortened (never our buttons or inputs) and the card says so.
 */
export const MESSAGE_BUDGET_BYTES = 80 * 1024;

/** Room kept for the activity around the card (ids, addresses, channel data). */
const ENVELOPE_BYTES = 2 * 1024;
const SHORTEST_CUT = 120;

export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

function textRuns(node: unknown, out: { text: string }[] = []): { text: string }[] {
  if (Array.isArray(node)) {
    for (const item of node) textRuns(item, out);
  } else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') out.push(element as { text: string });
    for (const value of Object.values(element)) if (value && typeof value === 'object') textRuns(value, out);
  }
  return out;
}

function shorten(text: string, keep: number): string {
  return `${[...text].slice(0, keep).join('')}…`;
}

/** The card as is when it fits; otherwise a copy with the longest texts shortened and a notice on top. */
export function fitCard(card: AdaptiveCard, shortenedNotice: string, budget = MESSAGE_BUDGET_BYTES): AdaptiveCard {
  const limit = budget - ENVELOPE_BYTES;
  let size = utf16Bytes(card);
  if (size <= limit) return card;
  const copy = structuredClone(card);
  const notice: CardElement = note(shortenedNotice, { color: 'attention' });
  size += utf16Bytes(notice);
  // Halve the longest text until it fits; a text already down to the shortest cut is left alone.
  const runs = textRuns(copy.body);
  while (size > limit && runs.length > 0) {
    const longest = runs.reduce((a, r) => (r.text.length > a.text.length ? r : a));
    const keep = Math.floor([...longest.text].length / 2);
    if (keep < SHORTEST_CUT) {
      runs.splice(runs.indexOf(longest), 1);
      continue;
    }
    const before = JSON.stringify(longest.text).length;
    longest.text = shorten(longest.text, keep);
    size -= (before - JSON.stringify(longest.text).length) * 2;
  }
  // Still too big (very many short items): keep the head of the card; the buttons stay.
  while (size > limit && copy.body.length > 1) {
    const dropped = copy.body.pop();
    size -= utf16Bytes(dropped) + 2;
  }
  copy.body.unshift(notice);
  return copy;
}
