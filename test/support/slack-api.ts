// A loopback stand-in for the Slack Web API: records every call and answers like Slack does for the
// methods the bot uses. Not a mock of the SDK: the real @slack/web-api client talks to it over HTTP.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** HTTP status we answered with (429 for an injected rate limit). */
  status: number;
  /** What we answered (besides ok). */
  result?: Record<string, unknown>;
}

export interface SlackUser {
  name: string;
  locale?: string;
  isBot?: boolean;
}

interface StoredMessage {
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: unknown;
}

type Fault = { status: 429; retryAfter: number } | { error: string };

const JSON_ARGS = new Set(['blocks', 'view', 'metadata', 'attachments']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = JSON_ARGS.has(key) && /^[[{]/.test(value) ? JSON.parse(value) : value;
  return out;
}

export class SlackApiStandIn {
  readonly calls: ApiCall[] = [];
  readonly users = new Map<string, SlackUser>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly views = new Map<string, Record<string, unknown>>();
  /** Messages the bot deleted (chat.delete), in order. */
  readonly deleted: { channel: string; ts: string }[] = [];
  /** Extra routes (Socket Mode upgrade) are attached by other helpers. */
  readonly server: Server;
  team = { id: 'T0TEST', name: 'Zone Test' };
  socketUrl: string | null = null;
  oauthTeam: { id: string; name: string } | null = null;
  #faults = new Map<string, Fault[]>();
  #seq = 0;
  #view = 0;

  constructor() {
    this.server = createServer((req, res) => void this.#handle(req, res));
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next call of `method` fails once as given (a 429 with Retry-After, or a Slack error). */
  failNext(method: string, fault: Fault): void {
    this.#faults.set(method, [...(this.#faults.get(method) ?? []), fault]);
  }

  of(method: string, filter: (call: ApiCall) => boolean = () => true): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && filter(c));
  }

  last(method: string, filter?: (call: ApiCall) => boolean): ApiCall {
    const found = this.of(method, filter).at(-1);
    if (!found) throw new Error(`no ${method} call recorded`);
    return found;
  }

  /** DMs: conversations.open gives D + user id, so a test can tell whose DM a message went to. */
  dmOf(userId: string): string {
    return `D${userId}`;
  }

  /** Message timestamps as Slack makes them: seconds since the epoch, unique per message. */
  #nextTs(): string {
    this.#seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.#seq).padStart(6, '0')}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', args: { ...(JSON.parse(raw || '{}') as object), url: path }, token: null, status: 200 });
      return send(200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : null;
    const fault = this.#faults.get(method)?.shift();
    if (fault && 'status' in fault) {
      this.calls.push({ method, args, token, status: 429 });
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
    }
    const call: ApiCall = { method, args, token, status: 200 };
    this.calls.push(call);
    if (fault) return send(200, { ok: false, error: fault.error });
    const answer = this.#answer(method, args);
    if ('error' in answer && typeof answer.error === 'string') return send(200, { ok: false, error: answer.error });
    call.result = answer;
    send(200, { ok: true, ...call.result });
  }

  #answer(method: string, args: Record<string, unknown>): Record<string, unknown> | { error: string } {
    switch (method) {
      case 'auth.test':
        return { url: 'https://zone-test.slack.com/', team: this.team.name, team_id: this.team.id, user_id: 'UBOT', bot_id: 'BBOT', user: 'stemmen' };
      case 'bots.info':
        return args.bot === 'BBOT' ? { bot: { id: 'BBOT', deleted: false, name: 'stemmen', app_id: 'A0TEST', user_id: 'UBOT' } } : { error: 'bot_not_found' };
      case 'users.info': {
        const id = String(args.user);
        const user = this.users.get(id) ?? { name: `user-${id}` };
        return { user: { id, name: user.name, real_name: user.name, is_bot: user.isBot ?? false, deleted: false, locale: user.locale, profile: { display_name: user.name } } };
      }
      case 'conversations.open':
        return { channel: { id: this.dmOf(String(args.users)) } };
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const ts = this.#nextTs();
        const message = { ts, text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [], ...(args.metadata ? { metadata: args.metadata } : {}) };
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        return { channel, ts, message: { type: 'message', ...message, bot_id: 'BBOT' } };
      }
      case 'chat.update': {
        const list = this.messages.get(String(args.channel)) ?? [];
        const found = list.find((m) => m.ts === args.ts);
        if (found) Object.assign(found, { text: String(args.text ?? ''), blocks: args.blocks ?? [], ...(args.metadata ? { metadata: args.metadata } : {}) });
        return { channel: args.channel, ts: args.ts };
      }
      case 'chat.delete': {
        // As Slack: a message that does not exist (or is already deleted) is message_not_found.
        const list = this.messages.get(String(args.channel));
        if (!list) return { error: 'channel_not_found' };
        const index = list.findIndex((m) => m.ts === args.ts);
        if (index < 0) return { error: 'message_not_found' };
        list.splice(index, 1);
        this.deleted.push({ channel: String(args.channel), ts: String(args.ts) });
        return { channel: args.channel, ts: args.ts };
      }
      case 'chat.postEphemeral':
        return { message_ts: this.#nextTs() };
      case 'conversations.history': {
        const oldest = Number(args.oldest ?? 0);
        const list = (this.messages.get(String(args.channel)) ?? []).filter((m) => Number(m.ts) >= oldest);
        return { messages: [...list].reverse().map((m) => ({ type: 'message', bot_id: 'BBOT', ...m })), has_more: false };
      }
      case 'views.open':
      case 'views.push':
      case 'views.publish':
      case 'views.update': {
        const id = typeof args.view_id === 'string' ? args.view_id : `V${(this.#view += 1)}`;
        const view = { id, ...(args.view as object) };
        this.views.set(id, view);
        return { view };
      }
      case 'apps.connections.open':
        return { url: this.socketUrl };
      case 'oauth.v2.access': {
        const team = this.oauthTeam ?? this.team;
        return {
          app_id: 'A0TEST',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write,im:history,im:write,users:read',
          token_type: 'bot',
          access_token: `xoxb-installed-${team.id}`,
          bot_user_id: 'UBOT2',
          team,
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      default:
        return {};
    }
  }
}

export async function startSlackApi(): Promise<SlackApiStandIn> {
  return new SlackApiStandIn().start();
}
