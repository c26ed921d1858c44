import { describe, expect, it } from 'vitest';
import { castBallot, createPoll, planMeeting, SHORT_CODE_LENGTH, type PollRecord } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { makePanel, type TestPanel } from '../support/harness.js';
import { actAs, findChromium, submit, useBrowserApp } from './helpers.js';
import { overflow, shoot } from './screens.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the live session in a real browser', () => {
  let p: TestPanel;
  let poll: PollRecord;
  let meetingId = '';
  const run = useBrowserApp(chromiumPath, {
    env: { STEMMEN_DEMO: '0' },
    seed: async (app) => {
      p = await makePanel(app.deps, { experts: 4 });
      const meeting = await planMeeting(app.deps, p.actor('fac'), { title: 'Sessie januari', scheduledAt: '2027-01-14T18:00:00Z', agenda: 'Welkom\nVervoer naar de zorg\nRondvraag' });
      meetingId = meeting.id;
      poll = await createPoll(app.deps, p.actor('fac'), { question: 'Wat eerst aanpakken?', kind: 'single', anonymity: 'anonymous', resultsVisibility: 'live', options: ['Vervoer', 'Wachttijden'], meetingId });
    },
  });

  it('runs the meeting page, then shows votes on the projector as they arrive, without a reload', { timeout: 120_000 }, async () => {
    const { page, base, app } = run;
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await actAs(page, base, 'fac');
    await page.goto(`${base}/board/meetings/${meetingId}`);
    expect(await page.locator('main ol li').allTextContents()).toEqual(['Welkom', 'Vervoer naar de zorg', 'Rondvraag']);
    expect(await page.locator('main').textContent()).toContain('Wat eerst aanpakken?');

    // Editable until held: the agenda gets a line, attendance is ticked.
    await page.locator('#edit-agenda').fill('Welkom\nVervoer naar de zorg\nWachttijden\nRondvraag');
    expect(await submit(page, page.getByRole('button', { name: t('nl', 'meeting:save'), exact: true }))).toBe(200);
    expect(await page.locator('main ol li').count()).toBe(4);
    await page.locator(`input[name=memberIds][value="${p.member('e1').id}"]`).check();
    await page.locator(`input[name=memberIds][value="${p.member('e2').id}"]`).check();
    await submit(page, page.getByRole('button', { name: t('nl', 'meeting:saveAttendance') }));
    expect(await page.locator('main').textContent()).toContain(t('nl', 'meeting:presentCount', { count: 2, of: 7 }));

    // The projector: step to the second item, put the poll on screen.
    await page.getByRole('link', { name: t('nl', 'meeting:present') }).click();
    await page.waitForURL(/\/present$/);
    await submit(page, page.getByRole('button', { name: t('nl', 'meeting:next') }));
    await page.getByLabel(t('nl', 'meeting:showPoll')).selectOption(poll.id);
    await submit(page, page.getByRole('button', { name: t('nl', 'meeting:show'), exact: true }));
    expect(await page.locator('#live .agenda-now').textContent()).toBe('Vervoer naar de zorg');
    expect(await page.locator('.short-link a').textContent()).toBe(`${base}/v/${poll.id.slice(-SHORT_CODE_LENGTH)}`);
    expect(await page.locator('.vote-here svg.qr').count()).toBe(1);
    expect(await page.locator('#live td.count').allTextContents()).toEqual(['0', '0']);

    // A vote arrives: the numbers change on the same page (the marker survives: no reload).
    await page.evaluate('window.stillHere = true');
    await castBallot(app.deps, p.actor('e1'), poll.id, { optionIds: [poll.options[1]!.id] });
    // Waiting for the DOM to change (generously: the machine may be busy); the page itself asks every second.
    const row = (label: string, count: string) => page.locator('#live tr').filter({ hasText: label }).locator('td.count', { hasText: new RegExp(`^${count}$`) });
    await row('Wachttijden', '1').waitFor({ timeout: 30_000 });
    await castBallot(app.deps, p.actor('e2'), poll.id, { optionIds: [poll.options[1]!.id] });
    await row('Wachttijden', '2').waitFor({ timeout: 30_000 });
    // Turnout counts against the poll's audience: the four experts (issue 10), not every account.
    expect(await page.locator('#live .turnout').textContent()).toBe(t('nl', 'meeting:turnout', { turnout: 2, eligible: 4 }));
    expect(await page.evaluate('window.stillHere')).toBe(true);
    expect(violations).toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(page), `present view at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `present-${width}`);
    }
    for (const path of [`/board/meetings/${meetingId}`, '/board/translations']) {
      await page.goto(`${base}${path}`);
      expect(await overflow(page), `${path} at 375px`).toBeLessThanOrEqual(0);
      await shoot(page, `${path.split('/')[2]}-375`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/board/meetings/${meetingId}/present`);

    // The short link opens the vote on the member's home page.
    const short = await page.request.get(`${base}/v/${poll.id.slice(-SHORT_CODE_LENGTH)}`, { maxRedirects: 0 });
    expect(short.status()).toBe(303);
    expect(short.headers().location).toBe(`/home#poll-${poll.id}`);

    // Decisions recorded: the meeting is held and can no longer be changed.
    await page.goto(`${base}/board/meetings/${meetingId}`);
    await page.locator('#decisions-text').fill('Vervoer krijgt voorrang.');
    await submit(page, page.getByRole('button', { name: t('nl', 'meeting:markHeld') }));
    expect(await page.locator('main').textContent()).toContain(t('nl', 'meeting:status.held'));
    expect(await page.locator(`form[action="/board/meetings/${meetingId}"]`).count()).toBe(0);
  });
});
