import type { LlmExchangeRepository } from '../../core/ports.js';
import { OLDEST_FIRST, parseJson, type Tx } from './shared.js';

/** Ids are stored as a JSON list; a quoted id cannot match part of another id. */
const carrying = (contributionIds: string[]) => ({
  OR: contributionIds.map((id) => ({ contributionIds: { contains: JSON.stringify(id) } })),
});

const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

export function makeLlmExchangeRepository(tx: Tx): LlmExchangeRepository {
  return {
    async record(input) {
      await tx.llmExchange.create({ data: { ...input, contributionIds: JSON.stringify(input.contributionIds) } });
    },
    async listBySummary(summaryId) {
      const rows = await tx.llmExchange.findMany({ where: { summaryId }, orderBy: OLDEST_FIRST });
      return rows.map((row) => ({
        id: row.id,
        tenantId: row.tenantId,
        summaryId: row.summaryId,
        contributionIds: parseJson(row.contributionIds, 'LlmExchange.contributionIds', isIdList),
        request: row.request,
        response: row.response,
        model: row.model,
        tokensIn: row.tokensIn,
        tokensOut: row.tokensOut,
        createdAt: row.createdAt,
      }));
    },
    async deleteCarrying(contributionIds) {
      if (contributionIds.length === 0) return 0;
      return (await tx.llmExchange.deleteMany({ where: carrying(contributionIds) })).count;
    },
    async listCarrying(contributionIds) {
      if (contributionIds.length === 0) return [];
      return tx.llmExchange.findMany({
        where: carrying(contributionIds),
        orderBy: OLDEST_FIRST,
        select: { id: true, summaryId: true, model: true, createdAt: true },
      });
    },
    async deleteBefore(cutoff) {
      return (await tx.llmExchange.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
    },
  };
}
