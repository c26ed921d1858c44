import type { ParticipationStatus, PrivacyNotice, SupportRequestView } from '../../../core/index.js';
import { buttons, card, execute, heading, note, say, section, toggle, type ActionData, type AdaptiveCard, type CardElement } from './elements.js';
import { notice, when, type Notice, type View } from './view.js';

/** Where to go once the member agreed: the view they were on their way to (never a change). */
export interface AfterConsent {
  verb: string;
  data: ActionData;
}

/** The container that holds the full privacy text, hidden until the member asks for it. */
export const PRIVACY_FULL_ID = 'privacy-full-text';

function stateLine(view: View, status: ParticipationStatus): CardElement {
  const { t } = view;
  if (status.state === 'accepted' && status.acceptedAt) return note(t('privacy:page.acceptedOn', { date: when(view, status.acceptedAt), version: status.version }), { color: 'good' });
  if (status.state === 'outdated') return note(t('privacy:page.changed'), { color: 'attention' });
  if (status.state === 'withdrawn') return note(t('privacy:page.withdrawn'));
  return note(t('privacy:page.notYet'));
}

/**
 * The privacy text exactly as the core words it (shown literally), and the member's answer: "I agree and take
 * part" (to this version), "not now", or, once agreed, withdrawing in one step with all their input.
 */
export function privacyCard(view: View, text: PrivacyNotice, status: ParticipationStatus, opts: { problem?: Notice; next?: AfterConsent } = {}): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [
    heading(t('privacy:page.title')),
    ...notice(opts.problem),
    stateLine(view, status),
    // The short version in plain words; the full text one button away, opened in place (as on the web).
    section([say(text.title, { size: 'medium', weight: 'bolder' }), say(text.short), buttons([toggle(t('privacy:page.fullText'), PRIVACY_FULL_ID)])], { separator: true }),
    section([...text.paragraphs.map((p) => say(p))], { id: PRIVACY_FULL_ID, hidden: true }),
    note(t('privacy:page.version', { version: text.version }), { subtle: true }),
  ];
  const actions: CardElement[] = [];
  if (status.state !== 'accepted') {
    const next = opts.next ? { next: opts.next.verb, ...opts.next.data } : {};
    actions.push(execute(t('privacy:page.accept'), 'participation.accept', { version: text.version, ...next }, { style: 'positive' }));
    if (status.state === 'none') actions.push(execute(t('privacy:page.decline'), 'participation.decline'));
  }
  // Also when the text changed since they agreed: stopping never waits for agreeing again.
  if (status.state === 'accepted' || status.state === 'outdated') {
    body.push(section([heading(t('privacy:mydata.withdrawAllTitle'), 'medium'), note(t('privacy:mydata.withdrawAllHint')), buttons([execute(t('privacy:mydata.withdrawAllButton'), 'input.withdrawAll', {}, { style: 'destructive' })])], { separator: true }));
    body.push(section([heading(t('privacy:page.withdrawTitle'), 'medium'), note(t('privacy:page.withdrawHint')), buttons([execute(t('privacy:page.withdrawButton'), 'participation.withdraw', {}, { style: 'destructive' })])], { separator: true }));
  }
  actions.push(execute(t('teams:card.home'), 'home'));
  return card(body, { actions, fallback: t('privacy:page.title') });
}

/** For facilitators: who asked for support, and a button for each once they were contacted. */
export function supportListCard(view: View, requests: SupportRequestView[], done?: Notice): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('privacy:support.listTitle')), ...notice(done)];
  if (requests.length === 0) body.push(note(t('privacy:support.none')));
  for (const r of requests) {
    body.push(section([say(t('privacy:support.asked', { name: r.displayName, date: when(view, r.createdAt) })), buttons([execute(t('privacy:support.handled'), 'support.handled', { requestId: r.id })])], { separator: true }));
  }
  return card(body, { actions: [execute(t('teams:card.back'), 'facilitator')], fallback: t('privacy:support.listTitle') });
}
