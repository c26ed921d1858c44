import { audit, type CoreDeps } from '../context.js';
import { retentionCutoff } from '../privacy/policy.js';

export interface RetentionReport {
  cutoff: Date;
  contributions: number;
  ballots: number;
  participations: number;
  modelExchanges: number;
}

/**
 * The retention job (config `retentionDays`): contributions older than the period lose every link to
 * their author (author id, anonymous author key, the name on their quotes); named ballots of polls closed
 * before the period lose the voter, participation marks go, and cached model exchanges are deleted. The
 * texts stay, anonymous: they are the panel's input to the action plan. Running it twice changes nothing.
 */
export async function applyRetention(deps: CoreDeps, now: Date = deps.clock.now()): Promise<RetentionReport> {
  const cutoff = retentionCutoff(deps, now);
  return deps.store.transaction(async (repos) => {
    const old = await repos.contributions.listIdentifiableBefore(cutoff);
    for (const contribution of old) {
      await repos.contributions.update(contribution.id, {
        authorId: null,
        attribution: contribution.attribution === 'named' ? 'anonymous' : contribution.attribution,
      });
      await repos.contributions.deleteAuthorKey(contribution.id);
    }
    await repos.summaries.dropNames(old.map((c) => c.id));
    const polls = await repos.polls.anonymiseClosedBefore(cutoff);
    const modelExchanges = await repos.llmExchanges.deleteBefore(cutoff);
    const report = { cutoff, contributions: old.length, ballots: polls.ballots, participations: polls.participations, modelExchanges };
    const tenants = new Set(old.map((c) => c.tenantId));
    for (const tenantId of tenants) {
      await audit(repos, null, 'retention.anonymised', 'contributions', tenantId, { count: old.filter((c) => c.tenantId === tenantId).length }, tenantId);
    }
    return report;
  });
}
