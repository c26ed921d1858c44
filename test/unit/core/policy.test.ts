import { describe, expect, it } from 'vitest';
import { allowedActions, can, enforce, isPollOpen, NEW_POLL_DEFAULTS, type Actor, type PollRecord, type Role } from '../../../src/core/index.js';

const actor = (role: Role, memberId = `m-${role}`): Actor => ({ memberId, tenantId: 't', panelId: 'p', role, language: 'nl', displayName: role, channel: 'web' });

const poll = (patch: Partial<PollRecord> = {}): PollRecord => ({
  id: 'poll',
  tenantId: 't',
  panelId: 'p',
  meetingId: null,
  question: 'Q',
  ...NEW_POLL_DEFAULTS,
  status: 'open',
  createdById: 'm-facilitator',
  createdAt: new Date('2026-01-01T10:00:00Z'),
  closedAt: null,
  options: [],
  ...patch,
});

describe('the policy', () => {
  it('lets staff close polls and remind, and nobody else', () => {
    for (const role of ['facilitator', 'admin'] as const) {
      expect(can(actor(role), 'poll.close', poll())).toBe(true);
      expect(can(actor(role), 'reminder.send')).toBe(true);
    }
    for (const role of ['expert', 'board'] as const) {
      expect(can(actor(role), 'poll.close', poll())).toBe(false);
      expect(() => enforce(actor(role), 'reminder.send')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });

  it('offers the vote only while the poll is open and before its deadline', () => {
    const now = new Date('2026-01-02T10:00:00Z');
    expect(can(actor('expert'), 'poll.vote', poll(), now)).toBe(true);
    expect(can(actor('expert'), 'poll.vote', poll({ deadline: new Date('2026-01-02T09:59:00Z') }), now)).toBe(false);
    expect(can(actor('expert'), 'poll.vote', poll({ status: 'closed' }), now)).toBe(false);
    expect(isPollOpen(poll({ deadline: now }), now)).toBe(false);
  });

  it('shows voters of a confidential poll to staff only, of an anonymous poll to nobody', () => {
    expect(can(actor('facilitator'), 'poll.voters', poll({ anonymity: 'confidential' }))).toBe(true);
    expect(can(actor('expert'), 'poll.voters', poll({ anonymity: 'confidential' }))).toBe(false);
    expect(can(actor('expert'), 'poll.voters', poll({ anonymity: 'named' }))).toBe(true);
    expect(can(actor('admin'), 'poll.voters', poll({ anonymity: 'anonymous' }))).toBe(false);
  });

  it('lets only an admin make an admin, and nobody change their own role', () => {
    expect(can(actor('facilitator'), 'member.role', { role: 'admin' })).toBe(false);
    expect(can(actor('admin'), 'member.role', { role: 'admin' })).toBe(true);
    expect(can(actor('facilitator'), 'member.role', { member: { id: 'm-facilitator', role: 'facilitator' }, role: 'expert' })).toBe(false);
    expect(can(actor('facilitator'), 'member.role', { member: { id: 'x', role: 'admin' }, role: 'expert' })).toBe(false);
  });

  it('builds an expert menu without facilitator or board actions', () => {
    const menu = allowedActions(actor('expert'));
    expect(menu).toEqual(expect.arrayContaining(['poll.vote', 'question.contribute', 'support.request']));
    expect(menu).not.toContain('poll.create');
    expect(menu).not.toContain('board.read');
  });
});
