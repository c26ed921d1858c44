import type { types, ViewStateValue } from '@slack/bolt';
import {
  describeBallot as describeChoice,
  pollScreen,
  pollResults,
  type Actor,
  type BallotInput,
  type BallotRecord,
  type CoreDeps,
  type PollRecord,
  REASON_ATTRIBUTIONS,
} from '../../../core/index.js';
import { actions, button, context, input, memberOption, modal, option, section, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { escapeText, fitEscaped, md, plain } from '../text.js';

type PollResults = Awaited<ReturnType<typeof pollResults>>;

export interface PollView {
  results: PollResults;
  ballot: BallotRecord | null;
  closed: boolean;
}

/** The poll, its results and the member's answer, in one read. */
export async function loadPoll(deps: CoreDeps, actor: Actor, pollId: string): Promise<PollView> {
  return pollScreen(deps, actor, pollId);
}

/** Poll messages carry their poll id as message metadata, so that closing can find and update them. */
export const POLL_METADATA = 'stemmen_poll';

export function describeBallot(tr: Tr, poll: PollRecord, ballot: BallotRecord): string {
  return describeChoice(poll, ballot.choice, tr);
}

function choiceElement(tr: Tr, poll: PollRecord, ballot: BallotRecord | null, actionId: string): types.RadioButtons | types.Checkboxes {
  const choice = ballot?.choice;
  if (poll.kind === 'single' || poll.kind === 'multiple') {
    const options = poll.options.map((o) => memberOption(o.label, o.id));
    const chosen = choice?.kind === 'options' ? options.filter((o) => choice.optionIds.includes(o.value ?? '')) : [];
    if (poll.kind === 'multiple') {
      return { type: 'checkboxes', action_id: actionId, options, ...(chosen.length ? { initial_options: chosen } : {}) };
    }
    return { type: 'radio_buttons', action_id: actionId, options, ...(chosen[0] ? { initial_option: chosen[0] } : {}) };
  }
  const options =
    poll.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((n) => option(tr(`poll.scale.${n}`), String(n)))
      : (['agree', 'live_with', 'object'] as const).map((v) => option(tr(`common:consentVote.${v}`), v));
  const current = choice?.kind === 'scale' ? String(choice.value) : choice?.kind === 'consent' ? choice.vote : null;
  const initial = options.find((o) => o.value === current);
  return { type: 'radio_buttons', action_id: actionId, options, ...(initial ? { initial_option: initial } : {}) };
}

/** What was chosen in a poll's choice element (message state or modal state). */
/**
 * The answer in a pick list's state, as the values picked: the poll's kind reads them in the core, so
 * reading an answer needs no poll.
 */
export function readChoice(value: ViewStateValue | undefined): BallotInput {
  if (!value) return {};
  if (value.selected_options) return { picked: value.selected_options.map((o) => o.value) };
  const picked = value.selected_option?.value;
  return picked === undefined ? {} : { picked: [picked] };
}

function about(tr: Tr, poll: PollRecord): Block[] {
  const facts = [tr(`common:pollKind.${poll.kind}`), tr(`common:anonymity.${poll.anonymity}`)];
  if (poll.deadline) facts.push(tr('poll.deadline', { date: tr.when(poll.deadline) }));
  if (poll.kind === 'multiple' && poll.maxChoices) facts.push(tr('poll.pickUpTo', { count: poll.maxChoices }));
  const blocks: Block[] = [section(plain(poll.question)), context(...facts.map((f) => md(f)))];
  // Option texts in buttons are cut at 75 characters; then the full texts are listed above them.
  if (poll.options.some((o) => o.label.length > 70)) {
    const lines = poll.options.map((o, i) => `${i + 1}. ${escapeText(o.label)}`).join('\n');
    blocks.push(section(md(fitEscaped(lines, 3000).text)));
  }
  return blocks;
}

/** Results as the core lets this member see them: hidden until close, voters only where allowed. */
export function resultBlocks(tr: Tr, view: PollView, maxBlocks = 6): Block[] {
  const r = view.results;
  const poll = r.poll;
  const blocks: Block[] = [context(md(tr(`common:turnout.${r.poll.audience}`, { turnout: r.turnout, eligible: r.eligible })))];
  if (!r.visible) return [...blocks, section(md(tr('poll.hidden')))];
  const rows =
    poll.kind === 'scale'
      ? r.scale.map((s) => ({ name: tr(`poll.scale.${s.value}`), count: s.count }))
      : poll.kind === 'consent'
        ? r.consent.map((c) => ({ name: tr(`common:consentVote.${c.vote}`), count: c.count }))
        : r.options.map((o) => ({ name: escapeText(o.label.slice(0, 150)), count: o.count }));
  const lines = rows.map((row) => `${'▇'.repeat(Math.min(row.count, 20)) || '·'} *${row.count}*  ${row.name}`);
  if (r.scaleAverage !== null) lines.push(tr('poll.average', { value: r.scaleAverage }));
  blocks.push(section(md(`*${tr(r.open ? 'poll.liveResults' : 'poll.finalResults')}*\n${lines.join('\n')}`)));
  for (const o of r.objections.slice(0, Math.max(0, maxBlocks - 4))) {
    blocks.push(context(md(tr('poll.objection')), plain(o.reason, 2000), ...(o.name ? [plain(tr('common:reasonAttribution.by', { name: o.name }), 300)] : [])));
  }
  if (r.voters && r.voters.length > 0) {
    const who = r.voters.map((v) => `${escapeText(v.displayName)}: ${poll.kind === 'consent' ? tr(`common:consentVote.${v.choice}`) : escapeText(v.choice)}`);
    blocks.push(context(md(`*${tr('poll.voters')}*\n${who.join('\n')}`)));
  }
  return blocks;
}

/** The poll as a DM: choose, then press the explicit submit button; change it as often as you like. */
export function pollMessage(tr: Tr, view: PollView): { text: string; blocks: Block[]; metadata: types.MessageMetadata } {
  const poll = view.results.poll;
  const blocks: Block[] = [...about(tr, poll)];
  if (view.closed) {
    blocks.push(section(md(tr('poll.closed'))));
  } else {
    blocks.push(actions([choiceElement(tr, poll, view.ballot, 'poll_choice')], `poll:${poll.id}`));
    blocks.push(actions([button(tr(view.ballot ? 'poll.change' : 'poll.submit'), 'poll_submit', poll.id, { style: 'primary' })]));
  }
  blocks.push(context(md(view.ballot ? tr('poll.yourAnswer', { answer: escapeText(describeBallot(tr, poll, view.ballot)) }) : tr('poll.notYet'))));
  blocks.push(...resultBlocks(tr, view));
  return {
    text: tr('poll.fallback'),
    blocks: blocks.slice(0, 50),
    metadata: { event_type: POLL_METADATA, event_payload: { poll_id: poll.id } },
  };
}

/**
 * With a reason, whether the member's name may go with it: nothing pre-selected (the core refuses a reason
 * without this choice). An anonymous poll keeps no names, and says so instead.
 */
function reasonNameBlock(tr: Tr, poll: PollRecord, ballot: BallotRecord | null): Block {
  if (poll.anonymity === 'anonymous') return context(md(tr('common:reasonAttribution.anonymousPoll')));
  const options = REASON_ATTRIBUTIONS.map((a) => option(tr(`common:reasonAttribution.${a}`), a));
  const initial = options.find((o) => o.value === ballot?.reasonAttribution);
  return input(
    'reasonAttribution',
    tr('common:reasonAttribution.label'),
    { type: 'radio_buttons', action_id: 'reasonAttribution', options, ...(initial ? { initial_option: initial } : {}) },
    { optional: true, hint: tr('common:reasonAttribution.hint') },
  );
}

/** The same poll in a modal (from the Home tab). */
export function voteModal(tr: Tr, view: PollView): types.ModalView {
  const poll = view.results.poll;
  const blocks: Block[] = [...about(tr, poll)];
  if (!view.closed) {
    blocks.push(input('choice', tr('poll.choose'), choiceElement(tr, poll, view.ballot, 'choice')));
    if (poll.kind === 'consent') {
      blocks.push(
        input('reason', tr('poll.reason'), { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 1000, ...(view.ballot?.reason ? { initial_value: view.ballot.reason } : {}) }, { optional: true }),
        reasonNameBlock(tr, poll, view.ballot),
      );
    }
  }
  if (view.ballot) blocks.push(context(md(tr('poll.yourAnswer', { answer: escapeText(describeBallot(tr, poll, view.ballot)) }))));
  blocks.push(...resultBlocks(tr, view, 20));
  return modal('poll_vote', tr('poll.modalTitle'), blocks, {
    close: tr('common.close'),
    ...(view.closed ? {} : { submit: tr(view.ballot ? 'poll.change' : 'poll.submit') }),
    // The poll's shape and the language the form is drawn in: what checking an answer needs, in memory.
    metadata: { p: poll.id, l: tr.lang, k: poll.kind, m: poll.maxChoices, a: poll.anonymity, o: poll.options.map((o) => o.id) },
  });
}
