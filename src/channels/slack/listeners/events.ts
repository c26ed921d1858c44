// Events (Home tab opened, a DM to the bot, uninstall) and the "Save as contribution" message shortcut.
import type { App, MessageShortcut } from '@slack/bolt';
import { DomainError, refreshDisplayName, type Actor } from '../../../core/index.js';
import { actorFor, failureText, knownActor, whoIs, type SlackEnv } from '../context.js';
import { postDm } from '../dm.js';
import { publishHome } from '../operations.js';
import { slackToPlain } from '../text.js';
import { captureRequest, helpMessage } from '../views/notices.js';

export function registerEvents(app: App, env: SlackEnv, forget: (teamId: string) => Promise<void>): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const who = whoIs(body);
    if (!who) return;
    await publishHome(env, client, event.user, await actorFor(env, client, { ...who, userId: event.user }));
  });

  // Someone wrote to the bot: answer with what it can do, in their language (one answer per message,
  // however often Slack delivers it: see the delivery key in index.ts).
  app.message(async ({ message, body, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message) || !message.user) return;
    if ('bot_id' in message && message.bot_id) return;
    const who = whoIs(body);
    if (!who) return;
    const actor = await actorFor(env, client, { ...who, userId: message.user });
    const help = helpMessage(env.tr(actor.language), actor.role);
    await postDm(env, client, { tenantId: actor.tenantId, memberId: actor.memberId, userId: message.user, address: message.channel }, help);
  });

  // A profile changed: the member's display name follows it (only for people the panel already knows).
  app.event('user_change', async ({ event, body }) => {
    const user = event.user as { id?: string; is_bot?: boolean; profile?: { display_name?: string; real_name?: string } };
    const teamId = String((body as { team_id?: unknown }).team_id ?? '');
    if (!user.id || user.is_bot || !teamId) return;
    const actor = await knownActor(env, { teamId, userId: user.id, teamName: teamId });
    if (actor) await refreshDisplayName(env.deps, actor, user.profile?.display_name || user.profile?.real_name);
  });

  app.event('app_uninstalled', async ({ body }) => forget(String(body.team_id)));
  app.event('tokens_revoked', async ({ body }) => forget(String(body.team_id)));

  /**
   * "Save as contribution" on any message: whoever clicks, only the message's author decides. The
   * author gets a DM with the text and a button; nothing is stored unless they fill in and send the form.
   */
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: 'save_as_contribution' }, async ({ ack, shortcut, client, respond }) => {
    await ack();
    let clicker: Actor | null = null;
    try {
      const who = whoIs(shortcut);
      if (!who) throw new DomainError('invalid_input', { field: 'displayName' });
      clicker = await actorFor(env, client, who);
      const tr = env.tr(clicker.language);
      const authorId = shortcut.message.user;
      const words = slackToPlain(shortcut.message.text ?? '').trim();
      if (!authorId || shortcut.message.bot_id || words === '') {
        await respond({ response_type: 'ephemeral', text: tr('capture.notPerson') });
        return;
      }
      const author = await actorFor(env, client, { ...who, userId: authorId });
      const message = captureRequest(env.tr(author.language), clicker.displayName, words);
      await postDm(env, client, { tenantId: author.tenantId, memberId: author.memberId, userId: authorId }, message);
      await respond({ response_type: 'ephemeral', text: tr(authorId === who.userId ? 'capture.askedYou' : 'capture.askedAuthor') });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: failureText(env, clicker?.language ?? 'nl', error) });
    }
  });
}
