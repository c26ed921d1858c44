import { card, execute, heading, note, openUrl, section, type AdaptiveCard, type CardElement } from './elements.js';
import { isFacilitator, notice, type Notice, type View } from './view.js';

const MEMBER_COMMANDS = ['home', 'help', 'language'] as const;
const FACILITATOR_COMMANDS = ['tools', 'poll', 'question', 'summary', 'remind', 'members'] as const;

function commandLines(view: View, commands: readonly string[]): CardElement[] {
  const { t } = view;
  return commands.map((c) => note(`${t(`teams:command.${c}`).split('|')[0]} — ${t(`teams:help.command.${c}`)}`));
}

/** What the bot can do, in plain words, with the words to type in this member's language. */
export function helpCard(view: View, done?: Notice): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:help.title')), ...notice(done), note(t('teams:help.intro')), section(commandLines(view, MEMBER_COMMANDS))];
  if (isFacilitator(view)) body.push(section([heading(t('teams:help.facilitator'), 'medium'), ...commandLines(view, FACILITATOR_COMMANDS)], { separator: true }));
  body.push(section([note(t('teams:help.privacy'), { subtle: true })], { separator: true }));
  const actions = [execute(t('teams:card.home'), 'home', {}, { style: 'positive' })];
  if (view.actor.role !== 'expert') actions.push(openUrl(t('teams:board.open'), view.boardUrl));
  return card(body, { actions, fallback: t('teams:help.title') });
}

/** The first message after installing: who we are, what happens with what you write, how to start. */
export function welcomeCard(t: View['t'], opts: { facilitator: boolean }): AdaptiveCard {
  const body = [heading(t('teams:welcome.title')), note(t('teams:welcome.intro')), note(t('teams:welcome.privacy'), { subtle: true })];
  if (opts.facilitator) body.push(note(t('teams:welcome.facilitator')));
  return card(body, { actions: [execute(t('teams:welcome.start'), 'home', {}, { style: 'positive' }), execute(t('teams:help.button'), 'help')], fallback: t('teams:welcome.title') });
}

/** A short message with one next step: used for news that has no view of its own, and for errors. */
export function noticeCard(view: View, message: Notice, extra: CardElement[] = []): AdaptiveCard {
  const { t } = view;
  const actions = [execute(t('teams:card.home'), 'home'), ...extra];
  if (view.actor.role !== 'expert') actions.push(openUrl(t('teams:board.open'), view.boardUrl));
  return card(notice(message), { actions, fallback: message.message });
}

/** Said in a group chat or channel when the answer is personal: it went to a private chat instead. */
export function sentPrivately(view: View): AdaptiveCard {
  return card([note(view.t('teams:channel.sentPrivately'))], { fallback: view.t('teams:channel.sentPrivately') });
}
