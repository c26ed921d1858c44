// `/panel`: help and the common actions, in the member's own words (subcommands in NL, FR or EN).
import type { App, RespondFn } from '@slack/bolt';
import {
  LANGUAGES,
  resolveActor,
  setMemberRole,
  setMyLanguage,
  DomainError,
  type Actor,
} from '../../../core/index.js';
import { t } from '../../../i18n/index.js';
import { actorFor, failureText, whoIs, type Client, type SlackEnv, type Who } from '../context.js';
import {
  draftAndAsk,
  openContribution,
  openPollForm,
  openRoundForm,
  openWithdraw,
  publish,
  publishHome,
  requireFacilitator,
  sendReminders,
} from '../operations.js';
import { SIGN_IN_LINK_TTL_HOURS } from '../../../web-ui/sign-in-link.js';
import { escapeText } from '../text.js';
import { helpMessage } from '../views/notices.js';

const SUBCOMMANDS = ['help', 'language', 'contribute', 'withdraw', 'poll', 'question', 'remind', 'summary', 'publish', 'role', 'board'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

/** Every language's name of every subcommand leads to it, so `/panel taal fr` and `/panel langue fr` work. */
const ALIASES = new Map<string, Sub>();
for (const sub of SUBCOMMANDS) {
  ALIASES.set(sub, sub);
  for (const lang of LANGUAGES) ALIASES.set(t(lang, `slack:command.${sub}`).toLowerCase(), sub);
}
ALIASES.set('?', 'help');

interface Run {
  env: SlackEnv;
  client: Client;
  actor: Actor;
  args: string[];
  who: Who;
  userId: string;
  triggerId: string;
  reply(text: string): Promise<void>;
  respond: RespondFn;
}

async function changeRole(run: Run): Promise<string> {
  requireFacilitator(run.actor);
  const [mention, role] = run.args;
  const userId = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(mention ?? '')?.[1];
  if (!userId) throw new DomainError('invalid_input', { field: 'displayName' });
  // Someone who never used the bot yet is enrolled first (as Slack knows them), then given the role.
  const target = await resolveActor(run.env.deps, { tenantId: run.actor.tenantId, channel: 'slack', externalId: userId }).catch(() =>
    actorFor(run.env, run.client, { ...run.who, userId }),
  );
  const member = await setMemberRole(run.env.deps, run.actor, target.memberId, role);
  const tr = run.env.tr(run.actor.language);
  return tr('role.done', { name: escapeText(member.displayName), role: tr(`common:role.${member.role}`) });
}

async function runSub(sub: Sub, run: Run): Promise<void> {
  const { env, client, actor } = run;
  const tr = env.tr(actor.language);
  switch (sub) {
    case 'help':
      return void (await run.respond({ response_type: 'ephemeral', ...helpMessage(tr, actor.role) }));
    case 'language': {
      const updated = await setMyLanguage(env.deps, actor, (run.args[0] ?? '').toLowerCase());
      await run.reply(env.tr(updated.language)('language.done', { language: t(updated.language, `common:language.${updated.language}`) }));
      return publishHome(env, client, run.userId, updated);
    }
    case 'contribute':
      return openContribution(env, client, run.triggerId, actor, {});
    case 'withdraw':
      if (!(await openWithdraw(env, client, run.triggerId, actor))) await run.reply(tr('withdraw.nothing'));
      return;
    case 'poll':
      return openPollForm(env, client, run.triggerId, actor);
    case 'question':
      return openRoundForm(env, client, run.triggerId, actor);
    case 'remind':
      return run.reply(tr('remind.done', { count: await sendReminders(env, actor) }));
    case 'summary':
      requireFacilitator(actor);
      await run.reply(tr('draft.working'));
      return draftAndAsk(env, client, actor, run.userId);
    case 'publish':
      await publish(env, actor);
      return run.reply(tr('publish.done'));
    case 'role':
      return run.reply(await changeRole(run));
    case 'board':
      return run.reply(tr('board.link', { url: env.boardLinkFor(actor), hours: SIGN_IN_LINK_TTL_HOURS }));
  }
}

export function registerCommands(app: App, env: SlackEnv): void {
  app.command('/panel', async ({ ack, body, client, respond }) => {
    await ack();
    const reply = async (text: string) => void (await respond({ response_type: 'ephemeral', text }));
    let actor: Actor | null = null;
    try {
      const who = whoIs(body);
      if (!who) throw new DomainError('invalid_input', { field: 'displayName' });
      actor = await actorFor(env, client, who);
      const [word = 'help', ...args] = body.text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
      const sub = ALIASES.get(word.toLowerCase());
      const run: Run = { env, client, actor, args, who, userId: who.userId, triggerId: body.trigger_id, reply, respond };
      if (!sub) {
        const tr = env.tr(actor.language);
        await respond({ response_type: 'ephemeral', ...helpMessage(tr, actor.role, tr('help.unknown', { word: escapeText(word.slice(0, 40)) })) });
        return;
      }
      await runSub(sub, run);
    } catch (error) {
      await reply(failureText(env, actor?.language ?? 'nl', error));
    }
  });
}
