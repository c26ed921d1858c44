/**
 * The one error type of the core. Channels map `code` to a message in the member's language
 * (i18n key `errors.<code>`) and to a status (see `httpStatusOf`).
 */
export const ERROR_CODES = [
  'not_found',
  'forbidden',
  'invalid_input',
  'text_empty',
  'text_too_long',
  'unknown_option',
  'poll_closed',
  'round_closed',
  'already_withdrawn',
  'consent_missing',
  'consent_not_pending',
  'version_not_current',
  'conflict',
  'sensitive_data_found',
  'participation_consent_required',
  'attribution_required',
  'reason_name_choice_required',
  'date_impossible',
  'deadline_past',
  'drafting_unavailable',
  'drafting_failed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, detail?: string) {
    super(detail ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_input: 400,
  text_empty: 400,
  text_too_long: 400,
  unknown_option: 400,
  poll_closed: 409,
  round_closed: 409,
  already_withdrawn: 409,
  consent_missing: 409,
  consent_not_pending: 409,
  version_not_current: 409,
  conflict: 409,
  // The text is fine to re-send once rephrased or redacted: the request was understood but not accepted.
  sensitive_data_found: 422,
  participation_consent_required: 403,
  attribution_required: 400,
  reason_name_choice_required: 400,
  date_impossible: 400,
  deadline_past: 400,
  // No language model is configured: the server cannot do this, whoever asks.
  drafting_unavailable: 501,
  // The model was asked but gave nothing usable (refused, cut off, unreachable): nothing was stored.
  drafting_failed: 502,
};

export function httpStatusOf(code: ErrorCode): number {
  return STATUS[code];
}
