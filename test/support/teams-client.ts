import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { Recorded, TeamsStandIn } from './teams-standin.js';
import { listWebIdentities, resolveActor, type Actor } from '../../src/core/index.js';

export const APP_ID = '3f9d0a61-7c2e-4b8a-a4d5-0c6e1b2f9e11';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  locale: string;
}

let userCounter = 0;
export function teamsUser(name: string, locale: string): TeamsUser {
  userCounter += 1;
  const hex = userCounter.toString(16).padStart(12, '0');
  return { id: `29:1user-${name}-${userCounter}`, aadObjectId: `00000000-0000-4000-8000-${hex}`, name, locale };
}

export type Scope = 'personal' | 'channel';
export const CHANNEL_ID = '19:panel-channel@thread.tacv2';

export const personalChat = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;

type Card = { type: string; body: unknown[]; actions?: { verb?: string; data?: Record<string, unknown> }[] } & Record<string, unknown>;

/** Builds Activity JSON as Teams sends it and POSTs it to the app's /api/messages, signed or not. */
export class TeamsClient {
  private counter = 0;
  /** Every card the app answered with (invoke responses); messages are in the stand-in's `sent`. */
  readonly seen: Card[] = [];
  constructor(
    readonly base: string,
    readonly standIn: TeamsStandIn,
    private readonly signed: boolean,
  ) {}

  activity(user: TeamsUser, type: string, scope: Scope, extra: Record<string, unknown> = {}): Record<string, unknown> {
    this.counter += 1;
    if (scope === 'personal') this.standIn.personalChats.set(user.id, personalChat(user));
    const tenantId = this.standIn.tenantId;
    const conversation = scope === 'personal'
      ? { id: personalChat(user), conversationType: 'personal', tenantId }
      : { id: CHANNEL_ID, conversationType: 'channel', tenantId, isGroup: true };
    return {
      type,
      id: `1:activity-${this.counter}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.standIn.serviceUrl,
      locale: user.locale,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: `28:${APP_ID}`, name: 'Stemmen' },
      conversation,
      channelData: { tenant: { id: tenantId }, ...(scope === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL_ID } } : {}) },
      ...extra,
    };
  }

  message(user: TeamsUser, text: string, scope: Scope = 'personal'): Record<string, unknown> {
    return this.activity(user, 'message', scope, { text: scope === 'channel' ? `<at>Stemmen</at> ${text}` : text, textFormat: 'plain' });
  }

  invoke(user: TeamsUser, verb: string, data: Record<string, unknown> = {}, opts: { scope?: Scope; trigger?: 'manual' | 'automatic' } = {}): Record<string, unknown> {
    return this.activity(user, 'invoke', opts.scope ?? 'personal', {
      name: 'adaptiveCard/action',
      replyToId: '1:card-message',
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: opts.trigger ?? 'manual' },
    });
  }

  installed(user: TeamsUser, scope: Scope = 'personal'): Record<string, unknown> {
    return this.activity(user, 'installationUpdate', scope, { action: 'add' });
  }

  async post(activity: Record<string, unknown>, auth: string | null | undefined = undefined): Promise<Response> {
    const token = auth === undefined ? (this.signed ? this.standIn.token(APP_ID) : null) : auth;
    return fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
  }

  /** Presses a card button (Action.Execute) and returns the card Teams would show in its place. */
  async press(user: TeamsUser, verb: string, data: Record<string, unknown> = {}, opts: { scope?: Scope; trigger?: 'manual' | 'automatic'; activity?: Record<string, unknown> } = {}): Promise<Card> {
    const res = await this.post(opts.activity ?? this.invoke(user, verb, data, opts));
    if (res.status !== 200) throw new Error(`invoke ${verb} answered ${res.status}`);
    const body = (await res.json()) as { type: string; value: Card };
    if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke ${verb} answered ${body.type}`);
    this.seen.push(body.value);
    return body.value;
  }

