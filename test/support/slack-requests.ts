// Correctly signed HTTP requests shaped like Slack's documented payloads, typed against Bolt's types.
import { createHmac, randomUUID } from 'node:crypto';
import type { BlockAction, MessageShortcut, SlashCommand, ViewOutput, ViewStateValue, ViewSubmitAction, types } from '@slack/bolt';

export interface Sent {
  status: number;
  text: string;
  json: unknown;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch used to sign; defaults to now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
  retryNum?: number;
}

export class SlackSender {
  constructor(
    readonly url: string,
    readonly secret: string,
    readonly team: { id: string; domain: string },
    readonly responseBase: string,
  ) {}

  async raw(body: string, contentType: string, opts: SendOptions = {}): Promise<Sent> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(opts.secret ?? this.secret, timestamp, body),
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(this.url, { method: 'POST', headers, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, text, json };
  }

  /** Slash commands come form-encoded, field by field. */
  command(userId: string, text: string, opts: SendOptions & { triggerId?: string } = {}): Promise<Sent> & { payload: SlashCommand } {
    const payload: SlashCommand = {
      token: 'deprecated-verification-token',
      command: '/panel',
      text,
      response_url: `${this.responseBase}/respond/${randomUUID()}`,
      trigger_id: opts.triggerId ?? `trig-${randomUUID()}`,
      user_id: userId,
      user_name: userId.toLowerCase(),
      team_id: this.team.id,
      team_domain: this.team.domain,
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      api_app_id: 'A0TEST',
    };
    const body = new URLSearchParams(payload as unknown as Record<string, string>).toString();
    return Object.assign(this.raw(body, 'application/x-www-form-urlencoded', opts), { payload });
  }

  /** Interactions come form-encoded as one `payload` field holding JSON. */
  interaction(payload: object, opts: SendOptions = {}): Promise<Sent> {
    return this.raw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** Events API callbacks come as JSON. */
  event(event: Record<string, unknown>, opts: SendOptions & { eventId?: string } = {}): Promise<Sent> & { eventId: string } {
    const eventId = opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const envelope = {
      token: 'deprecated-verification-token',
      team_id: this.team.id,
      api_app_id: 'A0TEST',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.team.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    return Object.assign(this.raw(JSON.stringify(envelope), 'application/json', opts), { eventId });
  }

  blockAction(
    userId: string,
    action: { action_id: string; block_id: string; value?: string; type?: string },
    where: { message?: { channel: string; ts: string; blocks: unknown[] }; view?: Record<string, unknown> },
    state: Record<string, Record<string, ViewStateValue>> = {},
    opts: SendOptions & { triggerId?: string } = {},
  ): Promise<Sent> & { payload: BlockAction } {
    const payload = {
      type: 'block_actions',
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: this.team.id },
      api_app_id: 'A0TEST',
      token: 'deprecated-verification-token',
      trigger_id: opts.triggerId ?? `trig-${randomUUID()}`,
      team: this.team,
      response_url: `${this.responseBase}/respond/${randomUUID()}`,
      actions: [{ type: action.type ?? 'button', action_id: action.action_id, block_id: action.block_id, ...(action.value !== undefined ? { value: action.value } : {}), action_ts: `${Date.now() / 1000}`, text: { type: 'plain_text', text: 'x', emoji: true } }],
      ...(where.message
        ? {
            container: { type: 'message', message_ts: where.message.ts, channel_id: where.message.channel, is_ephemeral: false },
            channel: { id: where.message.channel, name: 'directmessage' },
            message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts: where.message.ts, text: 'x', blocks: where.message.blocks },
            state: { values: state },
          }
        : { container: { type: 'view', view_id: String(where.view?.id ?? '') }, view: { ...where.view, state: { values: state } } }),
    } as unknown as BlockAction;
    if (!where.message) delete (payload as { response_url?: string }).response_url;
    return Object.assign(this.interaction(payload, opts), { payload });
  }

  submit(
    userId: string,
    view: Record<string, unknown>,
    values: Record<string, Record<string, ViewStateValue>>,
    opts: SendOptions & { triggerId?: string } = {},
  ): Promise<Sent> {
    const output = { ...view, state: { values }, hash: 'h', app_id: 'A0TEST', team_id: this.team.id, bot_id: 'BBOT', root_view_id: view.id, previous_view_id: view.previous_view_id ?? null, clear_on_close: false, notify_on_close: false, external_id: '', app_installed_team_id: this.team.id } as unknown as ViewOutput;
    const payload: ViewSubmitAction = {
      type: 'view_submission',
      team: this.team,
      user: { id: userId, name: userId.toLowerCase(), team_id: this.team.id },
      view: output,
      api_app_id: 'A0TEST',
      token: 'deprecated-verification-token',
      trigger_id: opts.triggerId ?? `trig-${randomUUID()}`,
      response_urls: [],
    };
    return this.interaction(payload, opts);
  }

  shortcut(userId: string, message: { user?: string; text: string; bot_id?: string }, opts: SendOptions = {}): Promise<Sent> {
    const ts = `${Math.floor(Date.now() / 1000)}.000300`;
    const payload: MessageShortcut = {
      type: 'message_action',
      callback_id: 'save_as_contribution',
      trigger_id: `trig-${randomUUID()}`,
      message_ts: ts,
      response_url: `${this.responseBase}/respond/${randomUUID()}`,
      message: { type: 'message', ts, text: message.text, ...(message.user ? { user: message.user } : {}), ...(message.bot_id ? { bot_id: message.bot_id } : {}) },
      user: { id: userId, name: userId.toLowerCase(), team_id: this.team.id },
      channel: { id: 'C0GENERAL', name: 'general' },
      team: this.team,
      token: 'deprecated-verification-token',
      action_ts: `${Date.now() / 1000}`,
    };
    return this.interaction(payload, opts);
  }
}

/** Finds an interactive element by action id in Block Kit JSON we recorded. */
export function findAction(blocks: unknown, actionId: string): { block_id: string; action_id: string; value?: string; element: Record<string, unknown> } {
  for (const block of (blocks as types.KnownBlock[]) ?? []) {
    const candidates: unknown[] = block.type === 'actions' ? block.elements : block.type === 'section' && block.accessory ? [block.accessory] : block.type === 'input' ? [block.element] : [];
    for (const element of candidates as Record<string, unknown>[]) {
      if (element.action_id === actionId) {
        return { block_id: String(block.block_id ?? ''), action_id: actionId, ...(typeof element.value === 'string' ? { value: element.value } : {}), element };
      }
    }
  }
  throw new Error(`no element ${actionId} in blocks`);
}

export function findActions(blocks: unknown, actionId: string): { value?: string }[] {
  const out: { value?: string }[] = [];
  for (const block of (blocks as types.KnownBlock[]) ?? []) {
    const candidates: unknown[] = block.type === 'actions' ? block.elements : block.type === 'section' && block.accessory ? [block.accessory] : [];
    for (const element of candidates as Record<string, unknown>[]) if (element.action_id === actionId) out.push(typeof element.value === 'string' ? { value: element.value } : {});
  }
  return out;
}
