import type { NewStatement, SummaryRepository } from '../../core/ports.js';
import {
  LANGUAGES,
  type Removal,
  type SummaryFacts,
  type SummaryRecord,
  type SummaryVersionRecord,
  type SummaryVersionStatus,
} from '../../core/types.js';
import type { Prisma, Summary } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, isRecord, oneOf, parseJson, unique, type Tx } from './shared.js';

const VERSION_STATUSES = [
  'awaiting_consent',
  'published',
  'superseded',
  'failed',
] as const satisfies readonly SummaryVersionStatus[];
const GENERATORS = ['offline', 'llm'] as const;

const withStatements = {
  statements: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { citations: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } },
} satisfies Prisma.SummaryVersionInclude;

type VersionRow = Prisma.SummaryVersionGetPayload<{ include: typeof withStatements }>;

function isRemovals(value: unknown): value is Removal[] {
  return Array.isArray(value) && value.every((r) => isRecord(r) && typeof r.reason === 'string');
}

function isFacts(value: unknown): value is SummaryFacts {
  return isRecord(value) && typeof value.contributions === 'number' && Array.isArray(value.themes);
}

export function toSummary(row: Summary): SummaryRecord {
  const { id, tenantId, panelId, roundId, meetingId, title, createdById, createdAt } = row;
  return { id, tenantId, panelId, roundId, meetingId, title, createdById, createdAt };
}

export function toVersion(row: VersionRow): SummaryVersionRecord {
  return {
    id: row.id,
    summaryId: row.summaryId,
    number: row.number,
    contentHash: row.contentHash,
    language: oneOf(LANGUAGES, row.language, 'SummaryVersion.language'),
    generator: oneOf(GENERATORS, row.generator, 'SummaryVersion.generator'),
    promptVersion: row.promptVersion,
    model: row.model,
    status: oneOf(VERSION_STATUSES, row.status, 'SummaryVersion.status'),
    failureReason: row.failureReason,
    removals: parseJson(row.removals, 'SummaryVersion.removals', isRemovals),
    facts: parseJson(row.facts, 'SummaryVersion.facts', isFacts),
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    statements: row.statements.map((s) => ({
      id: s.id,
      originId: s.originId,
      position: s.position,
      theme: s.theme,
      text: s.text,
      citations: s.citations.map((c) => ({
        id: c.id,
        contributionId: c.contributionId,
        quote: c.quote,
        attributedName: c.attributedName,
        translation: c.translation,
      })),
    })),
  };
}

function statementData(statement: NewStatement) {
  return {
    position: statement.position,
    originId: statement.originId ?? null,
    theme: statement.theme,
    text: statement.text,
    citations: {
      create: statement.citations.map((c, index) => ({
        position: index,
        contributionId: c.contributionId,
        quote: c.quote,
        attributedName: c.attributedName,
        translation: c.translation ?? null,
      })),
    },
  };
}

export function makeSummaryRepository(tx: Tx): SummaryRepository {
  return {
    async create(input) {
      const { tenantId, panelId, roundId, meetingId, title, createdById } = input;
      const row = await tx.summary.create({ data: { tenantId, panelId, roundId, meetingId, title, createdById } });
      return toSummary(row);
    },
    async findById(id) {
      const row = await tx.summary.findUnique({ where: { id } });
      return row ? toSummary(row) : null;
    },
    async listByPanel(panelId) {
      const rows = await tx.summary.findMany({ where: { panelId }, orderBy: OLDEST_FIRST });
      return rows.map(toSummary);
    },
    async createVersion(input) {
      const { statements, removals, facts, ...fields } = input;
      const row = await tx.summaryVersion.create({
        data: {
          ...fields,
          removals: JSON.stringify(removals),
          facts: JSON.stringify(facts),
          statements: { create: statements.map(statementData) },
        },
        include: withStatements,
      });
      return toVersion(row);
    },
    async findVersion(id) {
      const row = await tx.summaryVersion.findUnique({ where: { id }, include: withStatements });
      return row ? toVersion(row) : null;
    },
    async listVersions(summaryId) {
      const rows = await tx.summaryVersion.findMany({
        where: { summaryId },
        orderBy: { number: 'asc' },
        include: withStatements,
      });
      return rows.map(toVersion);
    },
    async latestVersion(summaryId) {
      const row = await tx.summaryVersion.findFirst({
        where: { summaryId },
        orderBy: { number: 'desc' },
        include: withStatements,
      });
      return row ? toVersion(row) : null;
    },
    async setVersionStatus(id, status, at) {
      const publishedAt = status === 'published' && at ? { publishedAt: at } : {};
      await tx.summaryVersion.update({ where: { id }, data: { status, ...publishedAt } });
    },
    async anonymiseCitations(versionId, contributionIds) {
      if (contributionIds.length === 0) return;
      await tx.summaryCitation.updateMany({
        where: { contributionId: { in: unique(contributionIds) }, statement: { versionId } },
        data: { attributedName: null },
      });
    },
    async listVersionIdsCiting(contributionIds) {
      if (contributionIds.length === 0) return [];
      const rows = await tx.summaryStatement.findMany({
        where: { citations: { some: { contributionId: { in: unique(contributionIds) } } } },
        select: { versionId: true },
        orderBy: { versionId: 'asc' },
      });
      return unique(rows.map((r) => r.versionId));
    },
    async forgetContributions(contributionIds) {
      if (contributionIds.length === 0) return;
      const ids = unique(contributionIds);
      const versionIds = unique(
        (
          await tx.summaryStatement.findMany({ where: { citations: { some: { contributionId: { in: ids } } } }, select: { versionId: true } })
        ).map((r) => r.versionId),
      );
      await tx.summaryCitation.updateMany({ where: { contributionId: { in: ids } }, data: { quote: '', translation: null, attributedName: null, contributionId: null } });
      // Removal entries are JSON: rewrite the versions whose list names one of the ids.
      const gone = new Set(ids);
      const versions = await tx.summaryVersion.findMany({
        where: { OR: [{ id: { in: versionIds } }, ...ids.map((id) => ({ removals: { contains: JSON.stringify(id) } }))] },
        select: { id: true, removals: true },
      });
      for (const version of versions) {
        const removals = parseJson(version.removals, 'SummaryVersion.removals', isRemovals);
        if (!removals.some((r) => r.contributionId && gone.has(r.contributionId))) continue;
        const scrubbed = removals.map((r) => (r.contributionId && gone.has(r.contributionId) ? { ...r, contributionId: null } : r));
        await tx.summaryVersion.update({ where: { id: version.id }, data: { removals: JSON.stringify(scrubbed) } });
      }
    },
    async blankStatements(statementIds) {
      if (statementIds.length === 0) return;
      await tx.summaryStatement.updateMany({ where: { id: { in: unique(statementIds) } }, data: { text: '' } });
    },
    async dropNames(contributionIds) {
      if (contributionIds.length === 0) return 0;
      const { count } = await tx.summaryCitation.updateMany({
        where: { contributionId: { in: unique(contributionIds) }, attributedName: { not: null } },
        data: { attributedName: null },
      });
      return count;
    },
    async eraseCitations(contributionIds) {
      if (contributionIds.length === 0) return 0;
      const { count } = await tx.summaryCitation.updateMany({
        where: { contributionId: { in: unique(contributionIds) } },
        data: { quote: '', translation: null },
      });
      return count;
    },
  };
}
