import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoll, type PollRecord } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { completion, startStandIn, type StandIn } from '../support/openai-standin.js';
import { actAs, demoActor, findChromium, submit, useBrowserApp } from './helpers.js';
import { overflow, shoot } from './screens.js';

const chromiumPath = findChromium();

/** A model that "translates" by tagging each text with the language asked for. */
function tagging(): Parameters<typeof startStandIn>[0] {
  return (request) => {
    const user = request.body.messages.find((m) => m.role === 'user')?.content ?? '';
    const system = request.body.messages.find((m) => m.role === 'system')?.content ?? '';
    const texts = (/<texts id="[0-9a-f]+">\n([\s\S]*?)\n<\/texts/.exec(user)?.[1] ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
    const to = [...(/Use the language codes (.*) in "language"/.exec(system)?.[1] ?? '').matchAll(/"(nl|fr|en)"/g)].map((m) => m[1]!);
    return completion(JSON.stringify({ translations: texts.flatMap((x) => to.map((language) => ({ id: x.id, language, text: `[${language}] ${x.text}` }))) }));
  };
}

describe.skipIf(!chromiumPath)('drafted translations in a real browser', () => {
  let standIn: StandIn;
  let poll: PollRecord;
  // Filled before the app starts (hooks run in the order they are registered).
  const env: Record<string, string> = {};
  beforeAll(async () => {
    standIn = await startStandIn(tagging());
    Object.assign(env, { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${standIn.url}/v1`, LLM_MAX_RETRIES: '0' });
  });
  afterAll(async () => standIn?.close());
  const run = useBrowserApp(chromiumPath, {
    env,
    seed: async (app) => {
      poll = await createPoll(app.deps, await demoActor(app, 'Sofie'), { question: 'Welk vervoer mist u het meest?', kind: 'single', options: ['De bus', 'Een taxi'] });
    },
  });

  it('asks the model for the missing translations, marks the drafts, and confirms them; fits 375 px', { timeout: 90_000 }, async () => {
    const { page, base } = run;
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await actAs(page, base, 'Sofie');
    await page.goto(`${base}/board/translations`);
    const form = page.locator(`#tr-poll-${poll.id}`);
    expect(await page.locator('#drafting-note').textContent()).toBe(t('nl', 'translate:drafting'));
    expect(await submit(page, form.getByRole('button', { name: t('nl', 'translate:askDrafts') }))).toBe(200);
    expect(page.url()).toContain('done=translations_drafted');
    // Question and two options, each in French and English.
    expect(await form.locator('.draft-mark').count()).toBe(6);
    const french = form.getByLabel(t('nl', 'translate:into', { language: t('nl', 'common:language.fr') })).first();
    expect(await french.inputValue()).toBe('[fr] Welk vervoer mist u het meest?');
    expect(await french.getAttribute('aria-describedby')).toMatch(/-draft$/);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(page), `translations with drafts at ${width}px`).toBeLessThanOrEqual(0);
      await shoot(page, `translation-drafts-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    expect(await submit(page, form.getByRole('button', { name: t('nl', 'translate:confirm') }))).toBe(200);
    expect(await page.locator(`#tr-poll-${poll.id} .draft-mark`).count()).toBe(0);
    expect(violations).toEqual([]);
    expect(standIn.requests).toHaveLength(1);
  });
});
