import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import { normaliseForMatch, verifyStatements } from '../quote-check.js';
import { isUnquoted, quotedCitations } from '../statement-support.js';
import type { DraftStatement } from '../synthesis.js';
import {
  LANGUAGES,
  LIMITS,
  type Actor,
  type SummaryRecord,
  type SummaryVersionRecord,
} from '../types.js';
import { oneOf, optionalText, requireText } from '../validation.js';
import { guardFields } from '../privacy/guard-fields.js';
import { consentDeadline } from '../privacy/policy.js';
import {
  citedContributionIds,
  computeFacts,
  publishVersion,
  resolveAuthors,
  statementLine,
  storeVersion,
  toSource,
  withMemberKeys,
} from './summary-versions.js';

export interface DraftSummaryResult {
  summary: SummaryRecord;
  version: SummaryVersionRecord;
}

/**
 * Drafts a summary of one idea round. Synthesis runs outside any transaction; the result is verified
 * quote by quote against the contributions as they are at storage time, then each cited member is asked.
 */
export async function draftSummary(
  deps: CoreDeps,
  actor: Actor,
  input: { roundId: unknown; title?: unknown; language?: unknown },
): Promise<DraftSummaryResult> {
  enforce(actor, 'summary.draft');
  const language = oneOf(input.language ?? actor.language, LANGUAGES, 'language');
  if (typeof input.roundId !== 'string') throw new DomainError('invalid_input', { field: 'roundId' });
  const roundId = input.roundId;
  const loaded = await deps.store.transaction(async (repos) => {
    const round = sameTenant(actor, await repos.rounds.findById(roundId));
    const contributions = await repos.contributions.listByRound(round.id, { liveOnly: true });
    const members = await repos.members.listByPanel(actor.panelId);
    const domains = await repos.panels.listDomains(actor.panelId);
    const authors = await resolveAuthors(repos, deps.secret, contributions, members);
    return { round, contributions, members, domains, authors };
  });
  const title = input.title ? requireText(input.title, 'title', LIMITS.shortText) : loaded.round.question.slice(0, LIMITS.shortText);
  if (loaded.contributions.length === 0) throw new DomainError('text_empty', { field: 'contributions' });
  const sources = withMemberKeys(loaded.contributions.map((c) => toSource(c, loaded.members, loaded.domains)), loaded.authors);
  const result = await deps.synthesizer.synthesize({
    language,
    question: loaded.round.question,
    sources,
    domains: loaded.domains.filter((d) => !d.archived).map((d) => ({ key: d.key, label: d.labels[language] })),
  });

  return deps.store.transaction(async (repos) => {
    const summary = await repos.summaries.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      roundId: loaded.round.id,
      meetingId: loaded.round.meetingId,
      title,
      createdById: actor.memberId,
    });
    for (const exchange of result.exchanges ?? []) {
      await repos.llmExchanges.record({ tenantId: actor.tenantId, summaryId: summary.id, ...exchange });
    }
    const meta = {
      summaryId: summary.id,
      tenantId: actor.tenantId,
      language,
      generator: result.generator,
      promptVersion: result.promptVersion,
      model: result.model,
      tokensIn: result.tokensIn,
      tokensOut: result.tokensOut,
    };
    if (!result.ok) {
      const failed = await storeVersion(
        repos,
        { ...meta, statements: [], removals: [], facts: computeFacts([], new Map(), [], loaded.domains), status: 'failed', failureReason: result.reason },
        [],
        deps.clock.now(),
      );
      await audit(repos, actor, 'summary.failed', 'summary', summary.id, { reason: result.reason, tokensIn: result.tokensIn, tokensOut: result.tokensOut, costMicros: result.costMicros ?? null });
      return { summary, version: failed };
    }
    const version = await verifyAndStore(deps, repos, actor, meta, result.statements, loaded.round.id);
    // Cost and map-reduce passes have no column: the audit trail records them per summary (numbers only).
    await audit(repos, actor, 'summary.drafted', 'summary', summary.id, {
      version: version.number,
      generator: result.generator,
      tokensIn: result.tokensIn,
      tokensOut: result.tokensOut,
      costMicros: result.costMicros ?? null,
      mapCalls: result.passes?.map ?? 0,
      reduceCalls: result.passes?.reduce ?? 0,
    });
    return { summary, version };
  });
}

type VersionMeta = Parameters<typeof storeVersion>[1] extends infer D
  ? Omit<D & object, 'statements' | 'removals' | 'facts' | 'status' | 'failureReason'>
  : never;

