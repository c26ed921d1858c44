// Short codes for members' phones (the projector's short link and QR code): the end of a poll's id, made
// longer when it would collide, so that one code never opens two polls. Collisions are made on purpose by
// renaming a poll's id in the database (ids are random; waiting for a real collision is not a test).
import { describe, expect, it } from 'vitest';
import { createPoll, planMeeting, presentView, resolvePollShortCode, shortCodes, stepMeeting, type PollRecord } from '../../src/core/index.js';
import { createPrismaClient } from '../../src/store/client.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, usePanelHarness } from '../support/harness.js';

const options = ['Ja', 'Nee'];
/** `id` with its last `shared` characters taken from `other`, and the character before them different. */
function collidingId(id: string, other: string, shared: number): string {
  const before = other.at(-shared - 1) === 'x' ? 'y' : 'x';
  return `${id.slice(0, -shared - 1)}${before}${other.slice(-shared)}`;
}

describe('short codes, as a rule', () => {
  it('keeps the earlier poll’s code and lengthens the later one’s until it is unique', () => {
    const at = (m: number) => new Date(Date.UTC(2027, 0, 1, 0, m));
    const codes = shortCodes([
      { id: 'cAAAAAAAAA12345678', createdAt: at(2) },
      { id: 'cBBBBBBBBB12345678', createdAt: at(1) },
      { id: 'cCCCCCCCCCB12345678', createdAt: at(3) },
      { id: 'cDDDDDDDDD87654321', createdAt: at(4) },
    ]);
    expect(codes.get('cBBBBBBBBB12345678')).toBe('12345678');
    expect(codes.get('cAAAAAAAAA12345678')).toBe('A12345678');
    expect(codes.get('cCCCCCCCCCB12345678')).toBe('CB12345678');
    expect(codes.get('cDDDDDDDDD87654321')).toBe('87654321');
    expect(new Set(codes.values()).size).toBe(4);
  });
});

describe.each(testDatabases())('short codes for phones, on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 2 });

  it('never gives two polls of a zone one code, and refuses a code that could mean two polls', async () => {
    const { deps } = s.h;
    const fac = s.p.actor('fac');
    const meeting = await planMeeting(deps, fac, { title: 'Sessie', scheduledAt: '2027-01-14T18:00:00Z', agenda: 'Welkom' });
    const first = await createPoll(deps, fac, { question: 'Eerste?', kind: 'single', options, meetingId: meeting.id });
    const made = [await createPoll(deps, fac, { question: 'Tweede?', kind: 'single', options, meetingId: meeting.id }), await createPoll(deps, fac, { question: 'Derde?', kind: 'single', options, meetingId: meeting.id })];
    // Another zone's poll with the same end does not make this zone's codes longer.
    const other = await makePanel(deps, { experts: 1 });
    const foreign = await createPoll(deps, other.actor('fac'), { question: 'Elders?', kind: 'single', options });

    // The second poll ends in the first's 8 characters, the third in the second's 10: both open, both later.
    const db = createPrismaClient(s.url);
    const rename = async (poll: PollRecord, id: string, minutes: number) =>
      db.poll.update({ where: { id: poll.id }, data: { id, createdAt: new Date(first.createdAt.getTime() + minutes * 60_000) } });
    let second: { id: string };
    let third: { id: string };
    try {
      second = await rename(made[0]!, collidingId(made[0]!.id, first.id, 8), 1);
      third = await rename(made[1]!, collidingId(made[1]!.id, second.id, 10), 2);
      await db.poll.update({ where: { id: foreign.id }, data: { id: collidingId(foreign.id, first.id, 8) } });
    } finally {
      await db.$disconnect();
    }

    const onScreen = async (pollId: string) => {
      await stepMeeting(deps, fac, meeting.id, { pollId });
      return (await presentView(deps, s.p.actor('board'), meeting.id)).shortCode!;
    };
    const codes = [await onScreen(first.id), await onScreen(second.id), await onScreen(third.id)];
    expect(codes).toEqual([first.id.slice(-8), second.id.slice(-9), third.id.slice(-11)]);

    const e1 = s.p.actor('e1');
    for (const [i, id] of [first.id, second.id, third.id].entries()) expect((await resolvePollShortCode(deps, e1, codes[i]!)).id).toBe(id);
    // The 10 characters the second and third share are nobody's code: refused rather than a guess.
    await expect(resolvePollShortCode(deps, e1, second.id.slice(-10))).rejects.toMatchObject({ code: 'not_found' });
    // A longer end of one poll's id still finds it; too short a code finds nothing.
    expect((await resolvePollShortCode(deps, e1, first.id.slice(-12))).id).toBe(first.id);
    await expect(resolvePollShortCode(deps, e1, first.id.slice(-7))).rejects.toMatchObject({ code: 'not_found' });
    // The other zone's member reaches their own poll with the same 8 characters, never this zone's.
    expect((await resolvePollShortCode(deps, other.actor('e1'), first.id.slice(-8))).question).toBe('Elders?');
  });
});
