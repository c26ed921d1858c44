// The App Home tab, per role: what waits for an answer first, then what the member wrote and what
// became of it; facilitators get the panel controls, board members the way to the board pages.
import type { types } from '@slack/bolt';
import {
  facilitatorOverview,
  homeTexts,
  memberHome,
  openChangeRequests,
  type Actor,
  type CoreDeps,
  type HomeTexts,
  type MemberHome,
  type OpenChangeRequest,
} from '../../../core/index.js';
import { actions, BlockList, button, context, divider, header, linkButton, section, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import type { ViewId } from '../ids.js';
import { escapeText, excerpt, md, plain } from '../text.js';
import { contributionText } from './contribution.js';
import { localizedMd, statementBlocks } from './localized.js';

const isFacilitator = (actor: Actor) => actor.role === 'facilitator' || actor.role === 'admin';

/** Withdrawing everything (contributions; or the agreement to take part, with them): after a confirm dialog. */
export const WITHDRAW_ALL = 'withdraw_all';
export const WITHDRAW_PARTICIPATION = 'withdraw_participation';

/** Slack's own confirm dialog, with the same words as the confirm step in Teams and on the web. */
function confirmOf(tr: Tr, what: 'withdraw_all' | 'withdraw_participation') {
  return { title: tr(`common:confirm.${what}.title`), text: `${tr(`common:confirm.${what}.body`)} ${tr('common:confirm.noUndo')}`, confirm: tr(`common:confirm.${what}.yes`), deny: tr('common:confirm.cancel') };
}

function withdrawEverything(tr: Tr, home: MemberHome): Block[] {
  const blocks: Block[] = [];
  if (home.myContributions.some((c) => c.status === 'live')) {
    blocks.push(section(md(tr('privacy:mydata.withdrawAllHint')), button(tr('privacy:mydata.withdrawAllButton'), WITHDRAW_ALL, 'all', { style: 'danger', confirm: confirmOf(tr, 'withdraw_all') })));
  }
  // Also under a privacy text that changed since: stopping must never wait for agreeing again.
  const agreed = home.participation?.state === 'accepted' || home.participation?.state === 'outdated';
  if (home.actor.role === 'expert' && agreed) {
    blocks.push(section(md(tr('privacy:page.withdrawHint')), button(tr('privacy:page.withdrawButton'), WITHDRAW_PARTICIPATION, 'all', { style: 'danger', confirm: confirmOf(tr, 'withdraw_participation') })));
  }
  return blocks;
}

/** The facilitator's "handled" on a member's change request (drawn here, handled in listeners/controls.ts). */
export const CHANGE_HANDLED = 'change_handled';

/** A change request until the facilitator handles it: who asked, on which version, and their words. */
function changeRequestBlocks(tr: Tr, r: OpenChangeRequest): Block[] {
  const from = tr('common:changeRequests.from', { name: escapeText(r.displayName), number: r.versionNumber });
  return [
    section(md(from), button(tr('common:changeRequests.handled'), CHANGE_HANDLED, r.requestId)),
    ...(r.comment ? [context(plain(`“${r.comment}”`, 2000))] : []),
  ];
}
const heading = (text: string): Block => section(md(`*${text}*`));

function memberSections(tr: Tr, home: MemberHome, list: BlockList): void {
  const canContribute = home.actor.role === 'expert' || home.actor.role === 'facilitator';
  const texts = homeTexts(home);
  if (home.consentRequests.length > 0) {
    list.add([divider(), heading(tr('home.consent'))]);
    list.list(
      home.consentRequests,
      (r) => [section(md(tr('home.consentItem', { number: r.version.number })), button(tr('home.review'), 'consent_open', r.request.id, { style: 'primary' }))],
      (n) => tr('home.more', { count: n }),
      12,
    );
  }
  list.add([divider(), heading(tr('home.polls'))]);
  if (home.openPolls.length === 0) list.add([context(md(tr('home.noPolls')))]);
  list.list(
    home.openPolls,
    ({ poll, myBallot }) => [
      section(md(localizedMd(tr, texts.get('poll', poll.id, 'question', poll.question))), button(tr(myBallot ? 'home.changeAnswer' : 'home.answer'), 'poll_open', poll.id, myBallot ? {} : { style: 'primary' })),
      // The options too, in the member's language: not marked one by one, the question says what they are in.
      ...(poll.options.length ? [context(md(poll.options.map((o) => localizedMd(tr, texts.get('poll_option', o.id, 'label', o.label), 280, { mark: false })).join(' · ')))] : []),
      context(md(myBallot ? tr('home.answered') : tr('home.notAnswered'))),
    ],
    (n) => tr('home.more', { count: n }),
    10,
  );
  if (!canContribute) return;
  list.add([divider(), heading(tr('home.round'))]);
  list.list(
    home.openRounds,
    (round) => [
      section(plain(round.question), button(tr('home.share'), 'contribution_open', round.id, { style: 'primary' })),
      ...(round.closesAt ? [context(md(tr('home.closesAt', { date: tr.when(round.closesAt) })))] : []),
    ],
    (n) => tr('home.more', { count: n }),
    8,
  );
  if (home.openRounds.length === 0) list.add([section(md(tr('home.noRound')), button(tr('home.shareFree'), 'contribution_open', 'free'))]);
  if (home.nextMeeting) {
    list.add([divider(), heading(tr('home.meeting')), section(plain(home.nextMeeting.title)), context(md(escapeText(tr.when(home.nextMeeting.scheduledAt))))]);
  }
  list.add([divider(), heading(tr('home.mine'))]);
  if (home.myContributions.length === 0) list.add([context(md(tr('home.noMine')))]);
  list.list(
    home.myContributions,
    (c) => [
      section(plain(excerpt(contributionText(c), 280))),
      context(md(`${escapeText(tr.when(c.createdAt, false))} · ${tr(`common:attribution.${c.attribution}`)} · *${tr(`home.status.${c.status}`)}*`)),
      ...(c.status === 'live'
        ? [actions([button(tr('home.edit'), 'contribution_edit', c.id), button(tr('home.withdraw'), 'withdraw_open', c.id, { style: 'danger' })])]
        : []),
    ],
    (n) => tr('home.more', { count: n }),
    8,
  );
  list.add(withdrawEverything(tr, home));
  list.add([divider(), heading(tr('home.outcomes'))]);
  if (home.outcomes.length === 0) list.add([context(md(tr('home.noOutcomes')))]);
  const mine = new Map(home.myContributions.map((c) => [c.id, c]));
  const youWrote = (id: string) => {
    const c = mine.get(id);
    return c ? contributionText(c) : '';
  };
  list.list(
    home.outcomes,
    (o) => [
      context(md(tr('home.youWrote', { text: escapeText(excerpt(youWrote(o.contributionId), 120)) }))),
      ...o.items.slice(0, 3).flatMap((item) => [
        section(md(`*${localizedMd(tr, texts.get('backlog_item', item.id, 'title', item.title), 600)}*\n${tr(`common:backlogStatus.${item.status}`)} · ${tr('home.progress', { progress: item.progress })}`)),
        ...(item.boardResponse ? [context(md(`*${tr('home.boardSaid')}*`), md(localizedMd(tr, texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse), 2000)))] : []),
      ]),
    ],
    (n) => tr('home.more', { count: n }),
    2,
  );
  summarySections(tr, home, texts, list);
}

