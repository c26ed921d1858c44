import { CONSENT_VOTES, LIMITS, REASON_ATTRIBUTIONS, describeBallot as describeChoice, type BallotRecord, type PollRecord, type PollResults, type PollScreen } from '../../../core/index.js';
import { card, choiceInput, execute, heading, labelled, note, quote, say, section, textInput, type AdaptiveCard, type CardElement } from './elements.js';
import { notice, when, type Notice, type View } from './view.js';

/** What a member chose, in words: option labels, a score or a consent vote. */
export function describeBallot(view: View, poll: PollRecord, ballot: BallotRecord): string {
  return describeChoice(poll, ballot.choice, view.t);
}

function currentValue(ballot: BallotRecord | null): Record<string, string> {
  const choice = ballot?.choice;
  if (!choice) return {};
  if (choice.kind === 'options') return { optionIds: choice.optionIds.join(',') };
  if (choice.kind === 'scale') return { value: String(choice.value) };
  return { vote: choice.vote, reason: ballot.reason ?? '', reasonAttribution: ballot.reasonAttribution ?? '' };
}

function answerInputs(view: View, poll: PollRecord, values: Record<string, string>): CardElement[] {
  const { t } = view;
  const required = t('teams:poll.required');
  switch (poll.kind) {
    case 'single':
    case 'multiple': {
      const multi = poll.kind === 'multiple';
      const hint = multi ? (poll.maxChoices ? t('teams:poll.pickUpTo', { count: poll.maxChoices }) : t('teams:poll.pickSeveral')) : null;
      const choices = poll.options.map((o) => ({ title: o.label, value: o.id }));
      return [...(hint ? [note(hint, { subtle: true })] : []), choiceInput('optionIds', t('teams:poll.choose'), choices, { multi, value: values.optionIds, required })];
    }
    case 'scale':
      return [
        note(t('teams:poll.scaleHint'), { subtle: true }),
        choiceInput('value', t('teams:poll.choose'), [1, 2, 3, 4, 5].map((v) => ({ title: String(v), value: String(v) })), { value: values.value, required }),
      ];
    case 'consent':
      return [
        choiceInput('vote', t('teams:poll.choose'), CONSENT_VOTES.map((v) => ({ title: t(`common:consentVote.${v}`), value: v })), { value: values.vote, required }),
        textInput('reason', t('teams:poll.reason'), { multiline: true, maxLength: LIMITS.reason, value: values.reason }),
        // With a reason, the member chooses whether their name goes with it: nothing is pre-selected.
        ...(poll.anonymity === 'anonymous'
          ? [note(t('common:reasonAttribution.anonymousPoll'), { subtle: true })]
          : [
              note(t('common:reasonAttribution.hint'), { subtle: true }),
              choiceInput('reasonAttribution', t('common:reasonAttribution.label'), REASON_ATTRIBUTIONS.map((a) => ({ title: t(`common:reasonAttribution.${a}`), value: a })), { value: values.reasonAttribution }),
            ]),
      ];
  }
}

/** One poll as this member sees it: the question, their current answer, and an explicit send button. */
export function pollCard(view: View, screen: PollScreen, done?: Notice, typed?: Record<string, string>): AdaptiveCard {
  const { t } = view;
  const { ballot } = screen;
  const poll = screen.results.poll;
  const body: CardElement[] = [
    heading(t('teams:poll.title')),
    say(poll.question, { size: 'medium', weight: 'bolder' }),
    note(`${t(`common:pollKind.${poll.kind}`)} · ${t(`common:anonymity.${poll.anonymity}`)}`, { subtle: true }),
    ...notice(done),
  ];
  const actions: CardElement[] = [];
  // Open or closed as the core says (status and deadline), the same in every channel; the vote form only for
  // those the poll asks (a facilitator sees an experts' poll without it).
  if (screen.closed) {
    body.push(note(t('teams:poll.closed')));
  } else {
    if (poll.deadline) body.push(note(t('teams:poll.deadline', { date: when(view, poll.deadline) }), { subtle: true }));
    if (screen.canVote) {
      body.push(ballot ? labelled(t('teams:poll.yourAnswer'), describeBallot(view, poll, ballot)) : note(t('teams:poll.notYet')));
      body.push(...answerInputs(view, poll, { ...currentValue(ballot), ...typed }));
      actions.push(execute(ballot ? t('teams:poll.change') : t('teams:poll.submit'), 'poll.vote', { pollId: poll.id }, { style: 'positive', inputs: true }));
    }
  }
  if (screen.results.visible || poll.resultsVisibility === 'live') actions.push(execute(t('teams:results.open'), 'poll.results', { pollId: poll.id }));
  if (screen.canClose) actions.push(execute(t('teams:poll.close'), 'poll.close', { pollId: poll.id }, { style: 'destructive' }));
  actions.push(execute(t('teams:card.home'), 'home'));
  return card(body, { actions, refresh: { verb: 'poll.show', data: { pollId: poll.id }, title: t('teams:card.refresh') }, fallback: t('teams:poll.title') });
}

function percent(count: number, total: number): string {
  return total > 0 ? ` (${Math.round((count / total) * 100)}%)` : '';
}

function tallies(view: View, results: PollResults): CardElement[] {
  const { t } = view;
  const out: CardElement[] = [];
  for (const o of results.options) if (results.poll.kind === 'single' || results.poll.kind === 'multiple') out.push(labelled(`${o.count}${percent(o.count, results.turnout)}`, o.label));
  for (const s of results.scale) out.push(labelled(`${s.count}`, t('teams:poll.scaleAnswer', { value: s.value })));
  if (results.scaleAverage !== null) out.push(note(t('teams:results.average', { value: results.scaleAverage })));
  for (const c of results.consent) out.push(labelled(`${c.count}`, t(`common:consentVote.${c.vote}`)));
  if (results.objections.length > 0) {
    out.push(note(t('teams:results.objections')), ...results.objections.map((o) => quote(o.reason, o.name ? t('common:reasonAttribution.by', { name: o.name }) : null)));
  }
  return out;
}

/** Results: turnout always; counts only when the poll shows them (live, or after closing). */
export function resultsCard(view: View, results: PollResults, done?: Notice): AdaptiveCard {
  const { t } = view;
  const poll = results.poll;
  const body: CardElement[] = [
    heading(t('teams:results.title')),
    say(poll.question, { size: 'medium', weight: 'bolder' }),
    ...notice(done),
    note(t(`common:turnout.${results.poll.audience}`, { turnout: results.turnout, eligible: results.eligible })),
    note(!results.open && results.closedAt ? t('teams:results.closed', { date: when(view, results.closedAt) }) : t('teams:results.stillOpen'), { subtle: true }),
  ];
  if (!results.visible) body.push(note(t('teams:results.hidden')));
  else body.push(section(tallies(view, results)));
  if (results.voters && results.voters.length > 0) {
    body.push(section([note(t('teams:results.voters')), ...results.voters.map((v) => labelled(v.displayName, poll.kind === 'consent' ? t(`common:consentVote.${v.choice}`) : v.choice))], { separator: true }));
  }
  const actions = [execute(t('teams:poll.back'), 'poll.show', { pollId: poll.id }), execute(t('teams:card.home'), 'home')];
  return card(body, { actions, refresh: { verb: 'poll.results', data: { pollId: poll.id }, title: t('teams:card.refresh') }, fallback: t('teams:results.title') });
}
