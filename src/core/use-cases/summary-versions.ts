import { createHash } from 'node:crypto';
import { authorKey } from '../context.js';
import type { NewStatement, Repositories } from '../ports.js';
import type { VerifiedStatement } from '../quote-check.js';
import type { SynthesisSource } from '../synthesis.js';
import type {
  ConsentRequestRecord,
  ContributionRecord,
  DomainRecord,
  Language,
  MemberRecord,
  Removal,
  SummaryFacts,
  StatementRecord,
  SummaryVersionRecord,
  SummaryVersionStatus,
} from '../types.js';

/** Maps contribution id to the member who wrote it, including anonymous ones (through their author key). */
export async function resolveAuthors(
  repos: Repositories,
  secret: string,
  contributions: ContributionRecord[],
  members: MemberRecord[],
): Promise<Map<string, string>> {
  const authors = new Map<string, string>();
  const anonymous: string[] = [];
  for (const c of contributions) {
    if (c.authorId) authors.set(c.id, c.authorId);
    else anonymous.push(c.id);
  }
  if (anonymous.length > 0) {
    for (const { contributionId, authorKey: key } of await repos.contributions.listAuthorKeys(anonymous)) {
      const author = members.find((m) => authorKey(secret, contributionId, m.id) === key);
      if (author) authors.set(contributionId, author.id);
    }
  }
  return authors;
}

/**
 * Gives each source a pseudonym of its author ("m1", "m2", … in order of first appearance), so the
 * synthesis can count members rather than contributions. It is meaningless outside this one request, says
 * nothing about who wrote an anonymous contribution, and is not part of what a model is sent.
 */
export function withMemberKeys(sources: SynthesisSource[], authors: Map<string, string>): SynthesisSource[] {
  const keys = new Map<string, string>();
  return sources.map((source) => {
    const author = authors.get(source.contributionId);
    if (!author) return source;
    if (!keys.has(author)) keys.set(author, `m${keys.size + 1}`);
    return { ...source, memberKey: keys.get(author)! };
  });
}

export function toSource(c: ContributionRecord, members: MemberRecord[], domains: DomainRecord[]): SynthesisSource {
  const author = c.attribution === 'named' && c.authorId ? members.find((m) => m.id === c.authorId) : undefined;
  return {
    contributionId: c.id,
    whatHappens: c.whatHappens,
    whatIsNeeded: c.whatIsNeeded,
    idea: c.idea,
    language: c.language,
    attribution: c.attribution,
    authorLabel: author ? author.displayName : null,
    domainKeys: c.domainIds.map((id) => domains.find((d) => d.id === id)?.key ?? '').filter(Boolean),
  };
}

/**
 * What a cited member consents to: the exact text shown, translations included (a translation is shown
 * beside its quote, so changing it changes what was approved). A citation without a translation hashes as
 * before translations were stored, so the hashes of older versions (and the consent records holding them)
 * stay valid.
 */
export function contentHash(language: Language, statements: Pick<NewStatement, 'theme' | 'text' | 'citations'>[]): string {
  const canonical = JSON.stringify({
    language,
    statements: statements.map((s) => ({
      theme: s.theme,
      text: s.text,
      citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote, ...(c.translation ? { translation: c.translation } : {}) })),
    })),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * A statement's identity across versions: the id of the first statement of its line. A statement carried
 * into a new version (re-issued without some quotes, or revised by a facilitator) stores this as its
 * `originId`, so backlog links can follow it from the published version to the next one.
 */
export function statementLine(statement: Pick<StatementRecord, 'id' | 'originId'>): string {
  return statement.originId ?? statement.id;
}

