import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { listWebIdentities } from '../../../src/core/index.js';
import { html } from '../../../src/web-ui/html.js';
import { t } from '../../../src/i18n/index.js';

/** A catalog text as the page shows it (HTML-escaped). */
const shown = (text: string) => html`${text}`.value;

// The Teams manifest links to /privacy and /terms: they must answer in every mode, to anyone.
describe.each([
  { mode: 'the local web channel', web: '1' },
  { mode: 'the board-only site (production with Slack or Teams)', web: '0' },
])('/privacy and /terms on $mode', ({ web }) => {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-legal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are served in Dutch, French and English without signing in', async () => {
    const app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: `file:${join(dir, 'x.db')}`, STEMMEN_DEMO: web, STEMMEN_WEB_CHANNEL: web, STEMMEN_SECRET: 'legal-secret-legal-secret-legal-secret', LOG_LEVEL: 'silent' }));
    try {
      const url = `http://127.0.0.1:${await app.listen()}`;
      for (const lang of ['nl', 'fr', 'en'] as const) {
        for (const [path, title] of [['/privacy', 'legal:privacy.title'], ['/terms', 'legal:terms.title']] as const) {
          const res = await fetch(`${url}${path}?lang=${lang}`, { redirect: 'manual' });
          expect(res.status, `${path} ${lang}`).toBe(200);
          const page = await res.text();
          expect(page).toContain(`<html lang="${lang}">`);
          expect(page).toContain(shown(t(lang, title)));
        }
      }
      const browser = await fetch(`${url}/terms`, { headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
      expect(await browser.text()).toContain(shown(t('fr', 'legal:terms.title')));
      if (web === '1') {
        // A signed-in member gets their own privacy page, with what they can do there.
        const [tenant] = await listWebIdentities(app.deps);
        const login = await fetch(`${url}/session`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: `tenant=${tenant!.tenantId}&member=${tenant!.members[0]!.id}` });
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const own = await (await fetch(`${url}/privacy`, { headers: { cookie } })).text();
        expect(own).toContain('action="/privacy/');
      }
    } finally {
      await app.close();
    }
  });
});
