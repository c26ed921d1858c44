import { randomUUID } from 'node:crypto';
import { Prisma } from '../../../prisma/generated/sqlite/client.js';
import type { AuditInput, BallotChoice, ReasonAttribution } from '../../core/types.js';
import { encodeChoice } from './ballot-choice.js';
import { providerOf, type Tx } from './shared.js';

/**
 * Many rows in one statement, for a burst of votes stored together, written as raw SQL on both databases:
 * Prisma compiles a createMany of a few hundred rows afresh for every batch size, and that compilation (not
 * the database) was most of the time a burst took: on PostgreSQL half of the app's busy time in the Slack
 * burst. The tables resolve through the search path, which the pool sets to the URL's `?schema=` (pg-pool.ts).
 */
export async function insertBallots(
  tx: Tx,
  rows: { id: string; pollId: string; memberId: string | null; voterKey: string | null; choice: BallotChoice; reason: string | null; reasonAttribution?: ReasonAttribution | null; at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map((r) => ({
    id: r.id,
    pollId: r.pollId,
    memberId: r.memberId,
    voterKey: r.voterKey,
    choice: encodeChoice(r.choice),
    reason: r.reason,
    reasonAttribution: r.reasonAttribution ?? null,
    createdAt: r.at,
    updatedAt: r.at,
  }));
  const values = Prisma.join(
    data.map((d) => Prisma.sql`(${d.id}, ${d.pollId}, ${d.memberId}, ${d.voterKey}, ${d.choice}, ${d.reason}, ${d.reasonAttribution}, ${d.createdAt}, ${d.updatedAt})`),
  );
  await tx.$executeRaw`INSERT INTO "Ballot" ("id", "pollId", "memberId", "voterKey", "choice", "reason", "reasonAttribution", "createdAt", "updatedAt") VALUES ${values}`;
}

/**
 * Changed answers of many ballots in one statement (members who press again while the panel votes). Each row
 * keeps its id and creation time; `at` becomes its `updatedAt`.
 */
export async function updateBallots(
  tx: Tx,
  rows: { id: string; choice: BallotChoice; reason: string | null; reasonAttribution: ReasonAttribution | null; at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = Prisma.join(rows.map((r) => Prisma.sql`(${r.id}, ${encodeChoice(r.choice)}, ${r.reason}, ${r.reasonAttribution}, ${r.at})`));
  // PostgreSQL types the values of a VALUES list as text: the time is cast back to the column's type.
  const updatedAt = providerOf(tx) === 'postgresql' ? Prisma.sql`CAST(v."updatedAt" AS timestamp(3))` : Prisma.sql`v."updatedAt"`;
  await tx.$executeRaw`WITH v ("id", "choice", "reason", "reasonAttribution", "updatedAt") AS (VALUES ${values})
    UPDATE "Ballot" SET "choice" = v."choice", "reason" = v."reason", "reasonAttribution" = v."reasonAttribution", "updatedAt" = ${updatedAt}
    FROM v WHERE "Ballot"."id" = v."id"`;
}

export async function insertAuditEvents(tx: Tx, inputs: AuditInput[], at = new Date()): Promise<void> {
  if (inputs.length === 0) return;
  const data = inputs.map((input) => ({
    id: randomUUID(),
    tenantId: input.tenantId,
    actorId: input.actorId,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    details: JSON.stringify(input.details ?? {}),
    createdAt: at,
  }));
  const values = Prisma.join(
    data.map((d) => Prisma.sql`(${d.id}, ${d.tenantId}, ${d.actorId}, ${d.action}, ${d.objectType}, ${d.objectId}, ${d.details}, ${d.createdAt})`),
  );
  await tx.$executeRaw`INSERT INTO "AuditEvent" ("id", "tenantId", "actorId", "action", "objectType", "objectId", "details", "createdAt") VALUES ${values}`;
}
