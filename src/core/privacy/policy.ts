import type { CoreDeps } from '../context.js';
import { DEFAULT_PRIVACY_POLICY, type PrivacyPolicy } from '../types.js';

const DAY = 24 * 3600_000;

export function policyOf(deps: Pick<CoreDeps, 'privacy'>): PrivacyPolicy {
  return deps.privacy ?? DEFAULT_PRIVACY_POLICY;
}

/** When a consent request made now stops waiting for an answer. */
export function consentDeadline(deps: Pick<CoreDeps, 'privacy'>, now: Date): Date {
  return new Date(now.getTime() + policyOf(deps).consentDeadlineDays * DAY);
}

/** Contributions created before this are past the retention period. */
export function retentionCutoff(deps: Pick<CoreDeps, 'privacy'>, now: Date): Date {
  return new Date(now.getTime() - policyOf(deps).retentionDays * DAY);
}

/**
 * The time stored on anonymous rows (contributions, ballots, poll participation): the day only (UTC
 * midnight). An exact time could be matched with rows that do name the member (a chat reply the bot
 * posted, a notification read at that second), which would undo the anonymity.
 */
export function anonymousTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY);
}

/**
 * Whether a contribution's time of day may be shown. An anonymous one is stored with its day only (see
 * `anonymousTime`), so a time would be a made-up "00:00" or "01:00": every view shows its date alone.
 */
export function showsTimeOfDay(contribution: { attribution: string }): boolean {
  return contribution.attribution !== 'anonymous';
}