async function verifyAndStore(
  deps: CoreDeps,
  repos: Repositories,
  actor: Actor,
  meta: VersionMeta,
  drafts: DraftStatement[],
  roundId: string | null,
  opts: { emptySupport?: boolean } = {},
): Promise<SummaryVersionRecord> {
  const all = roundId ? await repos.contributions.listByRound(roundId) : await repos.contributions.listByPanel(actor.panelId);
  const contributions = all.filter((c) => c.status === 'live');
  const members = await repos.members.listByPanel(actor.panelId);
  const domains = await repos.panels.listDomains(actor.panelId);
  const sources = contributions.map((c) => toSource(c, members, domains));
  // Withdrawn ids let the facilitator read "withdrawn" rather than "unknown" for a quote of one.
  const withdrawn = new Set(all.filter((c) => c.status === 'withdrawn').map((c) => c.id));
  const outcome = verifyStatements(drafts, sources, withdrawn, opts);
  const authors = await resolveAuthors(repos, deps.secret, contributions, members);
  const statements = outcome.statements.map((s, position) => ({ position, ...s }));
  // Only quoted members are asked: unquoted support carries no words and no name to approve.
  const cited = [...new Set(statements.flatMap((s) => quotedCitations(s).map((c) => authors.get(c.contributionId)).filter((m): m is string => !!m)))];
  return storeVersion(
    repos,
    {
      ...meta,
      statements,
      removals: outcome.removals,
      facts: computeFacts(contributions, authors, outcome.statements, domains),
      status: 'awaiting_consent',
    },
    cited,
    deps.clock.now(),
    consentDeadline(deps, deps.clock.now()),
    authors,
  );
}

export interface EditedStatement {
  /**
   * The statement of the edited version that this one revises, if any: the revision keeps its place in the
   * board's action plan (backlog links move to it when it is published). A statement named twice keeps its
   * place only in the first revision.
   */
  statementId?: unknown;
  theme: unknown;
  text: unknown;
  /**
   * Quotes are verified again. A kept quote keeps the translation it had in the edited version (same
   * contribution, same words): translations come from the synthesis and are not typed in by a facilitator.
   */
  citations: { contributionId: unknown; quote: unknown }[];
}

/**
 * A facilitator's edit makes a new version awaiting consent; every earlier approval is void and every cited
 * member is asked again. Editing the published version leaves it with the board until the new version is
 * published (`publishSummary`).
 */
export async function editSummary(
  deps: CoreDeps,
  actor: Actor,
  versionId: string,
  edited: EditedStatement[],
): Promise<SummaryVersionRecord> {
  enforce(actor, 'summary.edit');
  if (!Array.isArray(edited)) throw new DomainError('invalid_input', { field: 'statements' });
  // An edit that blanks a theme or a statement, or leaves none, is refused: it would reset every approval
  // for a version nobody can approve.
  if (edited.length === 0) throw new DomainError('text_empty', { field: 'statements' });
  // A facilitator's own words go through the guard too (quotes are checked against guarded contributions).
  const drafts: DraftStatement[] = edited.map((s) => ({
    ...guardFields(
      { theme: requireText(s.theme, 'theme', LIMITS.shortText), text: requireText(s.text, 'text', LIMITS.longText) },
      { redact: false, language: actor.language },
    ),
    citations: (Array.isArray(s.citations) ? s.citations : []).map((c) => ({
      contributionId: String(c.contributionId),
      // Empty for unquoted support ("don't quote me"), which verification keeps only for such contributions.
      quote: optionalText(c.quote, 'quote', LIMITS.contributionField),
    })),
  }));
  return deps.store.transaction(async (repos) => {
    const version = await currentVersion(repos, actor, versionId);
    const summary = sameTenant(actor, await repos.summaries.findById(version.summaryId));
    const next = await verifyAndStore(
      deps,
      repos,
      actor,
      {
        summaryId: summary.id,
        tenantId: actor.tenantId,
        language: version.language,
        generator: version.generator,
        promptVersion: version.promptVersion,
        model: version.model,
        tokensIn: 0,
        tokensOut: 0,
      },
      carryOver(version, edited, drafts),
      summary.roundId,
      { emptySupport: true },
    );
    await audit(repos, actor, 'summary.edited', 'summary', summary.id, { version: next.number });
    return next;
  });
}

