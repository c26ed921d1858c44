import { randomUUID } from 'node:crypto';
import type { PollRepository } from '../../core/ports.js';
import {
  ANONYMITY,
  POLL_AUDIENCES,
  POLL_KINDS,
  RESULTS_VISIBILITY,
  type BallotRecord,
  type PollRecord,
} from '../../core/types.js';
import type { Ballot, Prisma } from '../../../prisma/generated/sqlite/client.js';
import { decodeChoice, encodeChoice } from './ballot-choice.js';
import { insertPollParticipation, insertPollParticipations } from './insert-ignore.js';
import { insertBallots, updateBallots } from './bulk-insert.js';
import { OLDEST_FIRST, oneOf, type Tx } from './shared.js';

const POLL_STATUSES = ['open', 'closed'] as const;

const withOptions = { options: { orderBy: { position: 'asc' } } } satisfies Prisma.PollInclude;

type PollRow = Prisma.PollGetPayload<{ include: typeof withOptions }>;

export function toPoll(row: PollRow): PollRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    meetingId: row.meetingId,
    question: row.question,
    kind: oneOf(POLL_KINDS, row.kind, 'Poll.kind'),
    anonymity: oneOf(ANONYMITY, row.anonymity, 'Poll.anonymity'),
    resultsVisibility: oneOf(RESULTS_VISIBILITY, row.resultsVisibility, 'Poll.resultsVisibility'),
    audience: oneOf(POLL_AUDIENCES, row.audience, 'Poll.audience'),
    maxChoices: row.maxChoices,
    deadline: row.deadline,
    status: oneOf(POLL_STATUSES, row.status, 'Poll.status'),
    createdById: row.createdById,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    options: row.options.map((o) => ({ id: o.id, position: o.position, label: o.label })),
  };
}

export function toBallot(row: Ballot): BallotRecord {
  return {
    id: row.id,
    pollId: row.pollId,
    memberId: row.memberId,
    voterKey: row.voterKey,
    choice: decodeChoice(row.choice),
    reason: row.reason,
    reasonAttribution: row.reasonAttribution === 'named' || row.reasonAttribution === 'anonymous' ? row.reasonAttribution : null,
    updatedAt: row.updatedAt,
  };
}

export function makePollRepository(tx: Tx): PollRepository {
  return {
    async create(input) {
      const { options, ...fields } = input;
      const row = await tx.poll.create({
        data: { ...fields, options: { create: options.map((label, position) => ({ position, label })) } },
        include: withOptions,
      });
      return toPoll(row);
    },
    async findById(id) {
      const row = await tx.poll.findUnique({ where: { id }, include: withOptions });
      return row ? toPoll(row) : null;
    },
    async listByPanel(panelId, status) {
      const rows = await tx.poll.findMany({
        where: { panelId, ...(status ? { status } : {}) },
        orderBy: OLDEST_FIRST,
        include: withOptions,
      });
      return rows.map(toPoll);
    },
    async listDue(now, limit) {
      const rows = await tx.poll.findMany({
        where: { status: 'open', deadline: { lte: now } },
        orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
        take: limit,
        include: withOptions,
      });
      return rows.map(toPoll);
    },
    async close(id, at) {
      const row = await tx.poll.update({
        where: { id },
        data: { status: 'closed', closedAt: at },
        include: withOptions,
      });
      return toPoll(row);
    },
    async findBallot(pollId, who) {
      const row =
        'memberId' in who
          ? await tx.ballot.findUnique({ where: { pollId_memberId: { pollId, memberId: who.memberId } } })
          : await tx.ballot.findUnique({ where: { pollId_voterKey: { pollId, voterKey: who.voterKey } } });
      return row ? toBallot(row) : null;
    },
    async createBallots(inputs) {
      await insertBallots(tx, inputs);
    },
    async updateBallots(rows) {
      await updateBallots(tx, rows);
    },
    async markParticipations(pollId, rows) {
      await insertPollParticipations(tx, pollId, rows);
    },
    async createBallot(input) {
      const row = await tx.ballot.create({
        data: {
          ...(input.at ? { id: randomUUID(), createdAt: input.at, updatedAt: input.at } : {}),
          pollId: input.pollId,
          memberId: input.memberId,
          voterKey: input.voterKey,
          choice: encodeChoice(input.choice),
          reason: input.reason,
          reasonAttribution: input.reasonAttribution ?? null,
        },
      });
      return toBallot(row);
    },
    async updateBallot(id, patch) {
      const row = await tx.ballot.update({
        where: { id },
        data: { choice: encodeChoice(patch.choice), reason: patch.reason, reasonAttribution: patch.reasonAttribution ?? null, ...(patch.at ? { updatedAt: patch.at } : {}) },
      });
      return toBallot(row);
    },
    async listBallots(pollId) {
      const rows = await tx.ballot.findMany({ where: { pollId }, orderBy: OLDEST_FIRST });
      return rows.map(toBallot);
    },
    async markParticipation(pollId, memberId, at) {
      await insertPollParticipation(tx, pollId, memberId, at);
    },
    async listBallotsOfMember(memberId) {
      return (await tx.ballot.findMany({ where: { memberId }, orderBy: OLDEST_FIRST })).map(toBallot);
    },
    async listParticipationsOfMember(memberId) {
      return tx.pollParticipation.findMany({ where: { memberId }, orderBy: [{ createdAt: 'asc' }, { pollId: 'asc' }], select: { pollId: true, createdAt: true } });
    },
    async deleteParticipationsOfMember(memberId) {
      return (await tx.pollParticipation.deleteMany({ where: { memberId } })).count;
    },
    async deleteBallot(id) {
      await tx.ballot.deleteMany({ where: { id } });
    },
    async anonymiseClosedBefore(cutoff) {
      const closed = { status: 'closed', closedAt: { lt: cutoff } };
      const ballots = await tx.ballot.updateMany({ where: { memberId: { not: null }, poll: closed }, data: { memberId: null } });
      const participations = await tx.pollParticipation.deleteMany({ where: { poll: closed } });
      return { ballots: ballots.count, participations: participations.count };
    },
    async listParticipants(pollId) {
      const rows = await tx.pollParticipation.findMany({
        where: { pollId },
        orderBy: [{ createdAt: 'asc' }, { memberId: 'asc' }],
        select: { memberId: true },
      });
      return rows.map((r) => r.memberId);
    },
    async clearVoterKeys(pollId, at) {
      await tx.ballot.updateMany({ where: { pollId, voterKey: { not: null } }, data: { voterKey: null, ...(at ? { updatedAt: at } : {}) } });
    },
    async deleteBallotsOfMember(memberId) {
      const { count } = await tx.ballot.deleteMany({ where: { memberId } });
      return count;
    },
  };
}
