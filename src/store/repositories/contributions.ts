import type { ContributionRepository } from '../../core/ports.js';
import { ATTRIBUTIONS, CHANNELS, LANGUAGES, type ContributionRecord } from '../../core/types.js';
import type { Prisma } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, inChunks, defined, oneOf, unique, type Tx } from './shared.js';

const CONTRIBUTION_STATUSES = ['live', 'withdrawn'] as const;

const withDomains = {
  domains: { select: { domainId: true }, orderBy: [{ domain: { position: 'asc' } }, { domainId: 'asc' }] },
} satisfies Prisma.ContributionInclude;

type ContributionRow = Prisma.ContributionGetPayload<{ include: typeof withDomains }>;

export function toContribution(row: ContributionRow): ContributionRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    roundId: row.roundId,
    authorId: row.authorId,
    whatHappens: row.whatHappens,
    whatIsNeeded: row.whatIsNeeded,
    idea: row.idea,
    language: oneOf(LANGUAGES, row.language, 'Contribution.language'),
    attribution: oneOf(ATTRIBUTIONS, row.attribution, 'Contribution.attribution'),
    status: oneOf(CONTRIBUTION_STATUSES, row.status, 'Contribution.status'),
    channel: oneOf(CHANNELS, row.channel, 'Contribution.channel'),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    withdrawnAt: row.withdrawnAt,
    domainIds: row.domains.map((d) => d.domainId),
  };
}

function liveFilter(opts?: { liveOnly?: boolean }): Prisma.ContributionWhereInput {
  return opts?.liveOnly ? { status: 'live' } : {};
}

export function makeContributionRepository(tx: Tx): ContributionRepository {
  /** Domains are loaded per slice of ids (see inChunks): a panel's history can pass SQLite's parameter limit. */
  async function list(where: Prisma.ContributionWhereInput): Promise<ContributionRecord[]> {
    const rows = await tx.contribution.findMany({ where, orderBy: OLDEST_FIRST });
    const domains = new Map<string, { domainId: string }[]>();
    for (const ids of inChunks(rows.map((r) => r.id))) {
      const links = await tx.contributionDomain.findMany({
        where: { contributionId: { in: ids } },
        orderBy: [{ domain: { position: 'asc' } }, { domainId: 'asc' }],
        select: { contributionId: true, domainId: true },
      });
      for (const link of links) domains.set(link.contributionId, [...(domains.get(link.contributionId) ?? []), { domainId: link.domainId }]);
    }
    return rows.map((row) => toContribution({ ...row, domains: domains.get(row.id) ?? [] }));
  }

  return {
    async create(input) {
      const { domainIds, at, id, ...fields } = input;
      const row = await tx.contribution.create({
        data: {
          ...fields,
          ...(id ? { id } : {}),
          ...(at ? { createdAt: at, updatedAt: at } : {}),
          domains: { create: unique(domainIds).map((domainId) => ({ domainId })) },
        },
        include: withDomains,
      });
      return toContribution(row);
    },
    async findById(id) {
      const row = await tx.contribution.findUnique({ where: { id }, include: withDomains });
      return row ? toContribution(row) : null;
    },
    async findManyByIds(ids) {
      if (ids.length === 0) return [];
      const found = new Map<string, ContributionRecord>();
      for (const slice of inChunks(ids)) for (const c of await list({ id: { in: slice } })) found.set(c.id, c);
      // In the order asked for; unknown ids are left out.
      return unique(ids).flatMap((id) => found.get(id) ?? []);
    },
    async update(id, patch) {
      const { domainIds, whatHappens, whatIsNeeded, idea, attribution, authorId, at } = patch;
      const row = await tx.contribution.update({
        where: { id },
        data: {
          ...defined({ whatHappens, whatIsNeeded, idea, attribution, authorId, updatedAt: at }),
          ...(domainIds
            ? { domains: { deleteMany: {}, create: unique(domainIds).map((domainId) => ({ domainId })) } }
            : {}),
        },
        include: withDomains,
      });
      return toContribution(row);
    },
    async withdraw(id, at) {
      const row = await tx.contribution.update({
        where: { id },
        // The caller's time for both: an anonymous contribution's withdrawal carries only the day.
        data: { status: 'withdrawn', withdrawnAt: at, updatedAt: at },
        include: withDomains,
      });
      return toContribution(row);
    },
    listByRound(roundId, opts) {
      return list({ roundId, ...liveFilter(opts) });
    },
    listByPanel(panelId, opts) {
      return list({ panelId, ...liveFilter(opts) });
    },
    listByAuthor(authorId) {
      return list({ authorId });
    },
    async setAuthorKey(contributionId, authorKey) {
      await tx.contributionAuthorKey.upsert({
        where: { contributionId },
        create: { contributionId, authorKey },
        update: { authorKey },
      });
    },
    async deleteAuthorKey(contributionId) {
      await tx.contributionAuthorKey.deleteMany({ where: { contributionId } });
    },
    async listAuthorKeys(contributionIds) {
      const out: { contributionId: string; authorKey: string }[] = [];
      for (const slice of inChunks(contributionIds)) {
        out.push(
          ...(await tx.contributionAuthorKey.findMany({
            where: { contributionId: { in: slice } },
            select: { contributionId: true, authorKey: true },
          })),
        );
      }
      return out.sort((a, b) => (a.contributionId < b.contributionId ? -1 : a.contributionId > b.contributionId ? 1 : 0));
    },
    async listIdentifiableBefore(cutoff) {
      const old = await list({ createdAt: { lt: cutoff } });
      const keyed = new Set(
        (
          await tx.contributionAuthorKey.findMany({
            where: { contributionId: { in: old.filter((c) => c.authorId === null).map((c) => c.id) } },
            select: { contributionId: true },
          })
        ).map((k) => k.contributionId),
      );
      return old.filter((c) => c.authorId !== null || keyed.has(c.id));
    },
    async deleteMany(ids) {
      if (ids.length === 0) return 0;
      await tx.contributionAuthorKey.deleteMany({ where: { contributionId: { in: unique(ids) } } });
      return (await tx.contribution.deleteMany({ where: { id: { in: unique(ids) } } })).count;
    },
    async listAnonymousIds(panelId) {
      const rows = await tx.contribution.findMany({
        where: { panelId, attribution: 'anonymous' },
        orderBy: OLDEST_FIRST,
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
  };
}
