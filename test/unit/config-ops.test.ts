import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseConfig } from '../../src/config.js';

const SECRET = 'a-secret-that-is-long-enough-for-stemmen';

describe('secrets from files (NAME_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-secret-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads the value from the file, without its trailing newline', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      STEMMEN_SECRET_FILE: file('secret', `${SECRET}\n`),
      OPENAI_API_KEY_FILE: file('openai', 'sk-from-a-file\r\n'),
      DATABASE_URL_FILE: file('db', 'postgresql://stemmen:pw@db:5432/stemmen\n'),
    });
    expect(config.secret).toBe(SECRET);
    expect(config.llm).toMatchObject({ provider: 'openai', apiKey: 'sk-from-a-file' });
    expect(config.databaseUrl).toBe('postgresql://stemmen:pw@db:5432/stemmen');
    expect(loadDatabaseConfig({ DATABASE_URL_FILE: file('db2', 'file:./x.db') }).databaseUrl).toBe('file:./x.db');
  });

  it('refuses both NAME and NAME_FILE, and files it cannot read, naming each', () => {
    let error: unknown;
    try {
      loadConfig({ STEMMEN_SECRET: SECRET, STEMMEN_SECRET_FILE: file('s2', SECRET), SLACK_BOT_TOKEN_FILE: join(dir, 'missing') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'STEMMEN_SECRET_FILE: set STEMMEN_SECRET or STEMMEN_SECRET_FILE, not both',
      `SLACK_BOT_TOKEN_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`,
    ]);
  });

  it('validates a value from a file like any other', () => {
    expect(() => loadConfig({ STEMMEN_SECRET_FILE: file('short', 'too-short') })).toThrow(/STEMMEN_SECRET: must be at least 32 characters/);
  });
});

describe('operations settings', () => {
  it('has metrics off, the access log on and a 20 s shutdown by default', () => {
    const { ops } = loadConfig({ STEMMEN_SECRET: SECRET });
    expect(ops).toEqual({ accessLog: true, metrics: null, shutdownMs: 20_000, dbConcurrency: null });
  });

  it('serves metrics with a token, or open only when asked, never both', () => {
    expect(loadConfig({ STEMMEN_SECRET: SECRET, STEMMEN_METRICS_TOKEN: 'x'.repeat(16) }).ops.metrics).toEqual({ path: '/metrics', token: 'x'.repeat(16) });
    expect(loadConfig({ STEMMEN_SECRET: SECRET, STEMMEN_METRICS_OPEN: '1', STEMMEN_METRICS_PATH: '/internal/metrics' }).ops.metrics).toEqual({ path: '/internal/metrics', token: null });
    expect(() => loadConfig({ STEMMEN_SECRET: SECRET, STEMMEN_METRICS_OPEN: '1', STEMMEN_METRICS_TOKEN: 'x'.repeat(16) })).toThrow(/STEMMEN_METRICS_OPEN/);
  });
});

describe('Teams app type', () => {
  const teams = { STEMMEN_SECRET: SECRET, MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'pw' };

  it('is SingleTenant by default and then needs the tenant id', () => {
    expect(() => loadConfig(teams)).toThrow(/MICROSOFT_APP_TENANT_ID: required for a SingleTenant bot/);
    expect(loadConfig({ ...teams, MICROSOFT_APP_TENANT_ID: 'contoso-tenant' }).teams).toMatchObject({ appType: 'SingleTenant', tenantId: 'contoso-tenant' });
  });

  it('is MultiTenant only when asked for', () => {
    expect(loadConfig({ ...teams, MICROSOFT_APP_TYPE: 'MultiTenant' }).teams).toMatchObject({ appType: 'MultiTenant', tenantId: null });
  });
});
