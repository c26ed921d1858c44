/** Helpers shared by the number detectors. */

/** Positions of the digits of `raw` (a slice of the text starting at `offset`), and the digits themselves. */
export function digitsOf(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** n mod 97 for a long digit string, without BigInt: fold it a few digits at a time. */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/** A match must not glue onto a longer word or number on either side. */
export function isolated(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
