import { LIMITS, quotedCitations, unquotedCount, type ConsentReview, type StatementRecord } from '../../../core/index.js';
import { card, execute, heading, note, quote, say, section, textInput, type AdaptiveCard, type CardElement } from './elements.js';
import { notice, type Notice, type View } from './view.js';

/**
 * The statements and verified quotes of one version, word for word (a quote's translation under it, marked
 * as one); the member's own quotes are marked.
 */
export function statementList(view: View, statements: StatementRecord[], mine: ReadonlySet<string> = new Set()): CardElement[] {
  const { t } = view;
  if (statements.length === 0) return [note(t('teams:summary.noStatements'))];
  return statements.map((s, i) => {
    const items: CardElement[] = [note(t('teams:summary.statement', { number: i + 1 }), { subtle: true })];
    if (s.theme) items.push(say(s.theme, { weight: 'bolder' }));
    items.push(say(s.text));
    if (unquotedCount(s) > 0) items.push(note(t('common:unquoted', { count: unquotedCount(s) }), { subtle: true }));
    for (const c of quotedCitations(s)) {
      const own = c.contributionId !== null && mine.has(c.contributionId);
      const who = c.attributedName ?? t('teams:summary.anonymous');
      const translation = c.translation ? { label: t('teams:summary.translation'), text: c.translation } : null;
      items.push(quote(c.quote, own ? `${t('teams:consent.yourWords')} · ${who}` : who, own, translation));
    }
    return section(items, { separator: true });
  });
}

/**
 * One consent request: the exact version that would go to the board, and the same four answers as everywhere
 * (approve, approve without my name, ask for a change with a comment, withdraw my input).
 */
export function consentCard(view: View, review: ConsentReview, problem?: Notice, typedComment?: string): AdaptiveCard {
  const { t } = view;
  const requestId = review.request.id;
  const body: CardElement[] = [
    heading(t('teams:consent.title', { number: review.version.number })),
    say(t('privacy:consentShort')),
    note(t('teams:consent.intro')),
    note(t('teams:consent.free'), { subtle: true }),
    ...notice(problem),
    ...statementList(view, review.version.statements, new Set(review.myContributionIds)),
    textInput('comment', t('teams:consent.comment'), { multiline: true, maxLength: LIMITS.reason, value: typedComment, placeholder: t('teams:consent.commentHint') }),
    note(t('teams:consent.withdrawHint'), { subtle: true }),
  ];
  const answer = (decision: string) => ({ requestId, decision });
  const actions = [
    execute(t('teams:consent.approve'), 'consent.respond', answer('approve'), { style: 'positive' }),
    execute(t('teams:consent.approveAnonymous'), 'consent.respond', answer('approve_anonymous')),
    execute(t('teams:consent.requestChange'), 'consent.respond', answer('request_change'), { inputs: true }),
    execute(t('teams:consent.withdraw'), 'consent.respond', answer('withdraw'), { style: 'destructive' }),
  ];
  return card(body, { actions, refresh: { verb: 'consent.show', data: { requestId }, title: t('teams:card.refresh') }, fallback: t('teams:consent.fallback') });
}

/** What the member sees once they answered (or when the request is no longer open). */
export function consentAnswered(view: View, done: Notice): AdaptiveCard {
  const { t } = view;
  return card([heading(t('teams:consent.answeredTitle')), ...notice(done)], { actions: [execute(t('teams:card.home'), 'home')], fallback: t('teams:consent.fallback') });
}
