import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { listWebIdentities } from '../../../src/core/index.js';
import { hasPostgresBinaries, startPrivateServer, type PrivateServer } from '../../support/pg-server.js';

const SECRET = 'health-secret-health-secret-health-42';
const TOKEN = 'metrics-token-0123456789';

describe('health, readiness, metrics and the access log on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-health-'));
  const lines: string[] = [];
  let app: App;
  let url: string;
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const env = { NODE_ENV: 'test', PORT: '0', DATABASE_URL: `file:${join(dir, 'x.db')}`, STEMMEN_DEMO: '1', STEMMEN_SECRET: SECRET, STEMMEN_METRICS_TOKEN: TOKEN };
    app = await createApp(loadConfig(env), { logger });
    url = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz once migrated', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves metrics only with the token, with route labels and no ids', async () => {
    const [tenant] = await listWebIdentities(app.deps);
    const member = tenant!.members[0]!.id;
    await fetch(`${url}/session`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: `tenant=${tenant!.tenantId}&member=${member}` });
    await fetch(`${url}/board/items/${member}?lang=fr`, { redirect: 'manual' });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of ['stemmen_http_request_duration_seconds_bucket', 'stemmen_channel_ack_seconds_bucket', 'stemmen_outbox_depth', 'stemmen_outbox_oldest_age_seconds', 'stemmen_job_runs_total', 'stemmen_process_resident_memory_bytes']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('route="/session"');
    expect(text).toContain('channel="web"');
    expect(text).not.toContain(member);
    expect(text).not.toContain(tenant!.tenantId);
  });

  it('logs each request without ids, query strings or client addresses', async () => {
    const [tenant] = await listWebIdentities(app.deps);
    await fetch(`${url}/board/items/${tenant!.tenantId}?lang=fr&token=abc`, { redirect: 'manual' });
    const http = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'http');
    expect(http.length).toBeGreaterThan(2);
    expect(http).toContainEqual(expect.objectContaining({ method: 'GET', route: '/healthz', status: 200 }));
    // Ids are allowed in other log lines; the access log has no need for them.
    const joined = JSON.stringify(http);
    expect(joined).not.toContain(tenant!.tenantId);
    expect(joined).not.toContain('token=abc');
    expect(joined).not.toContain('127.0.0.1');
    expect(joined).not.toContain('"url"');
  });
});

describe('metrics are off unless configured', () => {
  it('has no metrics path by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stemmen-nometrics-'));
    const app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: `file:${join(dir, 'x.db')}`, STEMMEN_DEMO: '0', STEMMEN_SECRET: SECRET, LOG_LEVEL: 'silent' }));
    try {
      const url = `http://127.0.0.1:${await app.listen()}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(hasPostgresBinaries())('readiness follows the PostgreSQL server', () => {
  let server: PrivateServer;
  let app: App;
  beforeAll(async () => {
    server = await startPrivateServer();
    app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: server.url, STEMMEN_DEMO: '0', STEMMEN_SECRET: SECRET, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await app?.close();
    server?.destroy();
  });

  it('is not ready while the server is stopped, and ready again after it restarts', async () => {
    const url = `http://127.0.0.1:${await app.listen()}`;
    const readyz = async () => ({ status: (await fetch(`${url}/readyz`)).status, state: await app.ready() });
    expect((await readyz()).status).toBe(200);

    server.stop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.state).toEqual({ ready: false, reason: 'database_unreachable' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    server.start();
    // The pool drops connections the stopped server closed; a probe may still meet one that it has not
    // noticed yet, so ask a few times (no timing involved: each probe is one query).
    let up = await readyz();
    for (let i = 0; i < 5 && up.status !== 200; i++) up = await readyz();
    expect(up.status).toBe(200);
    expect(up.state).toEqual({ ready: true });
  });
});
