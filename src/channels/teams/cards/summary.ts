import type { DomainRecord, MemberConsentState, OpenChangeRequest, SummaryOverview, SummaryVersionRecord } from '../../../core/index.js';
import { buttons, card, execute, heading, labelled, note, openUrl, say, section, type AdaptiveCard, type CardElement } from './elements.js';
import { statementList } from './consent.js';
import { notice, type Notice, type View } from './view.js';

function factsSection(view: View, version: SummaryVersionRecord, domains: DomainRecord[]): CardElement {
  const { t } = view;
  const facts = version.facts;
  const domain = (key: string) => domains.find((d) => d.key === key)?.labels[view.language] ?? key;
  const items: CardElement[] = [
    heading(t('teams:summary.facts'), 'medium'),
    note(t('teams:summary.factLine', { contributions: facts.contributions, contributors: facts.contributors })),
  ];
  if (facts.domainsMissing.length > 0) items.push(say(t('teams:summary.missing', { list: facts.domainsMissing.map(domain).join(', ') }), { subtle: true }));
  return section(items, { separator: true });
}

function removalsSection(view: View, version: SummaryVersionRecord): CardElement[] {
  const { t } = view;
  if (version.removals.length === 0) return [];
  const counts = new Map<string, number>();
  for (const r of version.removals) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [
    section(
      [heading(t('teams:summary.removals'), 'medium'), ...[...counts].map(([reason, count]) => note(`${count} × ${t(`common:removalReason.${reason}`)}`, { subtle: true }))],
      { separator: true },
    ),
  ];
}

/** Members' change requests not handled yet (from any version): each stays until the facilitator marks it handled. */
function changeRequestsSection(view: View, open: OpenChangeRequest[], versionId: string): CardElement[] {
  const { t } = view;
  if (open.length === 0) return [];
  const items: CardElement[] = [heading(t('common:changeRequests.title'), 'medium')];
  for (const r of open) {
    items.push(say(t('common:changeRequests.from', { name: r.displayName, number: r.versionNumber }), { weight: 'bolder' }));
    if (r.comment) items.push(say(`“${r.comment}”`, { italic: true }));
    items.push(buttons([execute(t('common:changeRequests.handled'), 'change.handled', { requestId: r.requestId, versionId })]));
  }
  return [section(items, { separator: true })];
}

/**
 * One summary version as the facilitator sees it: the exact statements and quotes, what the check removed,
 * how many quoted members answered, and (only when everyone approved this version) "send to the board".
 */
export function versionCard(
  view: View,
  version: SummaryVersionRecord,
  overview: SummaryOverview | undefined,
  domains: DomainRecord[],
  done?: Notice,
  changes: OpenChangeRequest[] = [],
): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [
    heading(overview ? t('teams:summary.titleOf', { number: version.number }) : t('teams:summary.title')),
    ...(overview ? [say(overview.summary.title, { weight: 'bolder' })] : []),
    note(`${t(`common:versionStatus.${version.status}`)} · ${t(`common:generator.${version.generator}`)}`, { subtle: true }),
    ...notice(done),
  ];
  if (version.status === 'failed') body.push(note(t('teams:summary.failed'), { color: 'attention' }));
  if (overview && overview.latest?.id === version.id && version.status === 'awaiting_consent') {
    body.push(note(t('teams:summary.consentCounts', overview.consent)), note(t('teams:summary.publishHint'), { subtle: true }));
  }
  body.push(...changeRequestsSection(view, changes, version.id), ...statementList(view, version.statements), ...removalsSection(view, version), factsSection(view, version, domains));
  const actions: CardElement[] = [];
  if (version.status === 'awaiting_consent') actions.push(execute(t('teams:summary.publish'), 'summary.publish', { versionId: version.id }, { style: 'positive' }));
  actions.push(execute(t('teams:summary.answers'), 'summary.answers', { versionId: version.id }));
  if (overview?.latest && overview.latest.id !== version.id) actions.push(execute(t('teams:summary.openLatest'), 'summary.show', { versionId: overview.latest.id }));
  actions.push(openUrl(t('teams:board.open'), view.boardUrl), execute(t('teams:card.back'), 'facilitator'));
  return card(body, { actions, refresh: { verb: 'summary.show', data: { versionId: version.id }, title: t('teams:card.refresh') }, fallback: t('teams:summary.title') });
}

/**
 * Who was asked about one version and what they answered, with change comments, so the facilitator can act.
 * Opened on purpose (the core records each look), never by an automatic refresh.
 */
export function answersCard(view: View, versionId: string, states: MemberConsentState[]): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:summary.answers'))];
  if (states.length === 0) body.push(note(t('teams:summary.noAnswers')));
  for (const s of states) {
    const who = s.anonymousAuthor ? t('teams:summary.anonymousAuthor') : s.displayName;
    const items = [labelled(who, t(`common:consentStatus.${s.status}`))];
    if (s.comment) items.push(say(s.comment, { italic: true }));
    body.push(section(items, { separator: true }));
  }
  return card(body, { actions: [execute(t('teams:card.back'), 'summary.show', { versionId })], fallback: t('teams:summary.answers') });
}
