import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'stemmen-config-'));

describe('configuration', () => {
  it('has embedded defaults for local use', () => {
    const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'x.db')}` });
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.webChannel).toBe(true);
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATABASE_URL: `file:${join(dir, 'x.db')}` }).secret).toBe(config.secret); // stable across restarts
  });

  it('names every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', STEMMEN_DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'STEMMEN_DEMO']) expect(message).toContain(name);
  });

  it('requires a secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/STEMMEN_SECRET/);
  });

  it('exits non-zero and starts nothing on invalid config', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'nope', LOG_LEVEL: 'shout', DATABASE_URL: `file:${join(dir, 'never.db')}` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(run.stdout).not.toContain('listening');
  });
});
