import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { listContributions, listIdeaRounds, listWebIdentities, resolveActor, type Actor } from '../../src/core/index.js';

/** Debian's Chromium (`apt-get install -y chromium`), or null when it is not installed (which CI does not allow). */
export function findChromium(): string | null {
  let path: string | null;
  try {
    path = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    path = null;
  }
  if (!path && process.env.CI) throw new Error('Chromium is required in CI: apt-get install -y chromium');
  return path;
}

/** The real app on a fresh SQLite file with the demo panel, listening on a free port; `env` adds settings. */
export async function startApp(env: Record<string, string> = {}): Promise<{ app: App; base: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-e2e-'));
  const app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
      STEMMEN_DEMO: '1',
      LOG_LEVEL: 'silent',
      STEMMEN_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
      ...env,
    }),
  );
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}`, dir };
}

export async function launchBrowser(executablePath: string, dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 900 },
  });
}

export interface BrowserRun {
  app: App;
  base: string;
  dir: string;
  context: BrowserContext;
  page: Page;
}

/**
 * For a describe block: before its tests, the app (`startApp(env)`), then `seed` on it, then a page in a
 * fresh Chromium profile; after them, all of it closed and removed. The returned object is filled in by the
 * time tests run.
 */
export function useBrowserApp(
  chromiumPath: string | null,
  opts: { env?: Record<string, string>; seed?: (app: App, base: string) => Promise<void> } = {},
): BrowserRun {
  const run = {} as BrowserRun;
  beforeAll(async () => {
    Object.assign(run, await startApp(opts.env));
    await opts.seed?.(run.app, run.base);
    run.context = await launchBrowser(chromiumPath!, run.dir);
    run.page = await run.context.newPage();
  });
  afterAll(async () => {
    await run.context?.close();
    await run.app?.close();
    if (run.dir) rmSync(run.dir, { recursive: true, force: true });
  });
  return run;
}

/** The web actor of the (first) demo member whose name starts with `name`. */
export async function demoActor(app: App, name: string): Promise<Actor> {
  const [tenant] = await listWebIdentities(app.deps);
  const member = tenant!.members.find((m) => m.displayName.startsWith(name))!;
  return resolveActor(app.deps, { tenantId: tenant!.tenantId, channel: 'web', externalId: member.id });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Picks a member on the local picker, as a person at this computer would. */
export async function actAs(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: new RegExp(`^${escape(name)}(\\s|$)`) }).click();
  await page.waitForURL(/\/home$/);
}

/** The text of the page's alert region, or ''. */
export async function alertText(page: Page): Promise<string> {
  const alert = page.locator('#alert p').first();
  return (await alert.count()) > 0 ? ((await alert.textContent()) ?? '').trim() : '';
}

export async function statusText(page: Page): Promise<string> {
  return ((await page.locator('main [role=status]').textContent()) ?? '').trim();
}

/** Submits a form by its button and returns the HTTP status of the page it lands on (after any redirect). */
export async function submit(page: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)),
    button.click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

/** How many contributions the (first) question of the month holds, as the facilitator sees them. */
export async function countContributions(app: App): Promise<number> {
  const actor = await demoActor(app, 'Sofie');
  const [round] = await listIdeaRounds(app.deps, actor);
  return round ? (await listContributions(app.deps, actor, round.id)).length : 0;
}

/**
 * An expert who has not answered the privacy notice yet accepts it, as they would: the banner on their
 * home page leads to the notice, and "I agree and take part" brings them back home.
 */
export async function acceptPrivacy(page: Page): Promise<void> {
  const banner = page.locator('#privacy-banner');
  if ((await banner.count()) === 0) return;
  await banner.getByRole('link').click();
  await page.waitForURL(/\/privacy$/);
  await page.locator('form[action="/privacy/accept"] button').first().click();
  await page.waitForURL(/done=privacy_accepted/);
}
