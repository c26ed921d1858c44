import type { TenantRepository } from '../../core/ports.js';
import type { TenantRecord } from '../../core/types.js';
import type { Tenant } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, providerOf, type Tx } from './shared.js';

export function toTenant(row: Tenant): TenantRecord {
  return { id: row.id, slug: row.slug, name: row.name };
}

export function makeTenantRepository(tx: Tx): TenantRepository {
  return {
    async create(input) {
      return toTenant(await tx.tenant.create({ data: { slug: input.slug, name: input.name } }));
    },
    async lock(id) {
      // SQLite transactions start with BEGIN IMMEDIATE and so already run one at a time.
      if (providerOf(tx) === 'postgresql') await tx.$queryRaw`SELECT "id" FROM "Tenant" WHERE "id" = ${id} FOR UPDATE`;
    },
    async findById(id) {
      const row = await tx.tenant.findUnique({ where: { id } });
      return row ? toTenant(row) : null;
    },
    async findBySlug(slug) {
      const row = await tx.tenant.findUnique({ where: { slug } });
      return row ? toTenant(row) : null;
    },
    async list() {
      const rows = await tx.tenant.findMany({ orderBy: OLDEST_FIRST });
      return rows.map(toTenant);
    },
  };
}
