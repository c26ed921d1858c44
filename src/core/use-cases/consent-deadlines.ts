import { audit, type CoreDeps } from '../context.js';
import type { ConsentRequestRecord, SummaryVersionRecord } from '../types.js';
import { reissueWithout } from './summary-reissue.js';
import { citedContributionIds, resolveAuthors } from './summary-versions.js';

/**
 * The consent deadline job. A cited member who has not answered by the deadline has not said yes, so
 * their words leave that version: the request is marked expired and the summary is re-issued without
 * their quotes (removal reason `no_answer`). Their contributions stay live for later summaries.
 *
 * The other cited members are asked again about the new version. Their earlier approvals are not carried
 * over, because consent is given to one exact version (its hash) and this one differs; carrying them
 * over would make the bot decide on their behalf. The new requests get a fresh deadline.
 */
export async function expireConsentRequests(
  deps: CoreDeps,
  now: Date = deps.clock.now(),
): Promise<{ expired: number; reissued: SummaryVersionRecord[] }> {
  const due = await deps.store.transaction((repos) => repos.consent.listPendingPastDeadline(now));
  const byVersion = new Map<string, ConsentRequestRecord[]>();
  for (const request of due) byVersion.set(request.versionId, [...(byVersion.get(request.versionId) ?? []), request]);
  const reissued: SummaryVersionRecord[] = [];
  let expired = 0;
  // One transaction per version: a problem with one summary does not hold back the others.
  for (const [versionId, requests] of byVersion) {
    const outcome = await deps.store.transaction(async (repos) => {
      const current = await Promise.all(requests.map((r) => repos.consent.findRequest(r.id)));
      const still = current.filter((r): r is ConsentRequestRecord => r !== null && r.status === 'pending');
      if (still.length === 0) return { count: 0, next: null };
      for (const request of still) {
        await repos.consent.updateRequest(request.id, { status: 'expired', respondedAt: now });
        await audit(repos, null, 'consent.expired', 'consent_request', request.id, { versionId }, request.tenantId);
      }
      const version = await repos.summaries.findVersion(versionId);
      const summary = version ? await repos.summaries.findById(version.summaryId) : null;
      if (!version || !summary || version.status !== 'awaiting_consent') return { count: still.length, next: null };
      const silent = new Set(still.map((r) => r.memberId));
      const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
      const authors = await resolveAuthors(repos, deps.secret, cited, await repos.members.listByPanel(summary.panelId));
      const theirs = cited.filter((c) => silent.has(authors.get(c.id) ?? '')).map((c) => c.id);
      return { count: still.length, next: await reissueWithout(deps, repos, summary, version, theirs, 'no_answer') };
    });
    expired += outcome.count;
    if (outcome.next) reissued.push(outcome.next);
  }
  return { expired, reissued };
}
