import type { MemberRepository } from '../../core/ports.js';
import { CHANNELS, LANGUAGES, ROLES, type IdentityRecord, type MemberRecord } from '../../core/types.js';
import type { ChannelIdentity, Prisma } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, defined, inChunks, oneOf, unique, type Tx } from './shared.js';

const withDomains = {
  domains: { select: { domainId: true }, orderBy: [{ domain: { position: 'asc' } }, { domainId: 'asc' }] },
} satisfies Prisma.MemberInclude;

type MemberRow = Prisma.MemberGetPayload<{ include: typeof withDomains }>;

export function toMember(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    displayName: row.displayName,
    role: oneOf(ROLES, row.role, 'Member.role'),
    language: oneOf(LANGUAGES, row.language, 'Member.language'),
    pseudonym: row.pseudonym,
    active: row.active,
    erasedAt: row.erasedAt,
    domainIds: row.domains.map((d) => d.domainId),
  };
}

export function toIdentity(row: ChannelIdentity): IdentityRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    memberId: row.memberId,
    channel: oneOf(CHANNELS, row.channel, 'ChannelIdentity.channel'),
    externalId: row.externalId,
    address: row.address,
  };
}

export function makeMemberRepository(tx: Tx): MemberRepository {
  return {
    async create(input) {
      const row = await tx.member.create({
        data: {
          tenantId: input.tenantId,
          panelId: input.panelId,
          displayName: input.displayName,
          role: input.role,
          language: input.language,
          pseudonym: input.pseudonym,
          domains: { create: unique(input.domainIds).map((domainId) => ({ domainId })) },
        },
        include: withDomains,
      });
      return toMember(row);
    },
    async pseudonymsOf(ids) {
      const out = new Map<string, string>();
      for (const chunk of inChunks(ids)) {
        for (const row of await tx.member.findMany({ where: { id: { in: chunk } }, select: { id: true, pseudonym: true } })) out.set(row.id, row.pseudonym);
      }
      return out;
    },
    async findById(id) {
      const row = await tx.member.findUnique({ where: { id }, include: withDomains });
      return row ? toMember(row) : null;
    },
    async rosterOf(panelId) {
      const rows = await tx.member.findMany({ where: { panelId }, orderBy: OLDEST_FIRST, select: { id: true, role: true, active: true, displayName: true } });
      return rows.map((r) => ({ id: r.id, role: oneOf(ROLES, r.role, 'Member.role'), active: r.active, displayName: r.displayName }));
    },
    async listByPanel(panelId) {
      // Domains per slice of ids (see inChunks): a zone can enrol more chat users than one IN (...) holds.
      const rows = await tx.member.findMany({ where: { panelId }, orderBy: OLDEST_FIRST });
      const domains = new Map<string, { domainId: string }[]>();
      for (const ids of inChunks(rows.map((r) => r.id))) {
        const links = await tx.memberDomain.findMany({
          where: { memberId: { in: ids } },
          orderBy: [{ domain: { position: 'asc' } }, { domainId: 'asc' }],
          select: { memberId: true, domainId: true },
        });
        for (const link of links) domains.set(link.memberId, [...(domains.get(link.memberId) ?? []), { domainId: link.domainId }]);
      }
      return rows.map((row) => toMember({ ...row, domains: domains.get(row.id) ?? [] }));
    },
    countByTenant(tenantId) {
      return tx.member.count({ where: { tenantId } });
    },
    async update(id, patch) {
      const { domainIds, ...fields } = patch;
      const row = await tx.member.update({
        where: { id },
        data: {
          ...defined(fields),
          ...(domainIds
            ? { domains: { deleteMany: {}, create: unique(domainIds).map((domainId) => ({ domainId })) } }
            : {}),
        },
        include: withDomains,
      });
      return toMember(row);
    },
    async addIdentity(input) {
      const row = await tx.channelIdentity.create({
        data: {
          tenantId: input.tenantId,
          memberId: input.memberId,
          channel: input.channel,
          externalId: input.externalId,
          address: input.address ?? null,
        },
      });
      return toIdentity(row);
    },
    async findIdentity(tenantId, channel, externalId) {
      // findFirst, not findUnique: outside a transaction (Store.read) Prisma merges the findUnique calls of
      // one tick into one statement whose parameters it does not split, and a burst of a few hundred
      // presses then exceeds SQLite's limit (P2029; prisma/prisma#23957). The unique index answers either.
      const row = await tx.channelIdentity.findFirst({
        where: { tenantId, channel, externalId },
      });
      return row ? toIdentity(row) : null;
    },
    async findMembersByIdentities(tenantId, channel, externalIds) {
      const out = new Map<string, MemberRecord>();
      for (const chunk of inChunks(unique(externalIds))) {
        const rows = await tx.channelIdentity.findMany({
          where: { tenantId, channel, externalId: { in: chunk } },
          select: { externalId: true, member: { include: withDomains } },
        });
        for (const row of rows) out.set(row.externalId, toMember(row.member));
      }
      return out;
    },
    async findIdentities(tenantId, channel, externalIds) {
      const out = new Map<string, IdentityRecord>();
      for (const chunk of inChunks(unique(externalIds))) {
        for (const row of await tx.channelIdentity.findMany({ where: { tenantId, channel, externalId: { in: chunk } } })) out.set(row.externalId, toIdentity(row));
      }
      return out;
    },
    async listIdentities(memberId) {
      const rows = await tx.channelIdentity.findMany({ where: { memberId }, orderBy: OLDEST_FIRST });
      return rows.map(toIdentity);
    },
    async listIdentitiesOnChannel(channel) {
      const rows = await tx.channelIdentity.findMany({ where: { channel }, orderBy: OLDEST_FIRST });
      return rows.map(toIdentity);
    },
    async setIdentityAddress(id, address) {
      await tx.channelIdentity.update({ where: { id }, data: { address } });
    },
  };
}
