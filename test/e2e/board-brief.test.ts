import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { makePanel } from '../support/harness.js';
import { actAs, findChromium, useBrowserApp } from './helpers.js';
import { clipped, overflow, shoot, sidewaysScroll } from './screens.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the board brief in a real browser', () => {
  let meetingId = '';
  const run = useBrowserApp(chromiumPath, {
    env: { STEMMEN_DEMO: '0' },
    seed: async (app) => {
      // Twelve experts: three per domain, enough for turnout per domain to be shown.
      const p = await makePanel(app.deps, { experts: 12 });
      meetingId = (await seedBrief(app.deps, p)).meeting.id;
    },
  });

  it('shows a meeting brief with quotes, charts with tables, and its downloads; fits 375 and 1280 px', { timeout: 90_000 }, async () => {
    const { page, base } = run;
    await actAs(page, base, 'board');
    await page.goto(`${base}/board`);
    await page.getByRole('link', { name: t('nl', 'brief:open') }).click();
    await page.waitForURL(/\/board\/brief$/);
    await page.getByLabel(t('nl', 'brief:meeting')).selectOption(meetingId);
    await page.getByRole('button', { name: t('nl', 'brief:show') }).click();
    await page.waitForURL(/meeting=/);

    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(BRIEF_TEXT.quoteNl);
    expect(main).toContain(BRIEF_TEXT.statementFr);
    expect(main).not.toContain(BRIEF_TEXT.unconsented);
    // The French quote carries its language for screen readers; each chart has its table.
    expect(await page.locator('blockquote p[lang="fr"]').textContent()).toContain(BRIEF_TEXT.quoteFr);
    expect(await page.locator('figure.chart-pair svg').count()).toBeGreaterThanOrEqual(3);
    const byDomain = page.locator('figure.chart-pair table', { hasText: t('nl', 'brief:domainTurnoutTable', { question: BRIEF_TEXT.poll }) });
    expect(await byDomain.locator('tbody tr').first().textContent()).toBe('Mantelzorg1333%');
    expect(await page.locator('figure.chart-pair table').count()).toBe(await page.locator('figure.chart-pair svg').count());

    const pdfLink = page.getByRole('link', { name: t('nl', 'brief:pdf') });
    expect(await pdfLink.getAttribute('href')).toBe(`/board/brief.pdf?meeting=${meetingId}`);
    const pdf = await page.request.get(`${base}/board/brief.pdf?meeting=${meetingId}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const csv = await page.request.get(`${base}/board/brief.csv?meeting=${meetingId}`);
    expect(await csv.text()).toContain(BRIEF_TEXT.action);

    // The action plan: the pillar shows the progress of the action below it, and filters keep its path.
    await page.goto(`${base}/board/plan`);
    expect(await page.locator('ul.tree > li > .item').first().textContent()).toContain('40%');
    await page.getByLabel(t('nl', 'board:field.status')).selectOption('in_progress');
    await page.getByRole('button', { name: t('nl', 'plan:apply') }).click();
    await page.waitForURL(/status=in_progress/);
    expect(await page.locator('.item:not(.context) .title').allTextContents()).toEqual([BRIEF_TEXT.action]);

    await page.goto(`${base}/board/brief?meeting=${meetingId}`);
    // At 1280 px every column of the brief's tables is in view, "last heard" included: no table scrolls sideways.
    await page.setViewportSize({ width: 1280, height: 900 });
    const representation = page.locator('.table-wrap', { hasText: t('nl', 'brief:domainTable') });
    const lastHeard = representation.locator('thead th').last();
    expect(await lastHeard.textContent()).toBe(t('nl', 'brief:col.lastHeard'));
    expect(await clipped(lastHeard), 'the last heard column at 1280px').toEqual({ left: 0, right: 0 });
    expect(await clipped(representation.locator('tbody tr').first().locator('td').last()), 'a last heard date at 1280px').toEqual({ left: 0, right: 0 });
    expect(await sidewaysScroll(page.locator('.brief .table-wrap')), 'tables scrolling sideways at 1280px').toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(page), `brief at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `brief-${width}`);
      await page.goto(`${base}/board`);
      expect(await overflow(page), `board at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `board-${width}`);
      await page.goto(`${base}/board/plan?overdue=1`);
      expect(await overflow(page), `plan at ${width}px`).toBeLessThanOrEqual(0);
      await page.goto(`${base}/board/stats`);
      expect(await page.locator('figure.chart-pair svg').count()).toBe(2);
      expect(await overflow(page), `stats at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `stats-${width}`);
      await page.goto(`${base}/board/brief?meeting=${meetingId}`);
    }
  });
});
