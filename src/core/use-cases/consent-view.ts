import type { ConsentRequestRecord, SummaryVersionRecord } from '../types.js';

/**
 * What a cited member may see of a version they are asked about: their own quotes in full, and other
 * members' quotes without a name until that member has approved this version with their name. Before
 * that, a name next to a quote would tell one member what another said before the other agreed to it.
 *
 * `authorOf` maps a contribution id to its author's member id (anonymous ones included, resolved through
 * the author key); `requests` are the version's consent requests.
 */
export function reviewerView(
  version: SummaryVersionRecord,
  viewerId: string,
  authorOf: ReadonlyMap<string, string>,
  requests: readonly ConsentRequestRecord[],
): SummaryVersionRecord {
  const approvedNamed = new Set(requests.filter((r) => r.status === 'approved').map((r) => r.memberId));
  return {
    ...version,
    statements: version.statements.map((s) => ({
      ...s,
      citations: s.citations.map((c) => {
        const author = c.contributionId ? authorOf.get(c.contributionId) : undefined;
        if (author === viewerId || (author !== undefined && approvedNamed.has(author))) return c;
        return { ...c, attributedName: null };
      }),
    })),
  };
}
