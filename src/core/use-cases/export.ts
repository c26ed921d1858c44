import { audit, voterKey, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, BallotChoice, ConsentRecordRow, MemberRecord } from '../types.js';
import { participationFrom, type ParticipationStatus } from './participation-state.js';
import { ownContributionsIn } from './rounds.js';

/**
 * Everything the panel keeps about one member, as plain JSON (right to data portability, GDPR art. 20).
 * Their anonymous contributions and ballots are included: only their own request (or an admin acting for
 * them, audited) can find those. Texts written by others are left out, including model exchanges, which
 * are listed without their content.
 */
export interface MemberExport {
  format: 'stemmen-member-export';
  formatVersion: 1;
  exportedAt: string;
  member: { id: string; displayName: string; role: string; language: string; pseudonym: string; domains: string[] };
  identities: { channel: string; externalId: string }[];
  participation: ParticipationStatus;
  contributions: {
    id: string; roundId: string | null; question: string | null; attribution: string; status: string; language: string;
    whatHappens: string; whatIsNeeded: string; idea: string; domains: string[]; createdAt: string; withdrawnAt: string | null;
  }[];
  ballots: { pollId: string; question: string; anonymity: string; choice: BallotChoice; reason: string | null; reasonAttribution: string | null; updatedAt: string }[];
  pollParticipation: { pollId: string; at: string }[];
  consentRequests: { versionId: string; status: string; comment: string | null; deadline: string | null; createdAt: string; respondedAt: string | null }[];
  consentRecords: (ConsentRecordRow & { withdrawnAt: string | null })[];
  quotes: { summaryId: string; versionNumber: number; versionStatus: string; quote: string; translation: string | null; attributedName: string | null }[];
  actionPlanLinks: { itemId: string; title: string; quote: string | null; translation: string | null }[];
  notifications: { kind: string; createdAt: string; readAt: string | null }[];
  supportRequests: { channel: string; createdAt: string; handledAt: string | null }[];
  modelExchanges: { summaryId: string | null; model: string; createdAt: string }[];
  botMessages: { channel: string; conversationId: string; messageId: string; createdAt: string }[];
  ownActions: { action: string; objectType: string; objectId: string; at: string }[];
}

export async function exportMyData(deps: CoreDeps, actor: Actor): Promise<MemberExport> {
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(actor.memberId);
    if (!member) throw new DomainError('not_found');
    return collect(deps, repos, member);
  });
}

/** An admin exporting for a member (a request made by letter, say): an audited access to identifiable data. */
export async function exportMember(deps: CoreDeps, actor: Actor, memberId: string): Promise<MemberExport> {
  enforce(actor, 'member.export');
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member || member.tenantId !== actor.tenantId) throw new DomainError('not_found');
    await audit(repos, actor, 'identifiable.exported', 'member', member.id);
    return collect(deps, repos, member);
  });
}

