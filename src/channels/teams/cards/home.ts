import { homeTexts, LANGUAGES, showsTimeOfDay, type MemberHome } from '../../../core/index.js';
import { buttons, card, execute, heading, labelled, note, openUrl, say, section, type AdaptiveCard, type CardElement } from './elements.js';
import { localized, statement } from './localized.js';
import { canContribute, excerpt, isFacilitator, notice, when, type Notice, type View } from './view.js';

const MAX_ITEMS = 5;

function pollsSection(view: View, home: MemberHome): CardElement {
  const { t } = view;
  const items: CardElement[] = [heading(t('teams:home.polls'), 'medium')];
  if (home.openPolls.length === 0) items.push(note(t('teams:home.noPolls'), { subtle: true }));
  const texts = homeTexts(home);
  for (const { poll, myBallot } of home.openPolls.slice(0, MAX_ITEMS)) {
    items.push(localized(view, texts.get('poll', poll.id, 'question', poll.question), { style: { weight: 'bolder' } }));
    // The options too, in the member's language: not marked one by one, the question says what they are in.
    for (const o of poll.options) items.push(localized(view, texts.get('poll_option', o.id, 'label', o.label), { mark: false, style: { subtle: true } }));
    items.push(note(myBallot ? t('teams:home.voted') : t('teams:home.notVoted'), { subtle: true }));
    items.push(buttons([execute(myBallot ? t('teams:poll.change') : t('teams:poll.open'), 'poll.show', { pollId: poll.id })]));
  }
  return section(items, { separator: true });
}

function roundsSection(view: View, home: MemberHome): CardElement {
  const { t } = view;
  const items: CardElement[] = [heading(t('teams:home.round'), 'medium')];
  if (home.openRounds.length === 0) items.push(note(t('teams:home.noRound'), { subtle: true }));
  for (const round of home.openRounds.slice(0, MAX_ITEMS)) {
    items.push(say(round.question, { weight: 'bolder' }));
    items.push(buttons([execute(t('teams:contribute.open'), 'round.contribute', { roundId: round.id })]));
  }
  return section(items, { separator: true });
}

function consentSection(view: View, home: MemberHome): CardElement[] {
  const { t } = view;
  if (home.consentRequests.length === 0) return [];
  const items: CardElement[] = [heading(t('teams:home.consent'), 'medium'), note(t('teams:home.consentIntro'))];
  for (const review of home.consentRequests.slice(0, MAX_ITEMS)) {
    items.push(buttons([execute(t('teams:consent.open', { number: review.version.number }), 'consent.show', { requestId: review.request.id }, { style: 'positive' })]));
  }
  return [section(items, { separator: true })];
}

function mineSection(view: View, home: MemberHome): CardElement {
  const { t } = view;
  const items: CardElement[] = [heading(t('teams:home.mine'), 'medium')];
  const live = home.myContributions.filter((c) => c.status === 'live');
  if (live.length === 0) items.push(note(t('teams:home.noMine'), { subtle: true }));
  for (const c of live.slice(0, MAX_ITEMS)) {
    items.push(say(excerpt(c.whatHappens || c.whatIsNeeded || c.idea)));
    items.push(note(`${t(`common:attribution.${c.attribution}`)} · ${when(view, c.createdAt, showsTimeOfDay(c))}`, { subtle: true }));
    items.push(buttons([execute(t('teams:contribution.withdraw'), 'contribution.withdraw', { contributionId: c.id }, { style: 'destructive' })]));
  }
  if (live.length > 0) items.push(note(t('teams:contribution.withdrawHint'), { subtle: true }));
  items.push(...outcomeItems(view, home));
  if (home.outcomes.length > 0) {
    items.push(buttons([execute(t('teams:home.outcomes', { count: home.outcomes.length }), 'outcomes', {}, { style: 'positive' })]));
  }
  return section(items, { separator: true });
}

