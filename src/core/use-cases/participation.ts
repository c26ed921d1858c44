import { audit, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import { participationRecord, privacyNotice, type PrivacyNotice } from '../privacy/notice.js';
import { policyOf } from '../privacy/policy.js';
import type { Repositories } from '../ports.js';
import { LANGUAGES, type Actor, type ConsentRecordInput, type SummaryVersionRecord } from '../types.js';
import { oneOf } from '../validation.js';
import { participationOf, type ParticipationStatus } from './participation-state.js';
import { ownContributionsIn } from './rounds.js';
import { withdrawOwnContributions } from './withdrawal.js';

export { participationFrom, requireParticipation, type ParticipationState, type ParticipationStatus } from './participation-state.js';

/** The privacy text a member reads before taking part, in their language, with this server's numbers. */
export function currentPrivacyNotice(deps: Pick<CoreDeps, 'privacy'>, language: unknown): PrivacyNotice {
  return privacyNotice(oneOf(language, LANGUAGES, 'language'), policyOf(deps));
}

export async function participationStatus(deps: CoreDeps, actor: Actor): Promise<ParticipationStatus> {
  return deps.store.transaction((repos) => participationOf(repos, actor));
}

async function record(
  repos: Repositories,
  actor: Actor,
  decision: ConsentRecordInput['decision'],
  notice: PrivacyNotice,
  withdrawsId: string | null = null,
): Promise<void> {
  const member = await repos.members.findById(actor.memberId);
  if (!member) throw new DomainError('not_found');
  await repos.consent.appendRecord(participationRecord(member, notice, decision, actor.channel, withdrawsId));
  await audit(repos, actor, `participation.${decision}`, 'privacy_notice', notice.version);
}

/**
 * "I agree and take part", to the exact notice the member was shown: a channel passes the version it
 * displayed, and a notice that changed in between is refused (`version_not_current`) so it can be shown again.
 */
export async function acceptParticipation(
  deps: CoreDeps,
  actor: Actor,
  input: { version?: unknown; language?: unknown } = {},
): Promise<ParticipationStatus> {
  const notice = currentPrivacyNotice(deps, input.language ?? actor.language);
  if (input.version !== undefined && input.version !== notice.version) throw new DomainError('version_not_current');
  return deps.store.transaction(async (repos) => {
    const status = await participationOf(repos, actor);
    if (status.state !== 'accepted') await record(repos, actor, 'granted', notice);
    return participationOf(repos, actor);
  });
}

/** "Not now": recorded as a refusal, which is never read as consent. */
export async function declineParticipation(deps: CoreDeps, actor: Actor): Promise<ParticipationStatus> {
  const notice = currentPrivacyNotice(deps, actor.language);
  return deps.store.transaction(async (repos) => {
    if ((await participationOf(repos, actor)).state === 'none') await record(repos, actor, 'refused', notice);
    return participationOf(repos, actor);
  });
}

/**
 * Withdrawal of consent as easy as giving it: one step ends participation and withdraws every live
 * contribution (summaries re-issued without them at once). Taking part again needs a new acceptance.
 */
export async function withdrawParticipation(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ status: ParticipationStatus; withdrawn: number; reissued: SummaryVersionRecord[] }> {
  const notice = currentPrivacyNotice(deps, actor.language);
  return deps.store.transaction(async (repos) => {
    const before = await participationOf(repos, actor);
    if (before.state === 'accepted' || before.state === 'outdated') await record(repos, actor, 'withdrawn', notice, before.grantId);
    const live = (await ownContributionsIn(deps, repos, actor)).filter((c) => c.status === 'live');
    const reissued = await withdrawOwnContributions(deps, repos, actor, live, 'consent_withdrawn');
    return { status: await participationOf(repos, actor), withdrawn: live.length, reissued };
  });
}
