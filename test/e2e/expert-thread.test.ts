import { describe, expect, it } from 'vitest';
import { createPoll, planMeeting, translateContent } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { makePanel } from '../support/harness.js';
import { acceptPrivacy, actAs, findChromium, useBrowserApp } from './helpers.js';
import { overflow, shoot } from './screens.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('an expert keeps the thread, in a real browser', () => {
  const run = useBrowserApp(chromiumPath, {
    env: { STEMMEN_DEMO: '0' },
    seed: async (app) => {
      const p = await makePanel(app.deps, { experts: 4 });
      await seedBrief(app.deps, p);
      const open = await createPoll(app.deps, p.actor('fac'), { question: 'Welke dag past best?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['Maandag', 'Dinsdag'] });
      await translateContent(app.deps, p.actor('fac'), [{ objectType: 'poll', objectId: open.id, field: 'question', language: 'en', text: 'Which day suits best?' }]);
      await planMeeting(app.deps, p.actor('fac'), { title: 'Sessie februari', scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), agenda: 'Welkom\nWat deed het bestuur?' });
    },
  });

  it('shows the next meeting, closed polls with results and the summaries they are quoted in', { timeout: 90_000 }, async () => {
    const { page, base } = run;
    await actAs(page, base, 'e1');
    await acceptPrivacy(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Sessie februari');
    expect(main).toContain('Wat deed het bestuur?');

    const closed = page.locator('section[aria-labelledby="closed-h"]');
    expect(await closed.locator('h3').allTextContents()).toEqual([BRIEF_TEXT.poll]);
    expect(await closed.locator('table').textContent()).toContain('67%');

    const summaries = page.locator('section[aria-labelledby="summaries-h"]');
    await summaries.locator('details summary').first().click();
    expect(await summaries.locator('blockquote.mine').textContent()).toContain(BRIEF_TEXT.quoteNl);
    expect(await summaries.locator('blockquote:not(.mine)').textContent()).toContain(BRIEF_TEXT.quoteFr);

    await closed.getByRole('link', { name: t('nl', 'thread:seeResults') }).click();
    await page.waitForURL(/\/polls\//);
    expect(await page.locator('main h2').first().textContent()).toBe(BRIEF_TEXT.poll);

    await page.goto(`${base}/home`);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(page), `expert home at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `expert-${width}`);
    }
  });

  it('reads the poll in their own language where translated, else the original marked, each with its lang', { timeout: 60_000 }, async () => {
    const { page, base } = run;
    await actAs(page, base, 'e3');
    await acceptPrivacy(page);
    const card = page.locator('section[aria-labelledby="polls-h"] article').first();
    expect(await card.locator('h3 span[lang="en"]').textContent()).toBe('Which day suits best?');
    expect(await card.locator('label span[lang="nl"]').first().textContent()).toBe('Maandag');
    expect(await card.locator('label').first().textContent()).not.toContain(t('en', 'translate:original', { language: t('en', 'common:language.nl') }));
  });
});