/** Numbers are computed by code, never by a model. */
export function computeFacts(
  contributions: ContributionRecord[],
  authors: Map<string, string>,
  statements: VerifiedStatement[],
  domains: DomainRecord[],
): SummaryFacts {
  const contributors = new Set(contributions.map((c) => authors.get(c.id) ?? `contribution:${c.id}`));
  const themes = new Map<string, Set<string>>();
  for (const statement of statements) {
    const set = themes.get(statement.theme) ?? new Set<string>();
    for (const citation of statement.citations) set.add(authors.get(citation.contributionId) ?? citation.contributionId);
    themes.set(statement.theme, set);
  }
  const represented = new Set(contributions.flatMap((c) => c.domainIds));
  const active = domains.filter((d) => !d.archived);
  return {
    contributions: contributions.length,
    contributors: contributors.size,
    themes: [...themes].map(([theme, set]) => ({ theme, contributors: set.size })),
    domainsRepresented: active.filter((d) => represented.has(d.id)).map((d) => d.key),
    domainsMissing: active.filter((d) => !represented.has(d.id)).map((d) => d.key),
  };
}

export interface VersionDraft {
  summaryId: string;
  tenantId: string;
  language: Language;
  generator: 'offline' | 'llm';
  promptVersion: string | null;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  statements: NewStatement[];
  removals: Removal[];
  facts: SummaryFacts;
  status: SummaryVersionStatus;
  failureReason?: string | null;
}

/**
 * Stores a new version of a summary and, when it awaits consent, asks every cited member. A summary has at
 * most one version awaiting consent (the draft) and at most one published version (what the board reads):
 * - a new draft supersedes the draft before it (its open requests expire) but not the published version,
 *   which stays with the board until a draft is published (`publishVersion`);
 * - a new published version (a re-issue of the published one) replaces the published one at once.
 */
export async function storeVersion(
  repos: Repositories,
  draft: VersionDraft,
  citedMembers: string[],
  now: Date,
  /** When the cited members' requests expire (`consentDeadline`); null waits for ever. */
  deadline: Date | null = null,
  /** Author of each cited contribution (anonymous ones too): lets approvals of unchanged quotes carry over. */
  authorOf: ReadonlyMap<string, string> = new Map(),
): Promise<SummaryVersionRecord> {
  const versions = await repos.summaries.listVersions(draft.summaryId);
  const carried = await carriedApprovals(repos, versions, draft, authorOf);
  if (draft.status === 'awaiting_consent') {
    for (const previous of versions.filter((v) => v.status === 'awaiting_consent')) {
      await repos.summaries.setVersionStatus(previous.id, 'superseded');
      for (const request of await repos.consent.listRequestsForVersion(previous.id)) {
        if (request.status === 'pending') await repos.consent.updateRequest(request.id, { status: 'expired', respondedAt: now });
      }
    }
  }
  const version = await repos.summaries.createVersion({
    summaryId: draft.summaryId,
    number: versions.reduce((n, v) => Math.max(n, v.number), 0) + 1,
    contentHash: contentHash(draft.language, draft.statements),
    language: draft.language,
    generator: draft.generator,
    promptVersion: draft.promptVersion,
    model: draft.model,
    status: draft.status,
    failureReason: draft.failureReason ?? null,
    removals: draft.removals,
    facts: draft.facts,
    tokensIn: draft.tokensIn,
    tokensOut: draft.tokensOut,
    statements: draft.statements,
  });
  if (draft.status === 'published') {
    // A re-issued published version keeps the approvals it carries, so it shows the real count.
    for (const [memberId, previous] of carried) await carry(repos, draft.tenantId, version.id, memberId, previous);
    return publishVersion(repos, version, now);
  }
  if (draft.status === 'awaiting_consent') {
    for (const memberId of new Set(citedMembers)) {
      const previous = carried.get(memberId);
      if (previous) {
        await carry(repos, draft.tenantId, version.id, memberId, previous);
        continue;
      }
      const request = await repos.consent.createRequest({ tenantId: draft.tenantId, versionId: version.id, memberId, deadline });
      await repos.notifications.create({
        tenantId: draft.tenantId,
        memberId,
        kind: 'consent_requested',
        payload: { requestId: request.id, versionId: version.id, summaryId: draft.summaryId },
      });
    }
  }
  return version;
}

