// The shared shape of a button press: acknowledge at once, find the member, run, answer where they are.
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import { DomainError, isDomainError, type Actor } from '../../../core/index.js';
import { privacyView } from '../operations.js';
import { modal, section } from '../blocks.js';
import { actorFor, failureText, whoIs, type Client, type SlackEnv } from '../context.js';
import { md } from '../text.js';
import type { ActionId } from '../ids.js';
import { needsPrivacyDetour } from '../../replies.js';

export interface Press {
  env: SlackEnv;
  client: Client;
  actor: Actor;
  body: BlockAction;
  userId: string;
  /** The button's value (ids only, or the text of a message the author agreed to save). */
  value: string;
  /** Tells the member something where they are: under the message, or in a small modal. */
  notice(text: string): Promise<void>;
  /**
   * For slow work (drafting with a language model): shows `text` at once, while the trigger is still
   * valid, and returns how to replace it with the outcome later.
   */
  working(text: string): Promise<(outcome: string) => Promise<void>>;
}

function noticeView(env: SlackEnv, lang: Actor['language'], text: string) {
  const tr = env.tr(lang);
  return modal('notice', tr('common.noticeTitle'), [section(md(text))], { close: tr('common.close') });
}

/** Shows `text`; returns the id of the modal it opened (none when it answered under a message). */
export function noticeFor(env: SlackEnv, client: Client, body: BlockAction, respond: RespondFn | undefined) {
  return async (text: string, lang: Actor['language'] = 'nl'): Promise<string | null> => {
    if (body.container?.type === 'message' && respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return null;
    }
    const view = noticeView(env, lang, text);
    const opened =
      body.view?.type === 'modal'
        ? await client.views.push({ trigger_id: body.trigger_id, view })
        : await client.views.open({ trigger_id: body.trigger_id, view });
    return opened.view?.id ?? null;
  };
}

/** Registers a button handler; every failure becomes a message in the member's language. */
export function onPress(app: App, env: SlackEnv, actionId: ActionId, work: (press: Press) => Promise<void>): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: actionId }, async ({ ack, body, client, respond, action }) => {
    await ack();
    const notice = noticeFor(env, client, body, respond);
    let actor: Actor | null = null;
    try {
      const who = whoIs(body);
      if (!who) throw new DomainError('invalid_input', { field: 'displayName' });
      actor = await actorFor(env, client, who);
      const lang = actor.language;
      const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
      let shown: string | null = null;
      const working = async (text: string) => {
        shown = await notice(text, lang);
        return async (outcome: string) => {
          if (shown) await client.views.update({ view_id: shown, view: noticeView(env, lang, outcome) });
          else await notice(outcome, lang);
        };
      };
      try {
        await work({ env, client, actor, body, userId: who.userId, value, notice: async (text) => void (await notice(text, lang)), working });
      } catch (error) {
        // After a "working" notice the trigger is spent: the outcome replaces that notice instead.
        if (!shown) throw error;
        await client.views.update({ view_id: shown, view: noticeView(env, lang, failureText(env, lang, error)) });
      }
    } catch (error) {
      // Not yet taking part: the privacy text opens instead of an error, so that one tap leads on.
      if (actor && needsPrivacyDetour(error)) {
        const view = privacyView(env, actor);
        const open = body.view?.type === 'modal' ? client.views.push({ trigger_id: body.trigger_id, view }) : client.views.open({ trigger_id: body.trigger_id, view });
        if (await open.then(() => true, () => false)) return;
      }
      await notice(failureText(env, actor?.language ?? 'nl', error), actor?.language ?? 'nl').catch((e: unknown) =>
        env.logger.warn({ err: (e as { code?: string }).code ?? 'unknown' }, 'slack notice failed'),
      );
    }
  });
}

/** Where a pressed button sits, so that the message or modal can be updated in place. */
export function container(body: BlockAction): { channel?: string; ts?: string; viewId?: string } {
  if (body.view) return { viewId: body.view.id };
  const channel = body.channel?.id ?? (typeof body.container.channel_id === 'string' ? body.container.channel_id : undefined);
  const ts = body.message?.ts ?? (typeof body.container.message_ts === 'string' ? body.container.message_ts : undefined);
  return { ...(channel ? { channel } : {}), ...(ts ? { ts } : {}) };
}
