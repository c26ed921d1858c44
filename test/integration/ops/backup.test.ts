import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { castBallot, createPoll } from '../../../src/core/index.js';
import { backupSqlite } from '../../../src/store/backup.js';
import { makePanel, openHarness } from '../../support/harness.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdin: async () => '' } };
}

describe('npm run cli -- backup <file> (SQLite online backup)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the live database, WAL included, and the copy restores to the same state', async () => {
    const url = `file:${join(dir, 'live.db')}`;
    const h = await openHarness(url);
    const ops = { backup: (file: string) => backupSqlite(url, file) };
    const noDeps = async () => {
      throw new Error('backup must not open the app');
    };
    try {
      const p = await makePanel(h.deps, { experts: 30 });
      const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Welke dag?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['Maandag', 'Dinsdag'] });
      // Writes still going on while the backup runs: the copy holds a consistent moment.
      const votes = Promise.all(Array.from({ length: 30 }, (_, i) => castBallot(h.deps, p.actor(`e${i + 1}`), poll.id, { optionIds: [poll.options[i % 2]!.id] })));
      const first = io();
      expect(await runCli(['backup', join(dir, 'during.db')], first.io, noDeps, ops)).toBe(0);
      await votes;
      expect(JSON.parse(first.out.join('')).pages).toBeGreaterThan(0);
      expect(first.err.join('')).toContain('STEMMEN_SECRET');

      const second = io();
      expect(await runCli(['backup', join(dir, 'after.db')], second.io, noDeps, ops)).toBe(0);
      await expect(backupSqlite(url, join(dir, 'after.db'))).rejects.toThrow(/exists already/);
      await expect(backupSqlite('postgresql://x@127.0.0.1/db', join(dir, 'pg.db'))).rejects.toThrow(/pg_dump/);

      // Restore: the backup file put in place of a database, opened as the app would.
      copyFileSync(join(dir, 'after.db'), join(dir, 'restored.db'));
      const restored = await openHarness(`file:${join(dir, 'restored.db')}`);
      try {
        const ballots = await restored.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
        expect(ballots).toHaveLength(30);
        const during = await openHarness(`file:${join(dir, 'during.db')}`);
        try {
          const some = await during.deps.store.transaction((repos) => repos.polls.listBallots(poll.id));
          expect(some.length).toBeLessThanOrEqual(30);
          const members = await during.deps.store.transaction((repos) => repos.members.listByPanel(p.panel.id));
          expect(members).toHaveLength(p.members.length);
        } finally {
          await during.close();
        }
      } finally {
        await restored.close();
      }
      expect(existsSync(join(dir, 'live.db'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
