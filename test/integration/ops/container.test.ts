import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../setup/global-postgres.js';

// There is no Docker engine on the machines this runs on: the image is not built here. What is tested is
// that the Dockerfile's steps are the project's own scripts and that those scripts make a compiled app
// that starts on an empty database, passes the image's HEALTHCHECK and stops cleanly on SIGTERM.
const ROOT = resolve(import.meta.dirname, '../../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the Dockerfile and compose.yaml', () => {
  it('builds on Node 24 slim with the npm scripts of package.json and runs as a non-root user', () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
    const runs = [...dockerfile.matchAll(/npm run (\S+)/g)].map((m) => m[1]!);
    expect(runs).toContain('build');
    for (const script of runs) expect(pkg.scripts, script).toHaveProperty(script);
    for (const [, from] of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) {
      if (from !== '.') expect(existsSync(join(ROOT, from!)), from).toBe(true);
    }
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*"node", "scripts\/healthcheck\.mjs"\]$/m);
    // The image starts the same file as `npm start`.
    const cmd = /^CMD \["node", "([^"]+)"\]$/m.exec(dockerfile)?.[1];
    expect(pkg.scripts.start).toBe(`node ${cmd}`);
  });

  it('runs PostgreSQL and two app replicas with secrets from files', () => {
    const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/^ {2}db:\n {4}image: postgres:/m);
    expect(compose).toMatch(/^ {2}app:\n {4}build: \./m);
    expect(compose).toMatch(/replicas: 2/);
    expect(compose).toMatch(/DATABASE_URL_FILE: \/run\/secrets\/database_url/);
    expect(compose).toMatch(/STEMMEN_SECRET_FILE: \/run\/secrets\/stemmen_secret/);
  });
});

describe('the compiled app that the image runs', () => {
  const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-stemmen-build-'));
  const data = mkdtempSync(join(tmpdir(), 'stemmen-container-'));
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out-dir', out], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
    expect(build.status, build.stderr).toBe(0);
  }, 420_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('carries its migrations and catalogs, starts on an empty database, passes the HEALTHCHECK and stops on SIGTERM', async () => {
    for (const lang of ['nl', 'fr', 'en']) expect(existsSync(join(out, 'src/i18n', lang, 'common.json'))).toBe(true);
    expect(existsSync(join(out, 'prisma/migrations/sqlite/migration_lock.toml'))).toBe(true);
    expect(existsSync(join(out, 'prisma/migrations/postgresql/migration_lock.toml'))).toBe(true);

    const port = await freePort();
    const healthcheck = () => spawnSync(process.execPath, ['scripts/healthcheck.mjs'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, timeout: 30_000 }).status;
    expect(healthcheck()).toBe(1);
    const output: string[] = [];
    const child = spawn(process.execPath, [join(out, 'src/main.js')], {
      cwd: data,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `file:${join(data, 'stemmen.db')}`, STEMMEN_SECRET: 'container-secret-container-secret-42', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => output.push(b.toString()));
    child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      for (let i = 0; healthcheck() !== 0; i++) {
        if (child.exitCode !== null || i > 300) throw new Error(`not healthy:\n${output.join('')}`);
        await sleep(200);
      }
      // The board-only site of a production start, in the visitor's language from the catalogs.
      const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'accept-language': 'fr-BE' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('lang="fr"');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(healthcheck()).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