/**
 * Approvals that still hold for a new version: a member who approved the version it follows (the draft it
 * supersedes, else the published one), with or without their name, keeps that answer when their own quotes
 * (contribution, words, translation, name shown) and the statements around them are exactly the same. Another member's withdrawal or an
 * edit elsewhere must not send everyone back to the start.
 */
async function carriedApprovals(
  repos: Repositories,
  versions: SummaryVersionRecord[],
  draft: Pick<VersionDraft, 'statements' | 'status'>,
  authorOf: ReadonlyMap<string, string>,
): Promise<Map<string, ConsentRequestRecord>> {
  const carried = new Map<string, ConsentRequestRecord>();
  if (authorOf.size === 0 || (draft.status !== 'awaiting_consent' && draft.status !== 'published')) return carried;
  // A draft follows the draft it supersedes, else the published version; a re-issued published version follows the published one.
  const rank = (v: SummaryVersionRecord) => (v.status === draft.status ? 0 : 1);
  const previous = versions
    .filter((v) => v.status === 'awaiting_consent' || v.status === 'published')
    .sort((a, b) => rank(a) - rank(b) || b.number - a.number)[0];
  if (!previous) return carried;
  // A quote is read in its statement: the statement's theme and text are part of what was approved.
  type Quoted = { theme: string; text: string; citations: { contributionId: string | null; quote: string; translation?: string | null; attributedName: string | null }[] };
  const own = (statements: Quoted[], memberId: string) =>
    statements
      .flatMap((s) =>
        s.citations
          .filter((c) => c.contributionId !== null && authorOf.get(c.contributionId) === memberId)
          .map((c) => [s.theme, s.text, c.contributionId, c.quote, c.translation ?? '', c.attributedName ?? ''].join('\u001f')),
      )
      .sort()
      .join('\u001e');
  const before = previous.statements;
  const after = draft.statements;
  for (const request of await repos.consent.listRequestsForVersion(previous.id)) {
    if (request.status !== 'approved' && request.status !== 'approved_anonymous') continue;
    const mine = own(after, request.memberId);
    if (mine !== '' && mine === own(before, request.memberId)) carried.set(request.memberId, request);
  }
  return carried;
}

/** The carried answer on the new version: no new notice, the original answer time kept. */
async function carry(repos: Repositories, tenantId: string, versionId: string, memberId: string, previous: ConsentRequestRecord): Promise<void> {
  const request = await repos.consent.createRequest({ tenantId, versionId, memberId, deadline: null });
  await repos.consent.updateRequest(request.id, { status: previous.status, respondedAt: previous.respondedAt ?? request.createdAt });
}

/**
 * Makes a version the one the board reads: the published version before it is superseded, and backlog
 * links move from the statements of earlier versions to the statement of this version on the same line
 * (`statementLine`); a link to a statement that has no successor here loses it. Returns the version as stored.
 */
export async function publishVersion(repos: Repositories, version: SummaryVersionRecord, now: Date): Promise<SummaryVersionRecord> {
  const successor = new Map(version.statements.map((s) => [statementLine(s), s.id]));
  const moves: { from: string; to: string | null }[] = [];
  for (const earlier of await repos.summaries.listVersions(version.summaryId)) {
    if (earlier.id === version.id) continue;
    if (earlier.status === 'published') await repos.summaries.setVersionStatus(earlier.id, 'superseded');
    // Links only ever point at published statements; earlier versions are all searched so that a link
    // left on a version superseded before statements had lines is cleaned up too.
    for (const statement of earlier.statements) moves.push({ from: statement.id, to: successor.get(statementLine(statement)) ?? null });
  }
  await repos.backlog.moveStatementLinks(moves);
  await repos.summaries.setVersionStatus(version.id, 'published', now);
  return (await repos.summaries.findVersion(version.id))!;
}

export function citedContributionIds(version: Pick<SummaryVersionRecord, 'statements'>): string[] {
  return [...new Set(version.statements.flatMap((s) => s.citations.map((c) => c.contributionId).filter((id): id is string => !!id)))];
}
