import { createHash } from 'node:crypto';
import { authorKey } from '../context.js';
import type { NewStatement, Repositories } from '../ports.js';
import type { VerifiedStatement } from '../quote-check.js';
import type { SynthesisSource } from '../synthesis.js';
import type {
  ContributionRecord,
  DomainRecord,
  Language,
  MemberRecord,
  Removal,
  SummaryFacts,
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

export function contentHash(language: Language, statements: Pick<NewStatement, 'theme' | 'text' | 'citations'>[]): string {
  const canonical = JSON.stringify({
    language,
    statements: statements.map((s) => ({
      theme: s.theme,
      text: s.text,
      citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote })),
    })),
  });
  return createHash('sha256').update(canonical).digest('hex');
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
 * Stores a new version of a summary, supersedes the one before it and, when it awaits consent, asks every
 * cited member. Returns the version and the members asked.
 */
export async function storeVersion(
  repos: Repositories,
  draft: VersionDraft,
  citedMembers: string[],
  now: Date,
  /** When the cited members' requests expire (`consentDeadline`); null waits for ever. */
  deadline: Date | null = null,
): Promise<SummaryVersionRecord> {
  const previous = await repos.summaries.latestVersion(draft.summaryId);
  if (previous && (previous.status === 'awaiting_consent' || previous.status === 'published')) {
    await repos.summaries.setVersionStatus(previous.id, 'superseded');
    for (const request of await repos.consent.listRequestsForVersion(previous.id)) {
      if (request.status === 'pending') await repos.consent.updateRequest(request.id, { status: 'expired', respondedAt: now });
    }
  }
  const version = await repos.summaries.createVersion({
    summaryId: draft.summaryId,
    number: (previous?.number ?? 0) + 1,
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
  if (draft.status === 'awaiting_consent') {
    for (const memberId of new Set(citedMembers)) {
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

export function citedContributionIds(version: Pick<SummaryVersionRecord, 'statements'>): string[] {
  return [...new Set(version.statements.flatMap((s) => s.citations.map((c) => c.contributionId).filter((id): id is string => !!id)))];
}
