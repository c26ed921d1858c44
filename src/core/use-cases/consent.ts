import { audit, authorize, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import {
  CONSENT_DECISIONS,
  LIMITS,
  type Actor,
  type ConsentRequestRecord,
  type ContributionRecord,
  type Removal,
  type SummaryVersionRecord,
} from '../types.js';
import { oneOf, optionalText } from '../validation.js';
import { ownContribution } from './rounds.js';
import { citedContributionIds, computeFacts, resolveAuthors, storeVersion } from './summary-versions.js';

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
      out.push({ request, version, myContributionIds: await myCitedIds(deps, repos, actor, version) });
    }
    return out;
  });
}

async function myCitedIds(deps: CoreDeps, repos: Repositories, actor: Actor, version: SummaryVersionRecord): Promise<string[]> {
  const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
  const members = await repos.members.listByPanel(actor.panelId);
  const authors = await resolveAuthors(repos, deps.secret, cited, members);
  return cited.filter((c) => authors.get(c.id) === actor.memberId).map((c) => c.id);
}

/**
 * A cited member's answer to one exact version: approve, approve without their name, ask for a change,
 * or withdraw their input (which re-issues the summary without it at once).
 */
export async function respondToConsent(
  deps: CoreDeps,
  actor: Actor,
  requestId: string,
  input: { decision: unknown; comment?: unknown },
): Promise<{ request: ConsentRequestRecord; reissued: SummaryVersionRecord[] }> {
  const decision = oneOf(input.decision, CONSENT_DECISIONS, 'decision');
  const comment = optionalText(input.comment, 'comment', LIMITS.reason);
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
      for (const id of ids) await repos.contributions.withdraw(id, now);
      reissued = await removeContributions(deps, repos, actor.tenantId, actor.panelId, ids, 'consent_withdrawn');
    }
    return { request: { ...request, status, respondedAt: now }, reissued };
  });
}

async function pseudonymOf(repos: Repositories, memberId: string): Promise<string> {
  const member = await repos.members.findById(memberId);
  if (!member) throw new DomainError('not_found');
  return member.pseudonym;
}

/** Withdrawal in one step: the contribution leaves every summary and backlog link at once. */
export async function withdrawContribution(deps: CoreDeps, actor: Actor, contributionId: string): Promise<ContributionRecord> {
  return deps.store.transaction(async (repos) => {
    const contribution = await ownContribution(deps, repos, actor, contributionId);
    if (contribution.status === 'withdrawn') throw new DomainError('already_withdrawn');
    const withdrawn = await repos.contributions.withdraw(contribution.id, deps.clock.now());
    await repos.consent.appendRecord({
      tenantId: actor.tenantId,
      pseudonym: await pseudonymOf(repos, actor.memberId),
      purpose: 'participation',
      objectType: 'contribution',
      objectId: contribution.id,
      objectHash: null,
      textVersion: null,
      language: actor.language,
      decision: 'withdrawn',
      channel: actor.channel,
    });
    await removeContributions(deps, repos, actor.tenantId, actor.panelId, [contribution.id], 'contribution_withdrawn');
    await audit(repos, contribution.authorId ? actor : null, 'contribution.withdrawn', 'contribution', contribution.id, {}, actor.tenantId);
    return withdrawn;
  });
}

/**
 * Removes contributions from every current summary version that cites them. A published version is
 * re-issued without them and stays published (the board is told that it changed, not what); a version
 * awaiting consent is re-issued and every remaining cited member is asked again. Backlog items keep their
 * text but lose the link and the quote.
 */
export async function removeContributions(
  deps: CoreDeps,
  repos: Repositories,
  tenantId: string,
  panelId: string,
  contributionIds: string[],
  reason: Removal['reason'],
): Promise<SummaryVersionRecord[]> {
  if (contributionIds.length === 0) return [];
  const gone = new Set(contributionIds);
  const now = deps.clock.now();
  const reissued: SummaryVersionRecord[] = [];
  for (const versionId of await repos.summaries.listVersionIdsCiting(contributionIds)) {
    const version = await repos.summaries.findVersion(versionId);
    if (!version || (version.status !== 'published' && version.status !== 'awaiting_consent')) continue;
    const statements = version.statements
      .map((s) => ({ theme: s.theme, text: s.text, citations: s.citations.filter((c) => !c.contributionId || !gone.has(c.contributionId)) }))
      .filter((s) => s.citations.length > 0)
      .map((s, position) => ({ ...s, position }));
    const removals: Removal[] = [
      ...version.removals,
      ...contributionIds.filter((id) => citedContributionIds(version).includes(id)).map((id) => ({ contributionId: id, reason })),
    ];
    const summary = await repos.summaries.findById(version.summaryId);
    if (!summary) continue;
    const live = (summary.roundId
      ? await repos.contributions.listByRound(summary.roundId, { liveOnly: true })
      : await repos.contributions.listByPanel(panelId, { liveOnly: true })
    ).filter((c) => !gone.has(c.id));
    const members = await repos.members.listByPanel(panelId);
    const domains = await repos.panels.listDomains(panelId);
    const authors = await resolveAuthors(repos, deps.secret, live, members);
    const published = version.status === 'published';
    const cited = published ? [] : [...new Set(statements.flatMap((s) => s.citations.map((c) => authors.get(c.contributionId ?? '') ?? '')).filter(Boolean))];
    const next = await storeVersion(
      repos,
      {
        summaryId: version.summaryId,
        tenantId,
        language: version.language,
        generator: version.generator,
        promptVersion: version.promptVersion,
        model: version.model,
        tokensIn: 0,
        tokensOut: 0,
        statements: statements.map((s) => ({ ...s, citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote, attributedName: c.attributedName })) })),
        removals,
        facts: computeFacts(live, authors, statements.map((s) => ({ ...s, citations: s.citations.map((c) => ({ ...c, contributionId: c.contributionId ?? '' })) })), domains),
        status: published ? 'published' : 'awaiting_consent',
      },
      cited,
      now,
    );
    if (published) {
      await repos.summaries.setVersionStatus(next.id, 'published', now);
      for (const board of members.filter((m) => m.active && m.role === 'board')) {
        await repos.notifications.create({ tenantId, memberId: board.id, kind: 'summary_changed', payload: { summaryId: version.summaryId, versionId: next.id } });
      }
    }
    await audit(repos, null, 'summary.reissued', 'summary', version.summaryId, { version: next.number, reason }, tenantId);
    reissued.push((await repos.summaries.findVersion(next.id))!);
  }
  await repos.backlog.unlinkContributions(contributionIds);
  return reissued;
}

export async function consentHistory(deps: CoreDeps, actor: Actor) {
  authorize(actor, ['expert', 'facilitator', 'board', 'admin']);
  return deps.store.transaction(async (repos) => repos.consent.listRecords(actor.tenantId, await pseudonymOf(repos, actor.memberId)));
}
