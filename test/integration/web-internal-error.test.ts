import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { acceptParticipation, listWebIdentities, openIdeaRound, resolveActor, submitContribution } from '../../src/core/index.js';
/** The web pages' one error handler, for errors that are nobody's input: real HTTP, a synthesizer that breaks. */
describe('an unexpected error in the web pages', () => {
  it('is logged with ids and codes only and shown as a generic apology with 500', async () => {
    const secretText = 'Mijn geheime verhaal over mijn ziekte';
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const where = mkdtempSync(join(tmpdir(), 'stemmen-500-'));
    const broken = await createApp(
      loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: `file:${join(where, 'x.db')}`, STEMMEN_DEMO: '1', LOG_LEVEL: 'silent', STEMMEN_SECRET: 'another-secret-that-is-long-enough-42' }),
      { logger, synthesizer: { synthesize: async () => { throw new Error(`synthesis failed on: ${secretText}`); } } },
    );
    try {
      const url = `http://127.0.0.1:${await broken.listen()}`;
      const [tenant] = await listWebIdentities(broken.deps);
      const member = (name: string) => tenant!.members.find((m) => m.displayName.startsWith(name))!.id;
      const as = (name: string) => resolveActor(broken.deps, { tenantId: tenant!.tenantId, channel: 'web', externalId: member(name) });
      const round = await openIdeaRound(broken.deps, await as('Sofie'), { question: 'Wat helpt?' });
      await acceptParticipation(broken.deps, await as('An'));
      await submitContribution(broken.deps, await as('An'), { roundId: round.id, whatHappens: secretText, attribution: 'named' });
      const login = await fetch(`${url}/session`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: `tenant=${tenant!.tenantId}&member=${member('Sofie')}` });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const res = await fetch(`${url}/panel/rounds/${round.id}/summaries`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, cookie }, body: 'title=Geheim+verslag&language=nl' });
      expect(res.status).toBe(500);
      const page = await res.text();
      expect(page).toContain('Er ging bij ons iets mis. Er is niets veranderd.');
      expect(page).not.toContain(secretText);
      expect(page).not.toMatch(/at \S+ \(/);
      const logged = lines.join('');
      expect(logged).toContain('web request failed');
      expect(logged).toContain(round.id);
      expect(logged).not.toContain(secretText);
      expect(logged).not.toContain('Geheim');
      expect(logged).not.toContain('Sofie');
    } finally {
      await broken.close();
      rmSync(where, { recursive: true, force: true });
    }
  });
});
