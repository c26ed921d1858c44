import { isDomainError } from '../core/errors.js';
import type { Language } from '../core/types.js';
import { t } from './index.js';

/** The member-facing message for any error: domain errors by code, everything else a generic apology. */
export function errorMessage(language: Language, error: unknown): string {
  if (!isDomainError(error)) return t(language, 'errors:internal');
  const params: Record<string, string | number> = { ...error.params };
  if (typeof params.field === 'string') params.field = t(language, `common:field.${params.field}`, { defaultValue: params.field });
  // The guard's categories travel as codes ("phone,email"): name them in the member's language.
  if (typeof params.categories === 'string') {
    params.categories = params.categories.split(',').map((c) => t(language, `privacy:category.${c}`, { defaultValue: c })).join(', ');
  }
  return t(language, `errors:${error.code}`, params);
}
