import type { TranslationRepository } from '../../core/ports.js';
import { LANGUAGES, TRANSLATABLE, type ContentTranslationRecord, type TranslatableType } from '../../core/types.js';
import type { ContentTranslation } from '../../../prisma/generated/sqlite/client.js';
import { inChunks, oneOf, type Tx } from './shared.js';

const TYPES = Object.keys(TRANSLATABLE) as TranslatableType[];

function toTranslation(row: ContentTranslation): ContentTranslationRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    objectType: oneOf(TYPES, row.objectType, 'ContentTranslation.objectType'),
    objectId: row.objectId,
    field: row.field,
    language: oneOf(LANGUAGES, row.language, 'ContentTranslation.language'),
    text: row.text,
    source: oneOf(['person', 'llm'] as const, row.source, 'ContentTranslation.source'),
    confirmedAt: row.confirmedAt,
    createdById: row.createdById,
    updatedAt: row.updatedAt,
  };
}

export function makeTranslationRepository(tx: Tx): TranslationRepository {
  return {
    async upsert(input) {
      const { objectType, objectId, field, language } = input;
      const row = await tx.contentTranslation.upsert({
        where: { objectType_objectId_field_language: { objectType, objectId, field, language } },
        create: input,
        update: { text: input.text, source: input.source, confirmedAt: input.confirmedAt, createdById: input.createdById },
      });
      return toTranslation(row);
    },
    async remove(objectType, objectId, field, language) {
      await tx.contentTranslation.deleteMany({ where: { objectType, objectId, field, language } });
    },
    async removeAllFor(objectType, objectIds) {
      for (const ids of inChunks(objectIds)) await tx.contentTranslation.deleteMany({ where: { objectType, objectId: { in: ids } } });
    },
    async listFor(objectType, objectIds) {
      const out: ContentTranslationRecord[] = [];
      for (const ids of inChunks(objectIds)) {
        const rows = await tx.contentTranslation.findMany({ where: { objectType, objectId: { in: ids } }, orderBy: { id: 'asc' } });
        out.push(...rows.map(toTranslation));
      }
      return out;
    },
  };
}
