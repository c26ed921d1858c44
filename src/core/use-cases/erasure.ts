import { audit, voterKey, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import { foldForSearch } from '../quote-check.js';
import { PRIVACY_NOTICE_VERSION } from '../privacy/notice.js';
import type { OutboundMessageRecord, Repositories } from '../ports.js';
import type { Actor, ContributionRecord, MemberRecord } from '../types.js';
import { ownContributionsIn } from './rounds.js';
import { removeContributions } from './summary-reissue.js';

export interface ErasureResult {
  /** The only thing left of the member: the pseudonym on their consent proofs. */
  pseudonym: string;
  contributions: number;
  ballots: number;
  reissuedSummaries: number;
  /**
   * Messages the bot posted to the member. Their records are gone from the database; a chat channel
   * deletes the messages on its platform where the platform allows it (the web channel posts none).
   */
  outboundMessages: OutboundMessageRecord[];
}

/**
 * Right to erasure (GDPR art. 17), by the member themselves or by an admin of their zone. Removes their
 * contributions (summaries re-issued without them at once, old versions scrubbed), their named ballots and
 * their anonymous ballots in open polls, their quotes, cached model input and output that carried their
 * words, their notifications, support requests, consent requests and the records of messages the bot sent
 * them, then the member row itself. What stays is the consent proof under their pseudonym.
 */
export async function eraseMember(deps: CoreDeps, actor: Actor, memberId: string): Promise<ErasureResult> {
  enforce(actor, 'member.erase', { id: memberId });
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member || member.tenantId !== actor.tenantId) throw new DomainError('not_found');
    return erase(deps, repos, member, actor.memberId === memberId ? { self: actor } : { admin: actor });
  });
}

/** The same, for an operator at the server (the `erase-member` command): audited as "operator". */
export async function eraseMemberByOperator(deps: CoreDeps, memberId: string): Promise<ErasureResult> {
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member) throw new DomainError('not_found');
    return erase(deps, repos, member, { operator: true });
  });
}

type Requester = { self: Actor } | { admin: Actor } | { operator: true };

async function erase(deps: CoreDeps, repos: Repositories, member: MemberRecord, by: Requester): Promise<ErasureResult> {
  const contributions = await ownContributionsIn(deps, repos, { memberId: member.id, panelId: member.panelId });
  const ids = contributions.map((c) => c.id);
  const outboundMessages = await repos.outbound.listByMember(member.id);
  const reissued = await removeContributions(deps, repos, member.tenantId, member.panelId, ids, 'erased');
  await blankStatementsCarrying(repos, contributions);
  await repos.summaries.forgetContributions(ids);
  await repos.llmExchanges.deleteCarrying(ids);
  await repos.contributions.deleteMany(ids);
  let ballots = await repos.polls.deleteBallotsOfMember(member.id);
  for (const poll of await repos.polls.listByPanel(member.panelId, 'open')) {
    if (poll.anonymity !== 'anonymous') continue;
    const ballot = await repos.polls.findBallot(poll.id, { voterKey: voterKey(deps.secret, poll.id, member.id) });
    if (ballot) {
      await repos.polls.deleteBallot(ballot.id);
      ballots += 1;
    }
  }
  await repos.polls.deleteParticipationsOfMember(member.id);
  await repos.consent.deleteRequestsOfMember(member.id);
  await repos.notifications.deleteForMember(member.id);
  await repos.support.deleteByMember(member.id);
  await repos.outbound.deleteByMember(member.id);
  await repos.consent.appendRecord({
    tenantId: member.tenantId,
    pseudonym: member.pseudonym,
    purpose: 'participation',
    objectType: 'member_erasure',
    objectId: member.pseudonym,
    objectHash: null,
    textVersion: PRIVACY_NOTICE_VERSION,
    language: member.language,
    decision: 'withdrawn',
    channel: 'self' in by ? by.self.channel : 'admin' in by ? by.admin.channel : 'web',
  });
  await repos.erasure.replaceAndDeleteMember(member.id, member.pseudonym, ids);
  const auditor = 'admin' in by ? by.admin : null;
  await audit(repos, auditor, 'member.erased', 'member', member.pseudonym, { by: 'self' in by ? 'self' : 'admin' in by ? 'admin' : 'operator', contributions: ids.length }, member.tenantId);
  return { pseudonym: member.pseudonym, contributions: ids.length, ballots, reissuedSummaries: reissued.length, outboundMessages };
}

/**
 * Statement text is written by the synthesis (or a facilitator) and may repeat the member's words. In
 * every version of the summaries that quoted them, a statement that quoted only them, or whose text holds
 * one of their sentences, loses its text.
 */
async function blankStatementsCarrying(repos: Repositories, contributions: ContributionRecord[]): Promise<void> {
  if (contributions.length === 0) return;
  const ids = new Set(contributions.map((c) => c.id));
  const sentences = contributions
    .flatMap((c) => [c.whatHappens, c.whatIsNeeded, c.idea])
    .flatMap((text) => text.split(/(?<=[.!?…])\s+|\n+/u))
    .map(foldForSearch)
    .filter((s) => s.length >= 12);
  const summaryIds = new Set<string>();
  for (const versionId of await repos.summaries.listVersionIdsCiting([...ids])) {
    const version = await repos.summaries.findVersion(versionId);
    if (version) summaryIds.add(version.summaryId);
  }
  const blank: string[] = [];
  for (const summaryId of summaryIds) {
    for (const version of await repos.summaries.listVersions(summaryId)) {
      for (const statement of version.statements) {
        const onlyTheirs = statement.citations.length > 0 && statement.citations.every((c) => c.contributionId !== null && ids.has(c.contributionId));
        const text = foldForSearch(statement.text);
        if (onlyTheirs || sentences.some((s) => text.includes(s))) blank.push(statement.id);
      }
    }
  }
  await repos.summaries.blankStatements(blank);
  // A translation of a blanked statement would keep the member's words in another language.
  await repos.translations.removeAllFor('statement', blank);
}
