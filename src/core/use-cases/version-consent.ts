import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { ConsentRequestStatus } from '../types.js';
import type { Actor } from '../types.js';
import { citedContributionIds, resolveAuthors } from './summary-versions.js';

export interface MemberConsentState {
  requestId: string;
  memberId: string;
  displayName: string;
  status: ConsentRequestStatus;
  /** The member's comment when they asked for a change. */
  comment: string | null;
  respondedAt: Date | null;
  /**
   * True when everything of theirs this version quotes is anonymous: then memberId and displayName are
   * empty, or the list would tell the facilitator who wrote the anonymous quote.
   */
  anonymousAuthor: boolean;
}

/**
 * Who was asked about one summary version and what they answered, for the facilitator who has to act
 * on change requests. Reading it is an access to identifiable data, so it is audited.
 */
export async function versionConsent(deps: CoreDeps, actor: Actor, versionId: string): Promise<MemberConsentState[]> {
  enforce(actor, 'summary.consent');
  return deps.store.transaction(async (repos) => {
    const version = await repos.summaries.findVersion(versionId);
    if (!version) throw new DomainError('not_found');
    sameTenant(actor, await repos.summaries.findById(version.summaryId));
    const members = await repos.members.listByPanel(actor.panelId);
    const requests = await repos.consent.listRequestsForVersion(version.id);
    const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
    const authors = await resolveAuthors(repos, deps.secret, cited, members);
    const named = new Set(cited.filter((c) => c.authorId !== null).map((c) => c.authorId));
    const anonymousOnly = (memberId: string) => !named.has(memberId) && cited.some((c) => c.authorId === null && authors.get(c.id) === memberId);
    await audit(repos, actor, 'identifiable.viewed', 'summary_version', version.id, { what: 'consent_state' });
    return requests.map((r) => {
      const hidden = anonymousOnly(r.memberId);
      return {
        requestId: r.id,
        memberId: hidden ? '' : r.memberId,
        displayName: hidden ? '' : (members.find((m) => m.id === r.memberId)?.displayName ?? ''),
        status: r.status,
        comment: r.comment,
        respondedAt: hidden ? null : r.respondedAt,
        anonymousAuthor: hidden,
      };
    });
  });
}
