import { audit, keyed, type CoreDeps } from '../context.js';
import { anonymousTime } from '../privacy/policy.js';
import type { Repositories } from '../ports.js';
import type { Actor, ContributionRecord, Removal, SummaryVersionRecord } from '../types.js';
import { ownContributionsIn } from './rounds.js';
import { removeContributions } from './summary-reissue.js';

/**
 * Withdraws contributions the actor wrote, in the caller's transaction: each is marked withdrawn and gets
 * an append-only consent record, summaries that quoted them are re-issued at once, backlog links lose them,
 * and model exchanges that carried their text are deleted.
 *
 * For an anonymous contribution the record must not name it: a pseudonym next to its id would join it to
 * the member. The record holds an HMAC of the id under the server secret instead (the server can still
 * prove what was withdrawn; a database reader cannot), and every time stored is the day only.
 */
export async function withdrawOwnContributions(
  deps: CoreDeps,
  repos: Repositories,
  actor: Actor,
  contributions: ContributionRecord[],
  reason: Removal['reason'],
): Promise<SummaryVersionRecord[]> {
  if (contributions.length === 0) return [];
  const member = await repos.members.findById(actor.memberId);
  if (!member) return [];
  const now = deps.clock.now();
  for (const contribution of contributions) {
    const anonymous = contribution.authorId === null;
    await repos.contributions.withdraw(contribution.id, anonymous ? anonymousTime(now) : now);
    await repos.consent.appendRecord({
      tenantId: actor.tenantId,
      pseudonym: member.pseudonym,
      purpose: 'participation',
      objectType: anonymous ? 'anonymous_contribution' : 'contribution',
      objectId: anonymous ? keyed(deps.secret, 'withdrawal-proof', contribution.id) : contribution.id,
      objectHash: null,
      textVersion: null,
      language: actor.language,
      decision: 'withdrawn',
      channel: actor.channel,
    });
    await audit(repos, anonymous ? null : actor, 'contribution.withdrawn', 'contribution', anonymous ? 'anonymous' : contribution.id, {}, actor.tenantId);
  }
  const ids = contributions.map((c) => c.id);
  await repos.llmExchanges.deleteCarrying(ids);
  return removeContributions(deps, repos, actor.tenantId, actor.panelId, ids, reason);
}

/** "Withdraw everything": all of the actor's live contributions, named and anonymous, in one step. */
export async function withdrawAllMyInput(deps: CoreDeps, actor: Actor): Promise<{ withdrawn: number; reissued: SummaryVersionRecord[] }> {
  return deps.store.transaction(async (repos) => {
    const live = (await ownContributionsIn(deps, repos, actor)).filter((c) => c.status === 'live');
    const reissued = await withdrawOwnContributions(deps, repos, actor, live, 'contribution_withdrawn');
    return { withdrawn: live.length, reissued };
  });
}