/** Published summaries that quote the member; a statement in another language with its translation, marked. */
function summarySections(tr: Tr, home: MemberHome, texts: HomeTexts, list: BlockList): void {
  const summaries = home.summaries ?? [];
  if (summaries.length === 0) return;
  list.add([divider(), heading(tr('thread:summaries'))]);
  list.list(
    summaries,
    ({ summary, version }) => [
      section(md(`*${escapeText(summary.title)}*`)),
      context(md(escapeText(tr('thread:published', { number: version.number, date: version.publishedAt ? tr.when(version.publishedAt, false) : '' })))),
      ...version.statements.slice(0, 4).flatMap((st) => statementBlocks(tr, st, texts.statements.get(st.id))),
    ],
    (n) => tr('home.more', { count: n }),
    // Room left for the facilitator's controls below.
    isFacilitator(home.actor) ? 12 : 0,
  );
}

async function facilitatorSections(deps: CoreDeps, tr: Tr, actor: Actor, boardUrl: string, list: BlockList): Promise<void> {
  // One read, the same rules as the other channels (a poll past its deadline is not listed as open).
  const overview = await facilitatorOverview(deps, actor);
  const polls = overview.polls.filter((p) => p.open);
  const rounds = overview.rounds.slice(0, 5);
  const summaries = overview.summaries;
  list.add([
    divider(),
    header(tr('home.controls')),
    actions([
      button(tr('home.newPoll'), 'poll_new', 'new'),
      button(tr('home.newRound'), 'round_new', 'new'),
      button(tr('home.remind'), 'remind', 'now'),
      linkButton(tr('home.boardPages'), 'board_link', boardUrl),
    ]),
  ]);
  list.list(
    polls,
    ({ poll, canClose }) => [
      canClose
        ? section(plain(poll.question), button(tr('home.closePoll'), 'poll_close', poll.id, {
            confirm: { title: tr('home.closePoll'), text: tr('home.closePollConfirm'), confirm: tr('home.closePoll'), deny: tr('common.cancel') },
          }))
        : section(plain(poll.question)),
    ],
    (n) => tr('home.more', { count: n }),
    8,
  );
  list.list(
    rounds,
    ({ round, open, canClose }) => [
      section(plain(round.question)),
      context(md(tr(`home.roundStatus.${open ? 'open' : 'closed'}`))),
      actions([
        ...(canClose
          ? [button(tr('home.closeRound'), 'round_close', round.id, {
              style: 'danger',
              confirm: { title: tr('common:confirm.close_round.title'), text: `${tr('common:confirm.close_round.body')} ${tr('common:confirm.noUndo')}`, confirm: tr('common:confirm.close_round.yes'), deny: tr('common:confirm.cancel') },
            })]
          : []),
        button(tr('home.draft'), 'summary_draft', round.id),
      ]),
    ],
    (n) => tr('home.more', { count: n }),
    4,
  );
  // Change requests stay listed, on every version, until the facilitator marks them handled.
  const shown = summaries.slice(0, 5);
  const changes = new Map<string, OpenChangeRequest[]>();
  for (const s of shown) changes.set(s.summary.id, await openChangeRequests(deps, actor, s.summary.id));
  list.list(
    shown,
    (s) => {
      const open = changes.get(s.summary.id) ?? [];
      return [
        section(plain(s.summary.title)),
        context(md(s.latest ? `${tr('home.version', { number: s.latest.number })} · ${tr(`common:versionStatus.${s.latest.status}`)} · ${tr('home.consentCounts', s.consent)}` : '—')),
        ...(s.latest?.status === 'awaiting_consent' ? [actions([button(tr('home.publish'), 'summary_publish', s.latest.id, { style: 'primary' })])] : []),
        ...(open.length > 0 ? [context(md(`*${tr('common:changeRequests.title')}*`)), ...open.flatMap((r) => changeRequestBlocks(tr, r))] : []),
      ];
    },
    (n) => tr('home.more', { count: n }),
    0,
  );
}

