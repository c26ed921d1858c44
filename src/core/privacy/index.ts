/** Privacy and consent: the guard, the privacy notice and the use cases built on them, for every channel. */
export { scanText, redact, categoriesOf, SENSITIVE_CATEGORIES, NEVER_STORED, type Finding, type FindingReason, type SensitiveCategory } from './guard.js';
export { guardFields, wantsRedaction } from './guard-fields.js';
export { privacyNotice, PRIVACY_NOTICE_VERSION, type PrivacyNotice } from './notice.js';
export { anonymousTime, consentDeadline, policyOf, retentionCutoff, showsTimeOfDay } from './policy.js';
export * from '../use-cases/participation.js';
export * from '../use-cases/withdrawal.js';
export * from '../use-cases/support.js';
export * from '../use-cases/web-sessions.js';
export * from '../use-cases/erasure.js';
export * from '../use-cases/erasure-messages.js';
export * from '../use-cases/export.js';
export * from '../use-cases/retention.js';
export * from '../use-cases/consent-deadlines.js';
