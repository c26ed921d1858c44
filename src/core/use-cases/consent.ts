import { audit, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, ConsentRequestRecord, ContributionRecord, SummaryVersionRecord } from '../types.js';
import { checkConsentAnswer } from '../form-checks.js';
import { ownContribution } from './rounds.js';
import { withdrawOwnContributions } from './withdrawal.js';
import { citedContributionIds, resolveAuthors } from './summary-versions.js';
import { reviewerView } from './consent-view.js';

export { removeContributions } from './summary-reissue.js';

export interface ConsentReview {
  request: ConsentRequestRecord;
  version: SummaryVersionRecord;
  /** The contributions of this member that the version quotes. */
  myContributionIds: string[];
}

/** Consent requests waiting for the actor, each with the exact version and which quotes are theirs. */
export async function myConsentRequests(deps: CoreDeps, actor: Actor): Promise<ConsentReview[]> {
  return deps.store.transaction(async (repos) => {
    const requests = await repos.consent.listRequestsForMember(actor.memberId, 'pending');
    const out: ConsentReview[] = [];
    for (const request of requests) {
      const version = await repos.summaries.findVersion(request.versionId);
      if (!version || version.status !== 'awaiting_consent') continue;
      const authors = await citedAuthors(deps, repos, actor, version);
      const view = reviewerView(version, actor.memberId, authors, await repos.consent.listRequestsForVersion(version.id));
      const myContributionIds = [...authors].filter(([, member]) => member === actor.memberId).map(([id]) => id);
      out.push({ request, version: view, myContributionIds });
    }
    return out;
  });
}

/** Who wrote each contribution the version cites (anonymous ones too, through the author key). */
export async function citedAuthors(deps: CoreDeps, repos: Repositories, actor: Actor, version: SummaryVersionRecord): Promise<Map<string, string>> {
  const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
  const members = await repos.members.listByPanel(actor.panelId);
  return resolveAuthors(repos, deps.secret, cited, members);
}

async function myCitedIds(deps: CoreDeps, repos: Repositories, actor: Actor, version: SummaryVersionRecord): Promise<string[]> {
  const authors = await citedAuthors(deps, repos, actor, version);
  return [...authors].filter(([, member]) => member === actor.memberId).map(([id]) => id);
}

/**
 * A cited member's answer to one exact version: approve, approve without their name, ask for a change,
 * or withdraw their input (which re-issues the summary without it at once).
 */
export async function respondToConsent(
  deps: CoreDeps,
  actor: Actor,
  requestId: string,
  input: { decision: unknown; comment?: unknown; redact?: unknown },
): Promise<{ request: ConsentRequestRecord; reissued: SummaryVersionRecord[] }> {
  const { decision, comment } = checkConsentAnswer(input, actor.language);
  return deps.store.transaction(async (repos) => {
    const request = await repos.consent.findRequest(requestId);
    if (!request || request.memberId !== actor.memberId || request.tenantId !== actor.tenantId) throw new DomainError('not_found');
    if (request.status !== 'pending') throw new DomainError('consent_not_pending');
    const version = await repos.summaries.findVersion(request.versionId);
    if (!version || version.status !== 'awaiting_consent') throw new DomainError('version_not_current');
    const now = deps.clock.now();
    const status = ({ approve: 'approved', approve_anonymous: 'approved_anonymous', request_change: 'change_requested', withdraw: 'withdrawn' } as const)[decision];
    await repos.consent.updateRequest(request.id, { status, comment: decision === 'request_change' ? comment || null : null, respondedAt: now });
    await repos.consent.appendRecord({
      tenantId: actor.tenantId,
      pseudonym: await pseudonymOf(repos, actor.memberId),
      purpose: 'summary_quote',
      objectType: 'summary_version',
      objectId: version.id,
      objectHash: version.contentHash,
      textVersion: null,
      language: actor.language,
      decision: ({ approve: 'granted', approve_anonymous: 'granted_anonymous', request_change: 'change_requested', withdraw: 'withdrawn' } as const)[decision],
      channel: actor.channel,
    });
    await audit(repos, actor, `consent.${decision}`, 'summary_version', version.id);
    let reissued: SummaryVersionRecord[] = [];
    if (decision === 'request_change') {
      const summary = await repos.summaries.findById(version.summaryId);
      if (summary) {
        await repos.notifications.create({
          tenantId: actor.tenantId,
          memberId: summary.createdById,
          kind: 'change_requested',
          payload: { summaryId: summary.id, versionId: version.id, requestId: request.id },
        });
      }
    }
    if (decision === 'withdraw') {
      const ids = await myCitedIds(deps, repos, actor, version);
      const mine = await repos.contributions.findManyByIds(ids);
      reissued = await withdrawOwnContributions(deps, repos, actor, mine.filter((c) => c.status === 'live'), 'consent_withdrawn');
    }
    return { request: { ...request, status, respondedAt: now }, reissued };
  });
}

/** Withdrawal in one step: the contribution leaves every summary and backlog link at once. */
export async function withdrawContribution(deps: CoreDeps, actor: Actor, contributionId: string): Promise<ContributionRecord> {
  return deps.store.transaction(async (repos) => {
    const contribution = await ownContribution(deps, repos, actor, contributionId);
    if (contribution.status === 'withdrawn') throw new DomainError('already_withdrawn');
    await withdrawOwnContributions(deps, repos, actor, [contribution], 'contribution_withdrawn');
    return (await repos.contributions.findById(contribution.id))!;
  });
}

export async function consentHistory(deps: CoreDeps, actor: Actor) {
  enforce(actor, 'consent.history');
  return deps.store.transaction(async (repos) => repos.consent.listRecords(actor.tenantId, await pseudonymOf(repos, actor.memberId)));
}

export async function pseudonymOf(repos: Repositories, memberId: string): Promise<string> {
  const member = await repos.members.findById(memberId);
  if (!member) throw new DomainError('not_found');
  return member.pseudonym;
}