/** The same, for an operator at the server (the `export-member` command). */
export async function exportMemberByOperator(deps: CoreDeps, memberId: string): Promise<MemberExport> {
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(memberId);
    if (!member) throw new DomainError('not_found');
    await audit(repos, null, 'identifiable.exported', 'member', member.id, { by: 'operator' }, member.tenantId);
    return collect(deps, repos, member);
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function collect(deps: CoreDeps, repos: Repositories, member: MemberRecord): Promise<MemberExport> {
  const domains = await repos.panels.listDomains(member.panelId);
  const domainKey = (id: string) => domains.find((d) => d.id === id)?.key ?? id;
  const contributions = await ownContributionsIn(deps, repos, { memberId: member.id, panelId: member.panelId });
  const ids = contributions.map((c) => c.id);
  const rounds = new Map((await repos.rounds.listByPanel(member.panelId)).map((r) => [r.id, r.question]));
  const polls = await repos.polls.listByPanel(member.panelId);
  const ballots = await repos.polls.listBallotsOfMember(member.id);
  for (const poll of polls.filter((p) => p.anonymity === 'anonymous' && p.status === 'open')) {
    const ballot = await repos.polls.findBallot(poll.id, { voterKey: voterKey(deps.secret, poll.id, member.id) });
    if (ballot) ballots.push(ballot);
  }
  const records = await repos.consent.listRecords(member.tenantId, member.pseudonym);
  const quotes: MemberExport['quotes'] = [];
  for (const versionId of await repos.summaries.listVersionIdsCiting(ids)) {
    const version = await repos.summaries.findVersion(versionId);
    for (const citation of version?.statements.flatMap((s) => s.citations) ?? []) {
      if (version && citation.contributionId && ids.includes(citation.contributionId)) {
        quotes.push({ summaryId: version.summaryId, versionNumber: version.number, versionStatus: version.status, quote: citation.quote, translation: citation.translation, attributedName: citation.attributedName });
      }
    }
  }
  const links: MemberExport['actionPlanLinks'] = [];
  for (const link of await repos.backlog.listLinksForContributions(ids)) {
    links.push({ itemId: link.itemId, title: (await repos.backlog.findById(link.itemId))?.title ?? '', quote: link.quote, translation: link.translation });
  }
  return {
    format: 'stemmen-member-export',
    formatVersion: 1,
    exportedAt: deps.clock.now().toISOString(),
    member: { id: member.id, displayName: member.displayName, role: member.role, language: member.language, pseudonym: member.pseudonym, domains: member.domainIds.map(domainKey) },
    identities: (await repos.members.listIdentities(member.id)).map((i) => ({ channel: i.channel, externalId: i.externalId })),
    participation: participationFrom(records),
    contributions: contributions.map((c) => ({
      id: c.id, roundId: c.roundId, question: c.roundId ? (rounds.get(c.roundId) ?? null) : null, attribution: c.attribution, status: c.status,
      language: c.language, whatHappens: c.whatHappens, whatIsNeeded: c.whatIsNeeded, idea: c.idea, domains: c.domainIds.map(domainKey),
      createdAt: c.createdAt.toISOString(), withdrawnAt: iso(c.withdrawnAt),
    })),
    ballots: ballots.map((b) => {
      const poll = polls.find((p) => p.id === b.pollId);
      return { pollId: b.pollId, question: poll?.question ?? '', anonymity: poll?.anonymity ?? '', choice: b.choice, reason: b.reason, reasonAttribution: b.reasonAttribution, updatedAt: b.updatedAt.toISOString() };
    }),
    pollParticipation: (await repos.polls.listParticipationsOfMember(member.id)).map((p) => ({ pollId: p.pollId, at: p.createdAt.toISOString() })),
    consentRequests: (await repos.consent.listRequestsForMember(member.id)).map((r) => ({
      versionId: r.versionId, status: r.status, comment: r.comment, deadline: iso(r.deadline), createdAt: r.createdAt.toISOString(), respondedAt: iso(r.respondedAt),
    })),
    consentRecords: records.map((r) => ({ ...r, withdrawnAt: iso(records.find((w) => w.withdrawsId === r.id)?.createdAt ?? null) })),
    quotes,
    actionPlanLinks: links,
    notifications: (await repos.notifications.listForMember(member.id)).map((n) => ({ kind: n.kind, createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) })),
    supportRequests: (await repos.support.listByMember(member.id)).map((s) => ({ channel: s.channel, createdAt: s.createdAt.toISOString(), handledAt: iso(s.handledAt) })),
    modelExchanges: (await repos.llmExchanges.listCarrying(ids)).map((e) => ({ summaryId: e.summaryId, model: e.model, createdAt: e.createdAt.toISOString() })),
    botMessages: (await repos.outbound.listByMember(member.id)).map((m) => ({ channel: m.channel, conversationId: m.conversationId, messageId: m.messageId, createdAt: m.createdAt.toISOString() })),
    ownActions: (await repos.audit.list(member.tenantId, { actorId: member.id })).map((e) => ({ action: e.action, objectType: e.objectType, objectId: e.objectId, at: e.createdAt.toISOString() })),
  };
}
