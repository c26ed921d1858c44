import type { PanelRepository } from '../../core/ports.js';
import { LANGUAGES, type DomainRecord, type Language, type PanelRecord } from '../../core/types.js';
import type { ExperienceDomain, Panel } from '../../../prisma/generated/sqlite/client.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

export function toPanel(row: Panel): PanelRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    defaultLanguage: oneOf(LANGUAGES, row.defaultLanguage, 'Panel.defaultLanguage'),
  };
}

export function toDomain(row: ExperienceDomain): DomainRecord {
  return {
    id: row.id,
    panelId: row.panelId,
    key: row.key,
    labels: { nl: row.labelNl, fr: row.labelFr, en: row.labelEn },
    archived: row.archived,
    position: row.position,
  };
}

function labelColumns(labels: Record<Language, string>) {
  return { labelNl: labels.nl, labelFr: labels.fr, labelEn: labels.en };
}

export function makePanelRepository(tx: Tx): PanelRepository {
  return {
    async create(input) {
      const row = await tx.panel.create({
        data: { tenantId: input.tenantId, name: input.name, defaultLanguage: input.defaultLanguage },
      });
      return toPanel(row);
    },
    async findById(id) {
      const row = await tx.panel.findUnique({ where: { id } });
      return row ? toPanel(row) : null;
    },
    async listByTenant(tenantId) {
      const rows = await tx.panel.findMany({ where: { tenantId }, orderBy: OLDEST_FIRST });
      return rows.map(toPanel);
    },
    async createDomain(input) {
      const row = await tx.experienceDomain.create({
        data: {
          tenantId: input.tenantId,
          panelId: input.panelId,
          key: input.key,
          position: input.position,
          ...labelColumns(input.labels),
        },
      });
      return toDomain(row);
    },
    async updateDomain(id, patch) {
      const row = await tx.experienceDomain.update({
        where: { id },
        data: {
          ...(patch.labels ? labelColumns(patch.labels) : {}),
          ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
        },
      });
      return toDomain(row);
    },
    async listDomains(panelId) {
      const rows = await tx.experienceDomain.findMany({
        where: { panelId },
        orderBy: [{ position: 'asc' }, { key: 'asc' }],
      });
      return rows.map(toDomain);
    },
  };
}
