import { DomainError } from '../errors.js';
import type { Language } from '../types.js';
import { categoriesOf, redact, scanText, type Finding } from './guard.js';

/**
 * Runs the guard on the free-text fields of one input before it is stored. Without `redact` any finding
 * refuses the input with `sensitive_data_found` (categories and field names as codes, never the text),
 * so the channel can show what was found and offer to rephrase or to let the bot redact. With `redact`
 * every finding is replaced by a placeholder; a national register number is thus never stored, not even
 * in part.
 */
export function guardFields<K extends string>(
  fields: Record<K, string>,
  opts: { redact: boolean; language: Language },
): Record<K, string> {
  const findings = new Map<K, Finding[]>();
  for (const [name, text] of Object.entries(fields) as [K, string][]) {
    const found = scanText(text, opts.language);
    if (found.length > 0) findings.set(name, found);
  }
  if (findings.size === 0) return fields;
  if (!opts.redact) {
    throw new DomainError('sensitive_data_found', {
      categories: categoriesOf([...findings.values()].flat()).join(','),
      fields: [...findings.keys()].join(','),
    });
  }
  const out = { ...fields };
  for (const [name, found] of findings) out[name] = redact(fields[name], found, opts.language);
  return out;
}

/** A form's "let the bot redact" flag: true, "1", "true" or "on". */
export function wantsRedaction(value: unknown): boolean {
  return value === true || value === '1' || value === 'true' || value === 'on';
}
