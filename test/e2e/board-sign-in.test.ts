import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { boardLinkMaker } from '../../src/web-ui/sign-in-link.js';
import { listWebIdentities } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { findChromium, useBrowserApp } from './helpers.js';

const chromiumPath = findChromium();

/**
 * A board member clicks their link in a chat client on another site (as in Slack or Teams in a browser) and
 * lands on the board, in a real browser: the session cookie is SameSite=Strict, so this only works because
 * the step that signs in starts on our own page.
 */
describe.skipIf(!chromiumPath)('signing in to the board pages from a chat link, in a real browser', () => {
  let chat: Server;
  let chatBase: string;
  let link: string;

  // Registered before the app's hooks so that it runs after them: the browser is closed first.
  afterAll(async () => new Promise((resolve) => chat?.close(resolve)));
  const run = useBrowserApp(chromiumPath, {
    env: { STEMMEN_WEB_CHANNEL: '0' },
    seed: async (app, base) => {
      const [tenant] = await listWebIdentities(app.deps);
      const peter = tenant!.members.find((m) => m.displayName.startsWith('Peter'))!;
      link = boardLinkMaker({ secret: app.deps.secret, publicUrl: base, clock: app.deps.clock })({ tenantId: tenant!.tenantId, memberId: peter.id });
      // "The chat client": another site (localhost is not the same site as 127.0.0.1) with the link on it.
      chat = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><a href="${link}">Open the board pages</a>`));
      await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve));
      const address = chat.address();
      chatBase = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    },
  });

  it('opens the board after one click on our page; the link then no longer works', { timeout: 60_000 }, async () => {
    const { base, context, page } = run;
    await page.goto(`${chatBase}/`);
    await page.getByRole('link', { name: 'Open the board pages' }).click();
    await page.waitForURL(/\/auth\/link\?t=/);
    expect(await page.locator('main').textContent()).toContain('Peter (bestuur)');
    await page.getByRole('button', { name: t('nl', 'web:signIn.continueBoard') }).click();
    await page.waitForURL(/\/board$/);
    expect(await page.locator('h1').textContent()).toBe(t('nl', 'board:title'));
    const [cookie] = await context.cookies(base);
    expect(cookie).toMatchObject({ name: 'stemmen_session', httpOnly: true, sameSite: 'Strict' });

    // Back in the chat, the same link again: used; the page offers the board, where this browser is still signed in.
    await page.goto(`${chatBase}/`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/auth/link')), page.getByRole('link', { name: 'Open the board pages' }).click()]);
    expect(response.status()).toBe(410);
    expect(await page.locator('#alert').textContent()).toContain(t('nl', 'web:signIn.used'));
    await page.getByRole('link', { name: t('nl', 'web:signIn.alreadyIn') }).click();
    await page.waitForURL(/\/board$/);
    expect(await page.locator('h1').textContent()).toBe(t('nl', 'board:title'));

    // Signing out: the board refuses and says how to get in.
    await page.getByRole('button', { name: t('nl', 'web:signIn.signOut') }).click();
    await page.waitForURL(`${base}/`);
    const refused = await page.goto(`${base}/board`);
    expect(refused?.status()).toBe(401);
    expect(await page.locator('#alert').textContent()).toContain(t('en', 'web:signIn.needLink')); // nobody signed in: the browser's language
  });
});
