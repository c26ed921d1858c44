import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { LIMITS, type Actor, type MeetingRecord } from '../types.js';
import { oneOf, optionalText, requireDate, requireText } from '../validation.js';

export async function planMeeting(
  deps: CoreDeps,
  actor: Actor,
  input: { title: unknown; scheduledAt: unknown; agenda?: unknown },
): Promise<MeetingRecord> {
  enforce(actor, 'meeting.plan');
  const title = requireText(input.title, 'title', LIMITS.shortText);
  const scheduledAt = requireDate(input.scheduledAt, 'scheduledAt');
  const agenda = optionalText(input.agenda, 'agenda', LIMITS.longText);
  return deps.store.transaction(async (repos) => {
    const meeting = await repos.meetings.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      title,
      scheduledAt,
      agenda,
      createdById: actor.memberId,
    });
    await audit(repos, actor, 'meeting.planned', 'meeting', meeting.id);
    return meeting;
  });
}

export async function recordMeetingOutcome(
  deps: CoreDeps,
  actor: Actor,
  meetingId: string,
  input: { decisions?: unknown; status?: unknown; agenda?: unknown },
): Promise<MeetingRecord> {
  enforce(actor, 'meeting.record');
  const decisions = optionalText(input.decisions, 'decisions', LIMITS.longText);
  const status = oneOf(input.status ?? 'held', ['planned', 'held', 'cancelled'] as const, 'status');
  return deps.store.transaction(async (repos) => {
    const meeting = sameTenant(actor, await repos.meetings.findById(meetingId));
    const patch: Parameters<typeof repos.meetings.update>[1] = { decisions, status };
    if (input.agenda !== undefined) patch.agenda = optionalText(input.agenda, 'agenda', LIMITS.longText);
    const updated = await repos.meetings.update(meeting.id, patch);
    await audit(repos, actor, 'meeting.updated', 'meeting', meeting.id, { status });
    return updated;
  });
}

export async function listMeetings(deps: CoreDeps, actor: Actor): Promise<MeetingRecord[]> {
  return deps.store.transaction((repos) => repos.meetings.listByPanel(actor.panelId));
}
