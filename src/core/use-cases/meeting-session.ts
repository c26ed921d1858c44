import { audit, sameTenant, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import { enforce } from '../policy.js';
import type { Repositories } from '../ports.js';
import { LIMITS, type Actor, type IdeaRoundRecord, type MeetingRecord, type PollRecord } from '../types.js';
import { intInRange, optionalText, requireDate, requireText } from '../validation.js';
import { resultsOf, type PollResults } from './poll-results.js';
import { pollShortCode } from './poll-short-codes.js';

/** One meeting as its page shows it: agenda lines, what is linked to it, and who came. */
export interface MeetingView {
  meeting: MeetingRecord;
  agenda: string[];
  polls: PollRecord[];
  rounds: IdeaRoundRecord[];
  /** Every active member of the panel, ticked when they were there. */
  attendance: { memberId: string; displayName: string; role: string; present: boolean }[];
  /** A meeting can be changed until it is held (or cancelled). */
  editable: boolean;
}

/** The agenda is written one item per line; empty lines do not count. */
export const agendaLines = (agenda: string): string[] => agenda.split('\n').map((l) => l.trim()).filter(Boolean);

async function loadMeeting(repos: Repositories, actor: Actor, meetingId: string): Promise<MeetingRecord> {
  return sameTenant(actor, await repos.meetings.findById(meetingId));
}

export async function meetingView(deps: CoreDeps, actor: Actor, meetingId: string): Promise<MeetingView> {
  enforce(actor, 'board.read');
  return deps.store.transaction(async (repos) => {
    const meeting = await loadMeeting(repos, actor, meetingId);
    const present = new Set(await repos.meetings.listAttendance(meeting.id));
    const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active && !m.erasedAt);
    return {
      meeting,
      agenda: agendaLines(meeting.agenda),
      polls: (await repos.polls.listByPanel(actor.panelId)).filter((p) => p.meetingId === meeting.id),
      rounds: (await repos.rounds.listByPanel(actor.panelId)).filter((r) => r.meetingId === meeting.id),
      attendance: members.map((m) => ({ memberId: m.id, displayName: m.displayName, role: m.role, present: present.has(m.id) })),
      editable: meeting.status === 'planned',
    };
  });
}

/** Title, date and agenda change until the meeting is held; after that the record stays as it was. */
export async function editMeeting(deps: CoreDeps, actor: Actor, meetingId: string, input: { title: unknown; scheduledAt: unknown; agenda?: unknown }): Promise<MeetingRecord> {
  enforce(actor, 'meeting.plan');
  const title = requireText(input.title, 'title', LIMITS.shortText);
  const scheduledAt = requireDate(input.scheduledAt, 'scheduledAt');
  const agenda = optionalText(input.agenda, 'agenda', LIMITS.longText);
  return deps.store.transaction(async (repos) => {
    const meeting = await loadMeeting(repos, actor, meetingId);
    if (meeting.status !== 'planned') throw new DomainError('invalid_input', { field: 'status' });
    const updated = await repos.meetings.update(meeting.id, { title, scheduledAt, agenda });
    await audit(repos, actor, 'meeting.edited', 'meeting', meeting.id);
    return updated;
  });
}

/** Who was there: exactly the members ticked (of this panel). */
export async function recordAttendance(deps: CoreDeps, actor: Actor, meetingId: string, memberIds: unknown): Promise<string[]> {
  enforce(actor, 'meeting.record');
  const ids = (Array.isArray(memberIds) ? memberIds : memberIds ? [memberIds] : []).map(String);
  return deps.store.transaction(async (repos) => {
    const meeting = await loadMeeting(repos, actor, meetingId);
    const panel = new Set((await repos.members.listByPanel(actor.panelId)).map((m) => m.id));
    if (ids.some((id) => !panel.has(id))) throw new DomainError('not_found');
    await repos.meetings.setAttendance(meeting.id, ids);
    await audit(repos, actor, 'meeting.attendance', 'meeting', meeting.id, { present: new Set(ids).size });
    return repos.meetings.listAttendance(meeting.id);
  });
}

/** Moves the live session: to an agenda line, and/or to a poll of this meeting (null: no poll on screen). */
export async function stepMeeting(deps: CoreDeps, actor: Actor, meetingId: string, input: { step?: unknown; pollId?: unknown }): Promise<MeetingRecord> {
  enforce(actor, 'meeting.record');
  return deps.store.transaction(async (repos) => {
    const meeting = await loadMeeting(repos, actor, meetingId);
    const patch: { currentStep?: number; currentPollId?: string | null } = {};
    if (input.step !== undefined) patch.currentStep = intInRange(input.step, 'step', 0, Math.max(0, agendaLines(meeting.agenda).length - 1));
    if (input.pollId !== undefined) {
      if (input.pollId === null || input.pollId === '') patch.currentPollId = null;
      else {
        const poll = sameTenant(actor, await repos.polls.findById(String(input.pollId)));
        if (poll.meetingId !== meeting.id) throw new DomainError('not_found');
        patch.currentPollId = poll.id;
      }
    }
    return repos.meetings.update(meeting.id, patch);
  });
}

/** What the projector shows: the agenda line, and the current poll's results as far as its visibility allows. */
export interface PresentView {
  meeting: MeetingRecord;
  agenda: string[];
  step: number;
  polls: PollRecord[];
  results: PollResults | null;
  /** The current poll's short code for phones (unique in the zone), when a poll is on screen. */
  shortCode: string | null;
}

export async function presentView(deps: CoreDeps, actor: Actor, meetingId: string): Promise<PresentView> {
  const view = await meetingView(deps, actor, meetingId);
  const current = view.polls.find((p) => p.id === view.meeting.currentPollId) ?? null;
  // The projector is a screen the whole room reads: it shows results as any member may see them (hidden
  // until close means turnout only) and never who chose what, so a look at it is no identifiable read.
  const room: Actor = { ...actor, role: 'expert' };
  const shown = current
    ? await deps.store.transaction(async (repos) => ({ results: { ...(await resultsOf(repos, room, current, deps.clock.now())), voters: null }, shortCode: await pollShortCode(repos, current) }))
    : { results: null, shortCode: null };
  return { meeting: view.meeting, agenda: view.agenda, step: Math.min(view.meeting.currentStep, Math.max(0, view.agenda.length - 1)), polls: view.polls, ...shown };
}
