import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeKeySet, signToken, type KeySet } from './teams-keys.js';

/** One call the bot made to "Teams" (the Bot connector at the activity's serviceUrl). */
export interface Recorded {
  method: string;
  kind: 'send' | 'reply' | 'create' | 'update' | 'delete';
  conversationId: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

type Waiter = { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void };

/**
 * A loopback stand-in for what lives outside the app: Entra's signing keys (OpenID configuration and JWKS),
 * the App Service managed-identity endpoint that hands the bot its outgoing token, and the Bot connector
 * that receives replies and proactive messages. It records every message so tests can read them.
 */
export class TeamsStandIn {
  readonly sent: Recorded[] = [];
  readonly keys: KeySet = makeKeySet();
  readonly tenantId = '6a1f3c52-1d0b-4a9e-9a39-2c1f6f0e5b7d';
  readonly identityHeader = 'stand-in-identity-header';
  botTokensIssued = 0;
  private readonly failures = new Map<string, { status: number; retryAfter: string; left: number }>();
  private readonly waiters = new Set<Waiter>();
  private created = 0;
  /** Personal chats Teams already has with a user (by user id): opening one again returns it. */
  readonly personalChats = new Map<string, string>();
  /** Activities the bot posted, by conversation, until it deletes them. */
  readonly activities = new Map<string, Set<string>>();
  private server!: Server;
  url = '';

  static async start(): Promise<TeamsStandIn> {
    const standIn = new TeamsStandIn();
    standIn.server = createServer((req, res) => void standIn.handle(req, res));
    standIn.server.listen(0, '127.0.0.1');
    await once(standIn.server, 'listening');
    standIn.url = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  get serviceUrl(): string {
    return `${this.url}/`;
  }

  get issuer(): string {
    return `${this.url}/${this.tenantId}/v2.0`;
  }

  /** A token as Bot Service would sign it for this app; override claims to make bad ones. */
  token(appId: string, claims: Record<string, unknown> = {}, keys: Pick<KeySet, 'kid' | 'privateKey'> = this.keys): string {
    const now = Math.floor(Date.now() / 1000);
    return signToken(keys, { iss: this.issuer, aud: appId, iat: now - 5, nbf: now - 5, exp: now + 3600, serviceurl: this.serviceUrl, ...claims });
  }

  /** The next `times` messages to this conversation get `status` (e.g. 429 with Retry-After). */
  failNext(conversationId: string, status: number, retryAfter = '0', times = 1): void {
    this.failures.set(conversationId, { status, retryAfter, left: times });
  }

  /** Resolves with the first recorded call (past or future) that matches; fails after `ms`. */
  waitFor(match: (r: Recorded) => boolean, ms = 15_000): Promise<Recorded> {
    const found = this.sent.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { match, resolve };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (!this.waiters.delete(waiter)) return;
        reject(new Error(`no matching message within ${ms} ms; recorded: ${this.sent.map((r) => `${r.kind}:${r.conversationId}`).join(', ')}`));
      }, ms).unref();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(r: Recorded): void {
    this.sent.push(r);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(r)) {
        this.waiters.delete(waiter);
        waiter.resolve(r);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === `/${this.tenantId}/v2.0/.well-known/openid-configuration`) {
      return json(200, { issuer: this.issuer, jwks_uri: `${this.url}/${this.tenantId}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && url.pathname === `/${this.tenantId}/discovery/v2.0/keys`) return json(200, this.keys.jwks);
    if (req.method === 'GET' && url.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== this.identityHeader) return json(401, { error: 'bad identity header' });
      this.botTokensIssued += 1;
      const expires = Math.floor(Date.now() / 1000) + 3600;
      return json(200, { access_token: `bot-token-${this.botTokensIssued}`, expires_on: String(expires), resource: url.searchParams.get('resource'), token_type: 'Bearer' });
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    if (req.method === 'POST' && url.pathname === '/v3/conversations') {
      this.created += 1;
      const member = (body.members as { id: string }[] | undefined)?.[0]?.id ?? 'unknown';
      const conversationId = this.personalChats.get(member) ?? `a:opened-${member}`;
      this.record({ method: 'POST', kind: 'create', conversationId, authorization, body });
      return json(201, { id: conversationId, activityId: `c${this.created}` });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return json(404, { error: 'not a connector route' });
    const conversationId = decodeURIComponent(match[1]!);
    const failure = this.failures.get(conversationId);
    if (failure && failure.left > 0 && req.method === 'POST') {
      failure.left -= 1;
      return json(failure.status, { error: { code: 'TooManyRequests' } }, { 'retry-after': failure.retryAfter });
    }
    if (req.method === 'DELETE') {
      // As the connector: only an activity the bot posted in that conversation can be deleted, once.
      const posted = this.activities.get(conversationId);
      if (!match[2] || !posted?.delete(decodeURIComponent(match[2]))) return json(404, { error: { code: 'NotFound', message: 'The activity was not found.' } });
      this.record({ method: 'DELETE', kind: 'delete', conversationId, authorization, body: { activityId: decodeURIComponent(match[2]) } });
      return json(200, {});
    }
    const kind = req.method === 'PUT' ? 'update' : match[2] ? 'reply' : 'send';
    this.record({ method: req.method ?? '', kind, conversationId, authorization, body });
    const id = kind === 'update' ? decodeURIComponent(match[2]!) : `m${this.sent.length}`;
    this.activities.set(conversationId, (this.activities.get(conversationId) ?? new Set()).add(id));
    return json(200, { id });
  }
}
