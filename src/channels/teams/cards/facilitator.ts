import {
  ANONYMITY,
  LIMITS,
  NEW_POLL_DEFAULTS,
  POLL_AUDIENCES,
  POLL_KINDS,
  RESULTS_VISIBILITY,
  ROLES,
  type FacilitatorOverview,
  type IdeaRoundRecord,
  type MemberRecord,
  type PollRecord,
  type SummaryOverview,
} from '../../../core/index.js';
import { buttons, card, choiceInput, execute, heading, note, openUrl, say, section, textInput, type AdaptiveCard, type CardElement } from './elements.js';
import { notice, type Notice, type View } from './view.js';

function summaryLine(view: View, s: SummaryOverview, openChanges: number): CardElement[] {
  const { t } = view;
  const latest = s.latest;
  const items: CardElement[] = [say(s.summary.title, { weight: 'bolder' })];
  if (!latest) return items;
  items.push(note(`${t('teams:summary.version', { number: latest.number })} · ${t(`common:versionStatus.${latest.status}`)}`, { subtle: true }));
  if (latest.status === 'awaiting_consent') items.push(note(t('teams:summary.consentCounts', s.consent), { subtle: true }));
  if (openChanges > 0) items.push(note(t('common:changeRequests.waiting', { count: openChanges }), { color: 'attention' }));
  items.push(buttons([execute(t('teams:summary.open'), 'summary.show', { versionId: latest.id })]));
  return items;
}

/** The facilitator's tools: open polls and questions, draft summaries, send them to the board, remind. */
/** The core's overview, with the change requests not handled yet per summary id. */
export type ToolsOverview = FacilitatorOverview & { openChanges?: ReadonlyMap<string, number> };

export function facilitatorCard(view: View, overview: ToolsOverview, done?: Notice): AdaptiveCard {
  const { t } = view;
  // Polls that still take answers (the core says which: a poll past its deadline is not one of them).
  const polls = overview.polls.filter((p) => p.open);
  const body: CardElement[] = [heading(t('teams:facilitator.title')), note(t('teams:facilitator.intro')), ...notice(done)];
  const pollItems: CardElement[] = [heading(t('teams:facilitator.polls'), 'medium')];
  for (const { poll: p, canClose } of polls) {
    const actions = [execute(t('teams:poll.open'), 'poll.show', { pollId: p.id })];
    if (canClose) actions.push(execute(t('teams:poll.close'), 'poll.close', { pollId: p.id }, { style: 'destructive' }));
    pollItems.push(say(p.question), buttons(actions));
  }
  pollItems.push(buttons([execute(t('teams:pollForm.open'), 'poll.new', {}, { style: 'positive' })]));
  const roundItems: CardElement[] = [heading(t('teams:facilitator.rounds'), 'medium')];
  for (const { round: r, open, canClose } of overview.rounds.slice(0, 5)) {
    const actions = [execute(t('teams:summary.draft'), 'summary.draft', { roundId: r.id })];
    if (canClose) actions.push(execute(t('teams:roundForm.close'), 'round.close', { roundId: r.id }, { style: 'destructive' }));
    roundItems.push(say(r.question), note(t(`teams:roundForm.status.${open ? 'open' : 'closed'}`), { subtle: true }), buttons(actions));
  }
  roundItems.push(buttons([execute(t('teams:roundForm.open'), 'round.new', {}, { style: 'positive' })]));
  const summaryItems: CardElement[] = [heading(t('teams:facilitator.summaries'), 'medium')];
  if (overview.summaries.length === 0) summaryItems.push(note(t('teams:facilitator.noSummaries'), { subtle: true }));
  for (const s of overview.summaries.slice(0, 5)) summaryItems.push(...summaryLine(view, s, overview.openChanges?.get(s.summary.id) ?? 0));
  body.push(section(pollItems, { separator: true }), section(roundItems, { separator: true }), section(summaryItems, { separator: true }));
  const actions = [
    execute(t('teams:facilitator.remind'), 'reminders.send'),
    execute(t('teams:members.open'), 'members'),
    execute(t('privacy:support.listTitle'), 'support.list'),
    openUrl(t('teams:board.open'), view.boardUrl),
    execute(t('teams:card.home'), 'home'),
  ];
  return card(body, { actions, refresh: { verb: 'facilitator', title: t('teams:card.refresh') }, fallback: t('teams:facilitator.title') });
}

