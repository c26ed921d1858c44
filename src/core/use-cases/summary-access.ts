import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, SummaryRecord, SummaryVersionRecord } from '../types.js';
import { reviewerView } from './consent-view.js';
import { citedContributionIds, resolveAuthors } from './summary-versions.js';

/** Reading summaries: who may see which version, and the audit of every read that shows members' names. */

export interface SummaryOverview {
  summary: SummaryRecord;
  /**
   * The version the facilitator works on: the one awaiting consent when there is one (a revision of the
   * published version, which the board keeps reading meanwhile), else the newest. Null for board members.
   */
  latest: SummaryVersionRecord | null;
  /** What the board reads: the published version, if any. */
  published: SummaryVersionRecord | null;
  consent: { pending: number; approved: number; other: number };
}

/** Facilitators see every summary and its consent state; board members only published versions. */
export async function listSummaries(deps: CoreDeps, actor: Actor): Promise<SummaryOverview[]> {
  enforce(actor, 'summary.list');
  return deps.store.transaction((repos) => summariesIn(repos, actor));
}

/** `listSummaries` inside the caller's transaction (the facilitator's overview reads it with the rest). */
export async function summariesIn(repos: Repositories, actor: Actor): Promise<SummaryOverview[]> {
  enforce(actor, 'summary.list');
  const out: SummaryOverview[] = [];
  for (const summary of await repos.summaries.listByPanel(actor.panelId)) {
    const overview = await overviewOf(repos, actor, summary);
    if (overview) out.push(overview);
  }
  return out;
}

/** One summary as `listSummaries` shows it (not_found where that list would not show it). */
export async function summaryOverview(deps: CoreDeps, actor: Actor, summaryId: string): Promise<SummaryOverview> {
  enforce(actor, 'summary.list');
  return deps.store.transaction(async (repos) => {
    const summary = sameTenant(actor, await repos.summaries.findById(summaryId));
    const overview = await overviewOf(repos, actor, summary);
    if (!overview) throw new DomainError('not_found');
    return overview;
  });
}

async function overviewOf(repos: Repositories, actor: Actor, summary: SummaryRecord): Promise<SummaryOverview | null> {
  const versions = await repos.summaries.listVersions(summary.id);
  const newest = versions.reduce<SummaryVersionRecord | null>((a, v) => (!a || v.number > a.number ? v : a), null);
  const latest = versions.find((v) => v.status === 'awaiting_consent') ?? newest;
  const published = versions.find((v) => v.status === 'published') ?? null;
  if (actor.role === 'board') {
    await auditNamedAccess(repos, actor, published ? [published] : []);
    return published ? { summary, latest: null, published, consent: { pending: 0, approved: 0, other: 0 } } : null;
  }
  await auditNamedAccess(repos, actor, [latest, published].filter((v): v is SummaryVersionRecord => v !== null));
  const requests = latest ? await repos.consent.listRequestsForVersion(latest.id) : [];
  return {
    summary,
    latest,
    published,
    consent: {
      pending: requests.filter((r) => r.status === 'pending').length,
      approved: requests.filter((r) => r.status === 'approved' || r.status === 'approved_anonymous').length,
      other: requests.filter((r) => r.status === 'change_requested' || r.status === 'withdrawn').length,
    },
  };
}

/** One version: facilitators any, board members published ones, experts those they were asked about. */
export async function getSummaryVersion(deps: CoreDeps, actor: Actor, versionId: string): Promise<SummaryVersionRecord> {
  return deps.store.transaction(async (repos) => {
    const version = await repos.summaries.findVersion(versionId);
    if (!version) throw new DomainError('not_found');
    sameTenant(actor, await repos.summaries.findById(version.summaryId));
    if (actor.role === 'facilitator' || actor.role === 'admin' || (actor.role === 'board' && version.status === 'published')) {
      await auditNamedAccess(repos, actor, [version]);
      return version;
    }
    if (version.status === 'published') return version;
    const requests = await repos.consent.listRequestsForVersion(version.id);
    if (!requests.some((r) => r.memberId === actor.memberId)) throw new DomainError('not_found');
    const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
    const authors = await resolveAuthors(repos, deps.secret, cited, await repos.members.listByPanel(actor.panelId));
    return reviewerView(version, actor.memberId, authors, requests);
  });
}

/** Facilitator and board access to a version that names members is an audit event (ids only). */
async function auditNamedAccess(repos: Repositories, actor: Actor, versions: SummaryVersionRecord[]): Promise<void> {
  if (actor.role === 'expert') return;
  for (const version of new Set(versions)) {
    const named = version.statements.flatMap((s) => s.citations).filter((c) => c.attributedName !== null).length;
    if (named > 0) await audit(repos, actor, 'identifiable.viewed', 'summary_version', version.id, { named });
  }
}