/** What an edit keeps from the version it revises: each statement's line and each kept quote's translation. */
function carryOver(version: SummaryVersionRecord, edited: EditedStatement[], drafts: DraftStatement[]): DraftStatement[] {
  const quoteKey = (contributionId: string | null, quote: string) => `${contributionId ?? ''}\u001f${normaliseForMatch(quote)}`;
  const translations = new Map<string, string>();
  for (const c of version.statements.flatMap((s) => s.citations)) {
    if (c.translation && !translations.has(quoteKey(c.contributionId, c.quote))) translations.set(quoteKey(c.contributionId, c.quote), c.translation);
  }
  const claimed = new Set<string>();
  return drafts.map((draft, i) => {
    const source = version.statements.find((s) => s.id === edited[i]?.statementId);
    const line = source ? statementLine(source) : null;
    const keepsLine = line !== null && !claimed.has(line);
    if (keepsLine) claimed.add(line);
    return {
      ...draft,
      ...(keepsLine ? { originId: line } : {}),
      citations: draft.citations.map((c) => {
        const translation = translations.get(quoteKey(c.contributionId, c.quote));
        return translation ? { ...c, translation } : c;
      }),
    };
  });
}

/**
 * The version a facilitator works on: the one awaiting consent, or the published one when no newer draft
 * of it exists. Anything else (superseded, failed, or a published version that a draft is revising) is
 * not current.
 */
async function currentVersion(
  repos: Repositories,
  actor: Actor,
  versionId: string,
): Promise<SummaryVersionRecord> {
  const version = await repos.summaries.findVersion(versionId);
  if (!version) throw new DomainError('not_found');
  sameTenant(actor, await repos.summaries.findById(version.summaryId));
  if (version.status === 'awaiting_consent') return version;
  if (version.status !== 'published') throw new DomainError('version_not_current');
  const versions = await repos.summaries.listVersions(version.summaryId);
  if (versions.some((v) => v.status === 'awaiting_consent')) throw new DomainError('version_not_current');
  return version;
}

/** Hands a version to the board: only when every cited member approved this exact version. */
export async function publishSummary(deps: CoreDeps, actor: Actor, versionId: string): Promise<SummaryVersionRecord> {
  enforce(actor, 'summary.publish');
  return deps.store.transaction(async (repos) => {
    const version = await currentVersion(repos, actor, versionId);
    if (version.status !== 'awaiting_consent') throw new DomainError('version_not_current');
    const requests = await repos.consent.listRequestsForVersion(version.id);
    const missing = requests.filter((r) => r.status !== 'approved' && r.status !== 'approved_anonymous');
    if (missing.length > 0) throw new DomainError('consent_missing', { count: missing.length });
    const anonymousMembers = new Set(requests.filter((r) => r.status === 'approved_anonymous').map((r) => r.memberId));
    if (anonymousMembers.size > 0) {
      const cited = await repos.contributions.findManyByIds(citedContributionIds(version));
      const members = await repos.members.listByPanel(actor.panelId);
      const authors = await resolveAuthors(repos, deps.secret, cited, members);
      const ids = cited.filter((c) => anonymousMembers.has(authors.get(c.id) ?? '')).map((c) => c.id);
      await repos.summaries.anonymiseCitations(version.id, ids);
    }
    // The published version this one revises stays with the board until now; backlog links follow.
    const published = await publishVersion(repos, version, deps.clock.now());
    // The board, everyone quoted, and the authors of unquoted support: they hear what became of it too.
    const unquotedIds = version.statements.flatMap((s) => s.citations.filter(isUnquoted).map((c) => c.contributionId)).filter((id): id is string => !!id);
    const panelMembers = await repos.members.listByPanel(actor.panelId);
    const unquotedAuthors = new Set((await resolveAuthors(repos, deps.secret, await repos.contributions.findManyByIds(unquotedIds), panelMembers)).values());
    const notify = panelMembers.filter(
      (m) => m.active && (m.role === 'board' || requests.some((r) => r.memberId === m.id) || unquotedAuthors.has(m.id)),
    );
    for (const member of notify) {
      await repos.notifications.create({
        tenantId: actor.tenantId,
        memberId: member.id,
        kind: 'summary_published',
        payload: { summaryId: version.summaryId, versionId: version.id },
      });
    }
    await audit(repos, actor, 'summary.published', 'summary', version.summaryId, { version: version.number });
    return published;
  });
}

export { getSummaryVersion, listSummaries, summaryOverview, type SummaryOverview } from './summary-access.js';