/** Plan items that came from the member's input: title and the board's answer, in their language where translated. */
function outcomeItems(view: View, home: MemberHome): CardElement[] {
  const texts = homeTexts(home);
  const seen = new Set<string>();
  const items: CardElement[] = [];
  for (const item of home.outcomes.flatMap((o) => o.items)) {
    if (seen.has(item.id) || seen.size >= MAX_ITEMS) continue;
    seen.add(item.id);
    items.push(localized(view, texts.get('backlog_item', item.id, 'title', item.title), { style: { weight: 'bolder' } }));
    items.push(note(`${view.t(`common:backlogStatus.${item.status}`)} · ${view.t('teams:outcomes.progress', { progress: item.progress })}`, { subtle: true }));
    if (item.boardResponse) items.push(localized(view, texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse), { label: view.t('teams:outcomes.response') }));
  }
  return items;
}

/** Published summaries that quote the member; a statement in another language with its translation, marked. */
function summariesSection(view: View, home: MemberHome): CardElement[] {
  const summaries = (home.summaries ?? []).slice(0, MAX_ITEMS);
  if (summaries.length === 0) return [];
  const texts = homeTexts(home);
  const items: CardElement[] = [heading(view.t('thread:summaries'), 'medium')];
  for (const { summary, version } of summaries) {
    items.push(say(summary.title, { weight: 'bolder' }));
    items.push(note(view.t('thread:published', { number: version.number, date: version.publishedAt ? when(view, version.publishedAt, false) : '' }), { subtle: true }));
    for (const st of version.statements.slice(0, MAX_ITEMS)) items.push(...statement(view, st, texts.statements.get(st.id)));
  }
  return [section(items, { separator: true })];
}

/** Experts: the privacy text to answer first (when not agreed yet), and a private "I need support". */
function privacySection(view: View, home: MemberHome): CardElement[] {
  const { t } = view;
  if (view.actor.role !== 'expert') return [];
  const items: CardElement[] = [];
  if (home.participation && home.participation.state !== 'accepted') {
    items.push(note(t(home.participation.state === 'outdated' ? 'privacy:page.changed' : 'privacy:page.banner'), { color: 'attention' }));
  }
  const actions = [execute(items.length > 0 ? t('privacy:page.bannerLink') : t('privacy:page.title'), 'privacy.show', {}, items.length > 0 ? { style: 'positive' } : {})];
  if (home.supportRequested) items.push(note(t('privacy:support.sentShort'), { subtle: true }));
  else actions.push(execute(t('privacy:support.button'), 'support.request'));
  return [section([...items, buttons(actions), note(t('privacy:support.hint'), { subtle: true })], { separator: true })];
}

function meetingSection(view: View, home: MemberHome): CardElement[] {
  if (!home.nextMeeting) return [];
  return [section([heading(view.t('teams:home.meeting'), 'medium'), labelled(when(view, home.nextMeeting.scheduledAt), home.nextMeeting.title)], { separator: true })];
}

/** A member's personal home: what asks for an answer first, then what they wrote and what became of it. */
export function homeCard(view: View, home: MemberHome, done?: Notice): AdaptiveCard {
  const { t, actor } = view;
  const body: CardElement[] = [
    heading(t('teams:home.title')),
    say(t('teams:home.hello', { name: actor.displayName })),
    note(t('teams:home.role', { role: t(`common:role.${actor.role}`) }), { subtle: true }),
    ...notice(done),
    ...(view.actor.role === 'expert' && home.participation?.state !== 'accepted' ? privacySection(view, home) : []),
    ...consentSection(view, home),
    pollsSection(view, home),
  ];
  if (canContribute(view)) body.push(roundsSection(view, home), mineSection(view, home));
  body.push(...meetingSection(view, home), ...summariesSection(view, home));
  if (home.participation?.state === 'accepted') body.push(...privacySection(view, home));
  const actions: CardElement[] = [execute(t('teams:help.button'), 'help')];
  if (isFacilitator(view)) actions.unshift(execute(t('teams:facilitator.button'), 'facilitator', {}, { style: 'positive' }));
  if (actor.role !== 'expert') actions.push(openUrl(t('teams:board.open'), view.boardUrl));
  body.push(section([note(t('teams:home.language'), { subtle: true }), buttons(LANGUAGES.filter((l) => l !== view.language).map((l) => execute(t(`common:language.${l}`), 'language.set', { language: l })))], { separator: true }));
  return card(body, { actions, refresh: { verb: 'home', title: t('teams:card.refresh') }, fallback: t('teams:home.title') });
}
