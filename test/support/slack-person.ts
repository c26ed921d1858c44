// Someone using Slack: opens the Home tab, presses buttons in DMs, fills in modals. Every step is a
// signed request to the real app; every answer is read from what the app sent to the Web API stand-in.
import { randomUUID } from 'node:crypto';
import type { ViewStateValue } from '@slack/bolt';
import { expect } from 'vitest';
import type { ApiCall } from './slack-api.js';
import { checkBlocks, checkView } from './slack-blockkit.js';
import type { SlackTestApp } from './slack-app.js';
import { findAction, type SendOptions, type Sent } from './slack-requests.js';
import { resolveActor, type Actor } from '../../src/core/index.js';

export interface DmMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

export type View = Record<string, unknown> & { id: string; blocks: unknown[] };

export class SlackPerson {
  constructor(
    readonly t: SlackTestApp,
    readonly userId: string,
  ) {}

  /** This person as the panel knows them (after their first request enrolled them). */
  async actor(): Promise<Actor> {
    const tenant = await this.t.app.deps.store.transaction((r) => r.tenants.findBySlug(`slack-${this.t.api.team.id}`.toLowerCase()));
    if (!tenant) throw new Error('no Slack zone yet');
    return resolveActor(this.t.app.deps, { tenantId: tenant.id, channel: 'slack', externalId: this.userId });
  }

  get dmChannel(): string {
    return this.t.api.dmOf(this.userId);
  }

  /** The DMs the bot sent this person, as they are now (after any in-place updates). */
  dms(): DmMessage[] {
    return (this.t.api.messages.get(this.dmChannel) ?? []).map((m) => ({ channel: this.dmChannel, ...m }));
  }

  /** The latest DM that has a given button (or any DM when no action is given). */
  lastDm(actionId?: string): DmMessage {
    const found = this.dms().filter((m) => !actionId || JSON.stringify(m.blocks).includes(`"action_id":"${actionId}"`)).at(-1);
    if (!found) throw new Error(`${this.userId} has no DM${actionId ? ` with ${actionId}` : ''}`);
    checkBlocks(found.blocks, 'message');
    return found;
  }

  async command(text: string): Promise<{ sent: Sent; trigger: string }> {
    const trigger = `trig-${randomUUID()}`;
    const sent = await this.t.slack.command(this.userId, text, { triggerId: trigger });
    expect(sent.status).toBe(200);
    await this.t.settle();
    return { sent, trigger };
  }

  /** The ephemeral answer to the last slash command or message button (via response_url). */
  lastReply(): Record<string, unknown> {
    return this.t.api.last('response_url').args;
  }

  async openHome(): Promise<View> {
    await this.t.slack.event({ type: 'app_home_opened', user: this.userId, channel: this.dmChannel, tab: 'home', event_ts: `${Date.now() / 1000}` });
    await this.t.settle();
    return this.home();
  }

  home(): View {
    const call = this.t.api.last('views.publish', (c) => c.args.user_id === this.userId);
    checkView(call.args.view);
    return (call.result as { view: View }).view;
  }

  /** Presses a button (or picks options) in a DM; `state` is what the message's inputs hold. */
  async pressInDm(message: DmMessage, actionId: string, state: Record<string, Record<string, ViewStateValue>> = {}): Promise<string> {
    const action = findAction(message.blocks, actionId);
    const trigger = `trig-${randomUUID()}`;
    const sent = await this.t.slack.blockAction(this.userId, { ...action }, { message: { channel: message.channel, ts: message.ts, blocks: message.blocks } }, state, { triggerId: trigger });
    expect(sent.status).toBe(200);
    await this.t.settle();
    return trigger;
  }

  async pressInView(view: View, actionId: string, value?: string): Promise<string> {
    const action = value === undefined ? findAction(view.blocks, actionId) : { ...findAction(view.blocks, actionId), value };
    const trigger = `trig-${randomUUID()}`;
    const sent = await this.t.slack.blockAction(this.userId, action, { view }, {}, { triggerId: trigger });
    expect(sent.status).toBe(200);
    await this.t.settle();
    return trigger;
  }

  /** The modal opened (or pushed) in answer to the request that carried `trigger`. */
  opened(trigger: string): View {
    const call = [...this.t.api.of('views.open'), ...this.t.api.of('views.push')].find((c: ApiCall) => c.args.trigger_id === trigger);
    if (!call) throw new Error(`no modal opened for ${trigger}`);
    checkView(call.args.view);
    return (call.result as { view: View }).view;
  }

  /**
   * Submits a modal and waits for the work after the answer. An answer that updates the modal is kept as
   * what the modal shows (as Slack does), so that `showing(view.id)` is the modal after the answer and any
   * views.update that followed.
   */
  async submit(view: View, values: Record<string, Record<string, ViewStateValue>>, opts: SendOptions & { triggerId?: string } = {}): Promise<Sent> {
    const updates = () => this.t.api.of('views.update', (c) => c.args.view_id === view.id).length;
    const before = updates();
    const sent = await this.t.slack.submit(this.userId, view, values, opts);
    expect(sent.status).toBe(200);
    const response = sent.json as { response_action?: string; view?: Record<string, unknown> } | null;
    if (response?.view) checkView(response.view);
    // The answer came first; an update the work after it already made (before this line ran) is newer.
    if (response?.response_action === 'update' && response.view && updates() === before) this.t.api.views.set(view.id, { ...response.view, id: view.id });
    await this.t.settle();
    return sent;
  }

  /** What the modal with this id shows now. */
  showing(viewId: string): View {
    const view = this.t.api.views.get(viewId);
    if (!view) throw new Error(`no modal ${viewId}`);
    checkView(view);
    return view as View;
  }
}

/** State values as Slack sends them for the element types our modals use. */
export const input = {
  text: (value: string): ViewStateValue => ({ type: 'plain_text_input', value }),
  radio: (value: string): ViewStateValue => ({ type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: value }, value } }),
  checks: (...values: string[]): ViewStateValue => ({ type: 'checkboxes', selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })) }),
  select: (value: string): ViewStateValue => ({ type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }),
  empty: (type = 'plain_text_input'): ViewStateValue => ({ type, value: null }),
};

export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

/** Slack users the stand-in knows, each enrolled by a first command ("help"), in the order given. */
export async function enrol(t: SlackTestApp, people: [userId: string, name: string, locale: string][]): Promise<SlackPerson[]> {
  const persons: SlackPerson[] = [];
  for (const [userId, name, locale] of people) {
    t.api.users.set(userId, { name, locale });
    const person = new SlackPerson(t, userId);
    await person.command('help');
    persons.push(person);
  }
  return persons;
}

/** The facilitator opens scale polls through the modal, one per question; the outbox then DMs them. */
export async function openScalePolls(t: SlackTestApp, facilitator: SlackPerson, questions: string[]): Promise<void> {
  for (const question of questions) {
    const { trigger } = await facilitator.command('poll');
    await facilitator.submit(facilitator.opened(trigger), {
      question: { question: input.text(question) },
      kind: { kind: input.radio('scale') },
      anonymity: { anonymity: input.radio('confidential') },
      resultsVisibility: { resultsVisibility: input.radio('after_close') },
    });
  }
  await t.runtime.flushOutbox();
}
