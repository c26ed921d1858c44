import type { MeetingRepository } from '../../core/ports.js';
import type { MeetingRecord } from '../../core/types.js';
import type { Meeting } from '../../../prisma/generated/sqlite/client.js';
import { defined, oneOf, unique, type Tx } from './shared.js';

const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const satisfies readonly MeetingRecord['status'][];

export function toMeeting(row: Meeting): MeetingRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    panelId: row.panelId,
    title: row.title,
    scheduledAt: row.scheduledAt,
    agenda: row.agenda,
    decisions: row.decisions,
    status: oneOf(MEETING_STATUSES, row.status, 'Meeting.status'),
    createdById: row.createdById,
    currentStep: row.currentStep,
    currentPollId: row.currentPollId,
  };
}

export function makeMeetingRepository(tx: Tx): MeetingRepository {
  return {
    async create(input) {
      const row = await tx.meeting.create({
        data: {
          tenantId: input.tenantId,
          panelId: input.panelId,
          title: input.title,
          scheduledAt: input.scheduledAt,
          agenda: input.agenda,
          createdById: input.createdById,
        },
      });
      return toMeeting(row);
    },
    async findById(id) {
      const row = await tx.meeting.findUnique({ where: { id } });
      return row ? toMeeting(row) : null;
    },
    async update(id, patch) {
      const { title, scheduledAt, agenda, decisions, status, currentStep, currentPollId } = patch;
      const row = await tx.meeting.update({
        where: { id },
        data: defined({ title, scheduledAt, agenda, decisions, status, currentStep, currentPollId }),
      });
      return toMeeting(row);
    },
    async listByPanel(panelId) {
      const rows = await tx.meeting.findMany({
        where: { panelId },
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toMeeting);
    },
    async setAttendance(meetingId, memberIds) {
      await tx.meetingAttendance.deleteMany({ where: { meetingId } });
      for (const memberId of unique(memberIds)) await tx.meetingAttendance.create({ data: { meetingId, memberId } });
    },
    async listAttendance(meetingId) {
      const rows = await tx.meetingAttendance.findMany({ where: { meetingId }, orderBy: { memberId: 'asc' } });
      return rows.map((r) => r.memberId);
    },
  };
}