export async function homeView(deps: CoreDeps, tr: Tr, actor: Actor, boardUrl: string, opts: { participates: boolean }): Promise<types.HomeView> {
  const list = new BlockList(100);
  list.add([
    header(tr('home.title')),
    section(md(tr('home.hello', { name: escapeText(actor.displayName), role: tr(`common:role.${actor.role}`) }))),
    context(md(tr('home.tips'))),
  ]);
  if (actor.role === 'board') {
    list.add([section(md(tr('home.board')), linkButton(tr('home.boardPages'), 'board_link', boardUrl))]);
  }
  if (actor.role === 'expert') {
    // Before taking part, the privacy text; and always a private way to ask a facilitator for support.
    if (!opts.participates) list.add([section(md(tr('privacy:page.banner')), button(tr('privacy:page.bannerLink'), 'privacy_open', 'open', { style: 'primary' }))]);
    list.add([section(md(tr('support.intro')), button(tr('privacy:support.button'), 'support_request', 'ask'))]);
  }
  if (actor.role !== 'board') memberSections(tr, await memberHome(deps, actor), list);
  if (isFacilitator(actor)) await facilitatorSections(deps, tr, actor, boardUrl, list);
  const callbackId: ViewId = 'home';
  return { type: 'home', callback_id: callbackId, blocks: list.blocks };
}
