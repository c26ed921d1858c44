// Direct messages that are not polls or consent reviews: notifications, the capture request, help.
import type { BacklogItemRecord, IdeaRoundRecord, Role, SummaryVersionRecord } from '../../../core/index.js';
import { actions, button, context, header, linkButton, section, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { clipRaw, escapeText, md, plain, splitEscaped } from '../text.js';

export interface Message {
  /** Notification text shown by Slack outside the message: catalog text only, never member text. */
  text: string;
  blocks: Block[];
}

export function roundMessage(tr: Tr, round: IdeaRoundRecord): Message {
  const blocks: Block[] = [header(tr('round.title')), section(plain(round.question))];
  if (round.description) blocks.push(...splitEscaped(round.description).slice(0, 3).map((piece) => section({ type: 'plain_text', text: piece || ' ', emoji: false })));
  if (round.closesAt) blocks.push(context(md(tr('home.closesAt', { date: escapeText(tr.when(round.closesAt)) }))));
  blocks.push(actions([button(tr('home.share'), 'contribution_open', round.id, { style: 'primary' })]), context(md(tr('round.privacy'))));
  return { text: tr('round.fallback'), blocks };
}

/** "You said, we did": an action-plan item that came from the member's input, and the board's answer. */
export function outcomeMessage(tr: Tr, item: BacklogItemRecord): Message {
  const blocks: Block[] = [
    header(tr('outcome.title')),
    section(md(`*${escapeText(item.title)}*\n${tr(`common:backlogStatus.${item.status}`)} · ${tr('home.progress', { progress: item.progress })}`)),
  ];
  if (item.boardResponse) blocks.push(context(md(`*${tr('home.boardSaid')}*`)), section(plain(item.boardResponse)));
  blocks.push(context(md(tr('outcome.where'))));
  return { text: tr('outcome.fallback'), blocks };
}

/** An item linked to the member's input changed status: its own title, the new status, where to read more. */
export function statusChangeMessage(tr: Tr, item: BacklogItemRecord, news: string): Message {
  return {
    text: news,
    blocks: [
      header(tr('common:notificationTitle.item_status_changed')),
      section(md(escapeText(news))),
      section(md(`*${escapeText(item.title)}*\n${tr(`common:backlogStatus.${item.status}`)} · ${tr('home.progress', { progress: item.progress })}`)),
      context(md(tr('outcome.where'))),
    ],
  };
}

export function reminderMessage(tr: Tr, counts: { polls: number; consent: number }): Message {
  const lines = [counts.polls > 0 ? tr('reminder.polls', { count: counts.polls }) : '', counts.consent > 0 ? tr('reminder.consent', { count: counts.consent }) : '']
    .filter(Boolean)
    .map((line) => `• ${line}`);
  return {
    text: tr('common:notification.reminder'),
    blocks: [section(md(`${tr('common:notification.reminder')}\n${lines.join('\n')}`)), context(md(tr('reminder.where')))],
  };
}

/** Short notices that only point somewhere (board pages for board members, the Home tab for others). */
export function simpleNotice(tr: Tr, kind: string, boardUrl: string | null): Message {
  const text = tr(`common:notification.${kind}`);
  const blocks: Block[] = [header(tr(`common:notificationTitle.${kind}`)), section(md(text))];
  if (boardUrl) blocks.push(actions([linkButton(tr('home.boardPages'), 'board_link', boardUrl)]));
  else blocks.push(context(md(tr('reminder.where'))));
  return { text, blocks };
}

/**
 * To the author of a message someone wants to save: nothing is stored until the author says yes.
 * The button carries the text (at most 2,000 characters, the size of one contribution field), so that
 * nothing needs to be kept on our side before the author agrees.
 */
export function captureRequest(tr: Tr, requester: string, text: string): Message {
  const value = clipRaw(text, 2000);
  const blocks: Block[] = [
    header(tr('capture.title')),
    section(md(tr('capture.asked', { name: escapeText(requester) }))),
    ...splitEscaped(text).slice(0, 5).map((piece) => section({ type: 'plain_text' as const, text: piece || ' ', emoji: false })),
    ...(value.length < text.length ? [context(md(tr('capture.tooLong')))] : []),
    context(md(tr('capture.nothingYet'))),
    actions([button(tr('capture.review'), 'capture_review', value, { style: 'primary' }), button(tr('capture.decline'), 'capture_decline', 'no')]),
  ];
  return { text: tr('capture.fallback'), blocks };
}

export function captureAnswered(tr: Tr, saved: boolean): Block[] {
  return [header(tr('capture.title')), section(md(tr(saved ? 'capture.opened' : 'capture.declined')))];
}

/** To the facilitator after drafting: what was made and who is asked. Statements are read on the web. */
export function draftMessage(tr: Tr, title: string, version: SummaryVersionRecord, asked: number): Message {
  const blocks: Block[] = [header(tr('draft.title')), section(plain(title))];
  if (version.status === 'failed') {
    blocks.push(section(md(tr('draft.failed'))));
  } else {
    blocks.push(
      section(md(tr('draft.made', { number: version.number, statements: version.statements.length, removed: version.removals.length, asked }))),
      context(md(tr(`common:generator.${version.generator}`))),
    );
  }
  return { text: tr('draft.title'), blocks };
}

const COMMANDS: Record<'member' | 'facilitator', string[]> = {
  member: ['contribute', 'withdraw', 'language', 'board', 'help'],
  facilitator: ['poll', 'question', 'remind', 'summary', 'publish', 'role'],
};

export function helpMessage(tr: Tr, role: Role, note?: string): Message {
  const lines = COMMANDS.member.map((c) => `• \`/panel ${tr(`command.${c}`)}\` — ${tr(`help.${c}`)}`);
  if (role === 'facilitator' || role === 'admin') lines.push('', `*${tr('help.facilitator')}*`, ...COMMANDS.facilitator.map((c) => `• \`/panel ${tr(`command.${c}`)}\` — ${tr(`help.${c}`)}`));
  const blocks: Block[] = [];
  if (note) blocks.push(section(md(note)));
  blocks.push(section(md(`*${tr('help.title')}*\n${lines.join('\n')}`)), context(md(tr('help.home'))));
  return { text: tr('help.title'), blocks };
}
