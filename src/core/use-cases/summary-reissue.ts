import { audit, type CoreDeps } from '../context.js';
import { consentDeadline } from '../privacy/policy.js';
import type { Repositories } from '../ports.js';
import type { Removal, SummaryVersionRecord } from '../types.js';
import { quotedCitations } from '../statement-support.js';
import { citedContributionIds, computeFacts, resolveAuthors, statementLine, storeVersion } from './summary-versions.js';

/**
 * Removes contributions from every current summary version that cites them. A published version is
 * re-issued without them and stays published (the board is told that it changed, not what); a version
 * awaiting consent is re-issued and every remaining cited member is asked again. When a summary has both
 * (a published version and a newer draft of it), each is re-issued as what it was. Backlog items keep their
 * text but lose the link and the quote; links to statements follow them into the re-issued published version.
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
  const reissued: SummaryVersionRecord[] = [];
  for (const versionId of await repos.summaries.listVersionIdsCiting(contributionIds)) {
    const version = await repos.summaries.findVersion(versionId);
    if (!version || (version.status !== 'published' && version.status !== 'awaiting_consent')) continue;
    const next = await reissueWithout(deps, repos, { tenantId, panelId }, version, contributionIds, reason);
    if (next) reissued.push(next);
  }
  await repos.backlog.unlinkContributions(contributionIds);
  return reissued;
}

/**
 * One version re-issued without some contributions' quotes. Returns null when the version does not cite
 * any of them. The new version gets a fresh consent round (with a new deadline) unless it was published.
 */
export async function reissueWithout(
  deps: CoreDeps,
  repos: Repositories,
  where: { tenantId: string; panelId: string },
  version: SummaryVersionRecord,
  contributionIds: string[],
  reason: Removal['reason'],
): Promise<SummaryVersionRecord | null> {
  const gone = new Set(contributionIds);
  const cited = citedContributionIds(version);
  if (!cited.some((id) => gone.has(id))) return null;
  const summary = await repos.summaries.findById(version.summaryId);
  if (!summary) return null;
  const now = deps.clock.now();
  // Each statement keeps its line (a statement left without quotes is dropped, and so is its backlog link).
  const statements = version.statements
    .map((s) => ({ originId: statementLine(s), theme: s.theme, text: s.text, citations: s.citations.filter((c) => !c.contributionId || !gone.has(c.contributionId)) }))
    .filter((s) => s.citations.length > 0)
    .map((s, position) => ({ ...s, position }));
  const removals: Removal[] = [
    ...version.removals,
    ...cited.filter((id) => gone.has(id)).map((id) => ({ contributionId: id, reason })),
  ];
  const live = (summary.roundId
    ? await repos.contributions.listByRound(summary.roundId, { liveOnly: true })
    : await repos.contributions.listByPanel(where.panelId, { liveOnly: true })
  ).filter((c) => !gone.has(c.id));
  const members = await repos.members.listByPanel(where.panelId);
  const domains = await repos.panels.listDomains(where.panelId);
  const authors = await resolveAuthors(repos, deps.secret, live, members);
  const published = version.status === 'published';
  const asked = published ? [] : [...new Set(statements.flatMap((s) => quotedCitations(s).map((c) => authors.get(c.contributionId ?? '') ?? '')).filter(Boolean))];
  const next = await storeVersion(
    repos,
    {
      summaryId: version.summaryId,
      tenantId: where.tenantId,
      language: version.language,
      generator: version.generator,
      promptVersion: version.promptVersion,
      model: version.model,
      tokensIn: 0,
      tokensOut: 0,
      statements: statements.map((s) => ({
        ...s,
        citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote, attributedName: c.attributedName, translation: c.translation })),
      })),
      removals,
      facts: computeFacts(live, authors, statements.map((s) => ({ ...s, citations: s.citations.map((c) => ({ ...c, contributionId: c.contributionId ?? '' })) })), domains),
      status: published ? 'published' : 'awaiting_consent',
    },
    asked,
    now,
    consentDeadline(deps, now),
    authors,
  );
  if (published) {
    for (const board of members.filter((m) => m.active && m.role === 'board')) {
      await repos.notifications.create({ tenantId: where.tenantId, memberId: board.id, kind: 'summary_changed', payload: { summaryId: version.summaryId, versionId: next.id } });
    }
  }
  await audit(repos, null, 'summary.reissued', 'summary', version.summaryId, { version: next.number, reason }, where.tenantId);
  return repos.summaries.findVersion(next.id);
}
