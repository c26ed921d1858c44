// The demo zone of the local web channel over real HTTP, signed in as some of its members, for tests that
// use the pages as a browser would (forms posted with the app's origin, cookies kept per member).
import { rmSync } from 'node:fs';
import type { App } from '../../src/app.js';
import { listWebIdentities, resolveActor, type Actor } from '../../src/core/index.js';
import { startApp } from '../e2e/helpers.js';

export interface WebZone {
  app: App;
  base: string;
  tenantId: string;
  /** Member ids by display name. */
  ids: Map<string, string>;
  /** Session cookies of the members signed in, by display name. */
  cookies: Map<string, string>;
  post(path: string, body: string, cookie: string): Promise<Response>;
  get(path: string, cookie: string): Promise<Response>;
  /** A page's HTML with the entities our templates write turned back into characters. */
  page(path: string, cookie: string): Promise<string>;
  actor(name: string): Promise<Actor>;
  close(): Promise<void>;
}

export const decodeHtml = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export async function startWebZone(signedIn: string[]): Promise<WebZone> {
  const { app, base, dir } = await startApp();
  const [tenant] = await listWebIdentities(app.deps);
  const tenantId = tenant!.tenantId;
  const ids = new Map(tenant!.members.map((m) => [m.displayName, m.id]));
  const cookies = new Map<string, string>();
  const post = (path: string, body: string, cookie: string) =>
    fetch(base + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie }, body });
  const get = (path: string, cookie: string) => fetch(base + path, { redirect: 'manual', headers: { cookie } });
  for (const name of signedIn) {
    const res = await post('/session', `tenant=${tenantId}&member=${ids.get(name)}`, '');
    cookies.set(name, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  return {
    app,
    base,
    tenantId,
    ids,
    cookies,
    post,
    get,
    page: async (path, cookie) => decodeHtml(await (await get(path, cookie)).text()),
    actor: (name) => resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! }),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
