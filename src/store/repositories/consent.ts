import type { ConsentRepository } from '../../core/ports.js';
import {
  CHANNELS,
  LANGUAGES,
  type ConsentRecordInput,
  type ConsentRecordRow,
  type ConsentRequestRecord,
  type ConsentRequestStatus,
} from '../../core/types.js';
import type { ConsentRecord, ConsentRequest } from '../../../prisma/generated/sqlite/client.js';
import { inChunks, OLDEST_FIRST, oneOf, type Tx } from './shared.js';

const REQUEST_STATUSES = [
  'pending',
  'approved',
  'approved_anonymous',
  'change_requested',
  'withdrawn',
  'expired',
] as const satisfies readonly ConsentRequestStatus[];
const PURPOSES = ['participation', 'summary_quote', 'contribution_capture'] as const satisfies readonly ConsentRecordInput['purpose'][];
const DECISIONS = [
  'granted',
  'granted_anonymous',
  'refused',
  'change_requested',
  'withdrawn',
] as const satisfies readonly ConsentRecordInput['decision'][];

export function toConsentRequest(row: ConsentRequest): ConsentRequestRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    versionId: row.versionId,
    memberId: row.memberId,
    status: oneOf(REQUEST_STATUSES, row.status, 'ConsentRequest.status'),
    comment: row.comment,
    deadline: row.deadline,
    createdAt: row.createdAt,
    respondedAt: row.respondedAt,
    handledAt: row.handledAt,
  };
}

export function toConsentRecord(row: ConsentRecord): ConsentRecordRow {
  return {
    id: row.id,
    tenantId: row.tenantId,
    pseudonym: row.pseudonym,
    purpose: oneOf(PURPOSES, row.purpose, 'ConsentRecord.purpose'),
    objectType: row.objectType,
    objectId: row.objectId,
    objectHash: row.objectHash,
    textVersion: row.textVersion,
    language: oneOf(LANGUAGES, row.language, 'ConsentRecord.language'),
    decision: oneOf(DECISIONS, row.decision, 'ConsentRecord.decision'),
    channel: oneOf(CHANNELS, row.channel, 'ConsentRecord.channel'),
    withdrawsId: row.withdrawsId,
    createdAt: row.createdAt,
  };
}

/** Consent records are append-only: this repository never updates or deletes a ConsentRecord row. */
export function makeConsentRepository(tx: Tx): ConsentRepository {
  return {
    async createRequest(input) {
      const row = await tx.consentRequest.create({
        data: {
          tenantId: input.tenantId,
          versionId: input.versionId,
          memberId: input.memberId,
          deadline: input.deadline,
        },
      });
      return toConsentRequest(row);
    },
    async findRequest(id) {
      const row = await tx.consentRequest.findUnique({ where: { id } });
      return row ? toConsentRequest(row) : null;
    },
    async listRequestsForVersion(versionId) {
      const rows = await tx.consentRequest.findMany({ where: { versionId }, orderBy: OLDEST_FIRST });
      return rows.map(toConsentRequest);
    },
    async listRequestsForMember(memberId, status) {
      const rows = await tx.consentRequest.findMany({
        where: { memberId, ...(status ? { status } : {}) },
        orderBy: OLDEST_FIRST,
      });
      return rows.map(toConsentRequest);
    },
    async listOpenChangeRequests(versionIds) {
      if (versionIds.length === 0) return [];
      const rows = await tx.consentRequest.findMany({ where: { versionId: { in: versionIds }, status: 'change_requested', handledAt: null }, orderBy: OLDEST_FIRST });
      return rows.map(toConsentRequest);
    },
    async markHandled(id, at) {
      await tx.consentRequest.updateMany({ where: { id, handledAt: null }, data: { handledAt: at } });
    },
    async updateRequest(id, patch) {
      await tx.consentRequest.update({
        where: { id },
        data: {
          status: patch.status,
          respondedAt: patch.respondedAt,
          ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
        },
      });
    },
    async appendRecord(input) {
      const row = await tx.consentRecord.create({
        data: {
          tenantId: input.tenantId,
          pseudonym: input.pseudonym,
          purpose: input.purpose,
          objectType: input.objectType,
          objectId: input.objectId,
          objectHash: input.objectHash,
          textVersion: input.textVersion,
          language: input.language,
          decision: input.decision,
          channel: input.channel,
          withdrawsId: input.withdrawsId ?? null,
        },
      });
      return toConsentRecord(row);
    },
    async listRecords(tenantId, pseudonym) {
      const rows = await tx.consentRecord.findMany({ where: { tenantId, pseudonym }, orderBy: OLDEST_FIRST });
      return rows.map(toConsentRecord);
    },
    async listParticipationRecords(tenantId, pseudonyms) {
      const out = [];
      for (const chunk of inChunks(pseudonyms)) {
        const rows = await tx.consentRecord.findMany({ where: { tenantId, purpose: 'participation', pseudonym: { in: chunk } }, orderBy: OLDEST_FIRST });
        out.push(...rows.map(toConsentRecord));
      }
      return out;
    },
    async listPendingPastDeadline(now) {
      const rows = await tx.consentRequest.findMany({ where: { status: 'pending', deadline: { lte: now } }, orderBy: OLDEST_FIRST });
      return rows.map(toConsentRequest);
    },
    async deleteRequestsOfMember(memberId) {
      return (await tx.consentRequest.deleteMany({ where: { memberId } })).count;
    },
  };
}
