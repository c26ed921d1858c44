import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../setup/global-postgres.js';

/** One POST whose headers the server has read (it answered 100 Continue) but whose body is not sent yet. */
function heldRequest(port: number, path: string, body: string, origin: string) {
  return new Promise<{ finish(): Promise<{ status: number; location: string | undefined }> }>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin, expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; location: string | undefined }>((done, fail) => {
      req.once('response', (res) => {
        res.resume();
        res.once('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location }));
      });
      req.once('error', fail);
    });
    req.once('error', reject);
    req.once('continue', () =>
      resolve({
        finish: () => {
          req.end(body);
          return answered;
        },
      }),
    );
    req.flushHeaders();
  });
}

describe('SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-sigterm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops taking connections, completes every request in flight, then exits 0', async () => {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATABASE_URL: `file:${join(dir, 'x.db')}`, STEMMEN_DEMO: '1', STEMMEN_WEB_CHANNEL: '1', STEMMEN_SECRET: 'sigterm-secret-sigterm-secret-sigterm-42', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => output.push(b.toString()));
    child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      // Waits for the child to come up: each probe is one connection attempt, refused until it listens.
      for (let i = 0; ; i++) {
        if (child.exitCode !== null) throw new Error(`the app exited early:\n${output.join('')}`);
        if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
        if (i > 600) throw new Error(`the app did not become ready:\n${output.join('')}`);
        await sleep(100);
      }
      const page = await (await fetch(`${url}/`)).text();
      const tenant = /name="tenant" value="([^"]+)"/.exec(page)![1]!;
      const members = [...page.matchAll(/name="member" value="([^"]+)"/g)].map((m) => m[1]!);
      expect(members.length).toBeGreaterThanOrEqual(5);

      const held = await Promise.all(members.slice(0, 5).map((m) => heldRequest(port, '/session', `tenant=${tenant}&member=${m}`, url)));
      child.kill('SIGTERM');
      // Once stopping, the instance reports itself unready or refuses connections: either way no new work.
      for (let i = 0; ; i++) {
        const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
        if (status === 503 || status === 0) break;
        if (i > 600) throw new Error('still ready after SIGTERM');
        await sleep(50);
      }
      const answers = await Promise.all(held.map((h) => h.finish()));
      expect(answers).toEqual(members.slice(0, 5).map(() => ({ status: 303, location: '/home' })));
      expect(await exited).toBe(0);
      expect(await fetch(`${url}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
      const log = output.join('');
      expect(log).toContain('"msg":"stopped"');
      expect(log).not.toContain('ran out of time');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});