  /** Writes to the bot and waits for the card it sends back to this conversation. */
  async say(user: TeamsUser, text: string, scope: Scope = 'personal'): Promise<Card> {
    const before = this.standIn.sent.length;
    const res = await this.post(this.message(user, text, scope));
    if (res.status !== 200) throw new Error(`message answered ${res.status}`);
    const conversationId = scope === 'personal' ? personalChat(user) : CHANNEL_ID;
    const reply = await this.standIn.waitFor((r) => this.standIn.sent.indexOf(r) >= before && r.conversationId === conversationId);
    return cardOf(reply);
  }
}

export function cardOf(recorded: Recorded): Card {
  const attachments = recorded.body.attachments as { content: Card }[] | undefined;
  if (!attachments?.[0]) throw new Error(`no card in message to ${recorded.conversationId}`);
  return attachments[0].content;
}

/** Every piece of text a card shows (TextBlock, TextRun, input labels, choices, buttons), for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'placeholder', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/** The data of every button (anywhere in the card, refresh excluded) with this verb. */
export function buttonsOf(card: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown, key: string) => {
    if (!node || typeof node !== 'object' || key === 'refresh') return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb && o.data) found.push(o.data as Record<string, unknown>);
    for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(card, '');
  return found;
}

export function button(card: unknown, verb: string): Record<string, unknown> {
  const [first] = buttonsOf(card, verb);
  if (!first) throw new Error(`no ${verb} button in: ${cardText(card).slice(0, 400)}`);
  return first;
}

/** The choices of an Input.ChoiceSet, by title. */
export function choiceValues(card: unknown, inputId: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.ChoiceSet' && o.id === inputId) for (const c of o.choices as { title: string; value: string }[]) out.set(c.title, c.value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

export interface TeamsTestApp {
  app: App;
  base: string;
  client: TeamsClient;
}

/** The real app with Teams on, on a fresh SQLite file. `local` runs TEAMS_LOCAL without credentials. */
export async function startTeamsApp(standIn: TeamsStandIn, opts: { local?: boolean; env?: Record<string, string>; logger?: Logger } = {}): Promise<TeamsTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-teams-'));
  // Azure App Service hands a managed identity its tokens through these two variables; the SDK (MSAL) reads them.
  process.env.IDENTITY_ENDPOINT = `${standIn.url}/msi/token`;
  process.env.IDENTITY_HEADER = standIn.identityHeader;
  const credentials = opts.local
    ? { TEAMS_LOCAL: '1' }
    : { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: standIn.tenantId, MICROSOFT_APP_AUTHORITY: standIn.url };
  const app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'teams.db')}`,
      LOG_LEVEL: 'silent',
      STEMMEN_SECRET: 'teams-test-secret-that-is-long-enough-0123',
      STEMMEN_QUIET_HOURS: '03:00-03:01',
      STEMMEN_DEMO: '0',
      STEMMEN_WEB_CHANNEL: '0',
      STEMMEN_PUBLIC_URL: 'https://stemmen.example.org',
      ...credentials,
      ...opts.env,
    }),
    opts.logger ? { logger: opts.logger } : {},
  );
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  return { app, base, client: new TeamsClient(base, standIn, !opts.local) };
}

/** A Teams user as the panel knows them (the test app has one zone). */
export async function teamsActor(app: App, user: TeamsUser): Promise<Actor> {
  const [zone] = await listWebIdentities(app.deps);
  if (!zone) throw new Error('no zone yet');
  return resolveActor(app.deps, { tenantId: zone.tenantId, channel: 'teams', externalId: user.aadObjectId });
}

/** The facilitator installs the app (and is greeted); the others start a personal chat with "start". */
export async function meetInTeams(t: TeamsTestApp, standIn: TeamsStandIn, facilitator: TeamsUser, members: TeamsUser[]): Promise<void> {
  await t.client.post(t.client.installed(facilitator));
  await standIn.waitFor((r) => r.conversationId === personalChat(facilitator));
  for (const user of members) await t.client.say(user, 'start');
}