export function pollForm(view: View, problem?: Notice, typed: Record<string, string> = {}): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [
    heading(t('teams:pollForm.title')),
    ...notice(problem),
    textInput('question', t('teams:pollForm.question'), { maxLength: LIMITS.question, value: typed.question, required: t('teams:pollForm.questionRequired') }),
    choiceInput('kind', t('teams:pollForm.kind'), POLL_KINDS.map((k) => ({ title: t(`common:pollKind.${k}`), value: k })), { value: typed.kind ?? 'single' }),
    textInput('options', t('teams:pollForm.options'), { multiline: true, value: typed.options, placeholder: t('teams:pollForm.optionsHint') }),
    choiceInput('anonymity', t('teams:pollForm.anonymity'), ANONYMITY.map((a) => ({ title: t(`common:anonymity.${a}`), value: a })), { value: typed.anonymity ?? NEW_POLL_DEFAULTS.anonymity }),
    choiceInput('resultsVisibility', t('teams:pollForm.resultsVisibility'), RESULTS_VISIBILITY.map((r) => ({ title: t(`common:resultsVisibility.${r}`), value: r })), { value: typed.resultsVisibility ?? NEW_POLL_DEFAULTS.resultsVisibility }),
    choiceInput('audience', t('common:pollAudience.label'), POLL_AUDIENCES.map((a) => ({ title: t(`common:pollAudience.${a}`), value: a })), { value: typed.audience ?? NEW_POLL_DEFAULTS.audience }),
  ];
  const actions = [execute(t('teams:pollForm.submit'), 'poll.create', {}, { style: 'positive', inputs: true }), execute(t('teams:card.cancel'), 'facilitator')];
  return card(body, { actions, fallback: t('teams:pollForm.title') });
}

export function roundForm(view: View, problem?: Notice, typed: Record<string, string> = {}): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [
    heading(t('teams:roundForm.title')),
    note(t('teams:roundForm.intro'), { subtle: true }),
    ...notice(problem),
    textInput('question', t('teams:roundForm.question'), { maxLength: LIMITS.question, value: typed.question, required: t('teams:pollForm.questionRequired') }),
    textInput('description', t('teams:roundForm.description'), { multiline: true, maxLength: LIMITS.longText, value: typed.description }),
  ];
  const actions = [execute(t('teams:roundForm.submit'), 'round.create', {}, { style: 'positive', inputs: true }), execute(t('teams:card.cancel'), 'facilitator')];
  return card(body, { actions, fallback: t('teams:roundForm.title') });
}

/** Panel members and their roles; a facilitator can make someone a board member or a co-facilitator. */
export function membersCard(view: View, members: MemberRecord[], done?: Notice): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:members.title')), note(t('teams:members.intro'), { subtle: true }), ...notice(done)];
  const roles = ROLES.filter((r) => r !== 'admin' || view.actor.role === 'admin');
  for (const m of members.filter((x) => x.active && !x.erasedAt)) {
    const canChange = m.id !== view.actor.memberId && (m.role !== 'admin' || view.actor.role === 'admin');
    const items: CardElement[] = [say(m.displayName, { weight: 'bolder' }), note(t(`common:role.${m.role}`), { subtle: true })];
    if (canChange) items.push(buttons(roles.filter((r) => r !== m.role).map((r) => execute(t('teams:members.makeRole', { role: t(`common:role.${r}`) }), 'member.role', { memberId: m.id, role: r }))));
    body.push(section(items, { separator: true }));
  }
  return card(body, { actions: [execute(t('teams:card.back'), 'facilitator')], fallback: t('teams:members.title') });
}
