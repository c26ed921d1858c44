import { describe, expect, it } from 'vitest';
import { endWebSession, webSessionIsActive } from '../../../src/core/index.js';
import { openSession, verifySession } from '../../../src/web-ui/session.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

const HOUR = 3600_000;
let now = new Date('2026-12-01T09:00:00Z');

describe.each(testDatabases())('board and web sessions end on the server, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 1 }, { clock: { now: () => now } });

  it('carries its issue time, expires after 12 hours and is revoked by sign-out, copies included', async () => {
    const { h, p } = setup;
    const board = p.member('board');
    now = new Date('2026-12-01T09:00:00Z');
    const cookie = await openSession(h.deps, board.tenantId, board.id);
    const ids = verifySession(h.deps.secret, cookie)!;
    expect(ids).toMatchObject({ tenantId: board.tenantId, memberId: board.id, issuedAt: now });
    expect(await webSessionIsActive(h.deps, ids)).toBe(true);
    // Changing the issue time breaks the signature.
    const forged = cookie.replace(`.${Math.floor(now.getTime() / 1000)}.`, `.${Math.floor(now.getTime() / 1000) + 3600}.`);
    expect(verifySession(h.deps.secret, forged)).toBeNull();

    now = new Date(now.getTime() + 11 * HOUR);
    expect(await webSessionIsActive(h.deps, ids)).toBe(true);
    now = new Date(now.getTime() + HOUR);
    expect(await webSessionIsActive(h.deps, ids)).toBe(false);

    const second = verifySession(h.deps.secret, await openSession(h.deps, board.tenantId, board.id))!;
    const copy = { ...second };
    expect(await webSessionIsActive(h.deps, copy)).toBe(true);
    await endWebSession(h.deps, second.sessionId);
    expect(await webSessionIsActive(h.deps, copy)).toBe(false);
    // A session id presented for another member is not theirs.
    const third = verifySession(h.deps.secret, await openSession(h.deps, board.tenantId, board.id))!;
    expect(await webSessionIsActive(h.deps, { ...third, memberId: p.member('e1').id })).toBe(false);
  });
});
