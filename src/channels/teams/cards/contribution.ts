import { ATTRIBUTIONS, LIMITS, type ContributionRecord, type DomainRecord, type HomeTexts, type IdeaRoundRecord, type InputOutcome } from '../../../core/index.js';
import { card, choiceInput, execute, heading, labelled, note, say, section, textInput, toggleInput, type AdaptiveCard, type CardElement } from './elements.js';
import { excerpt, notice, when, type Notice, type View } from './view.js';
import { localized } from './localized.js';

export const CONTRIBUTION_FIELDS = ['whatHappens', 'whatIsNeeded', 'idea'] as const;

/** The question of the month and three open boxes; how to be mentioned is a required, conscious choice. */
export function contributionForm(view: View, round: IdeaRoundRecord, domains: DomainRecord[], problem?: Notice, typed: Record<string, string> = {}): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:contribute.title')), say(round.question, { size: 'medium', weight: 'bolder' })];
  if (round.description) body.push(say(round.description));
  if (round.closesAt) body.push(note(t('teams:contribute.closesAt', { date: when(view, round.closesAt) }), { subtle: true }));
  body.push(...notice(problem), note(t('teams:contribute.hint', { max: LIMITS.contributionField })), note(t('teams:contribute.privacy'), { subtle: true }));
  for (const field of CONTRIBUTION_FIELDS) {
    body.push(textInput(field, t(`teams:contribute.${field}`), { multiline: true, maxLength: LIMITS.contributionField, value: typed[field], placeholder: t(`teams:contribute.${field}Hint`) }));
  }
  const active = domains.filter((d) => !d.archived);
  if (active.length > 0) {
    body.push(choiceInput('domainKeys', t('teams:contribute.domains'), active.map((d) => ({ title: d.labels[view.language], value: d.key })), { multi: true, value: typed.domainKeys }));
  }
  body.push(
    choiceInput('attribution', t('teams:contribute.attribution'), ATTRIBUTIONS.map((a) => ({ title: `${t(`common:attribution.${a}`)}: ${t(`teams:contribute.attributionHint.${a}`)}`, value: a })), {
      value: typed.attribution,
      required: t('teams:contribute.attributionRequired'),
    }),
  );
  // The guard found details we may not keep: the member may rephrase, or explicitly let the bot leave them out.
  if (problem?.code === 'sensitive_data_found' || typed.redact === 'true') {
    body.push(toggleInput('redact', t('privacy:guard.title'), t('privacy:guard.redact'), typed.redact === 'true'), note(t('privacy:guard.redactHint'), { subtle: true }));
  }
  const actions = [
    execute(t('teams:contribute.submit'), 'contribution.submit', { roundId: round.id }, { style: 'positive', inputs: true }),
    execute(t('teams:card.cancel'), 'home'),
  ];
  return card(body, { actions, fallback: t('teams:contribute.title') });
}

/** After sending: exactly what was stored, how the member is mentioned, and a one-step withdrawal. */
export function contributionSaved(view: View, contribution: ContributionRecord, done: Notice): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:contribution.title')), ...notice(done)];
  for (const field of CONTRIBUTION_FIELDS) if (contribution[field]) body.push(section([note(t(`teams:contribute.${field}`), { subtle: true }), say(contribution[field])]));
  body.push(note(`${t('teams:contribute.attribution')} ${t(`common:attribution.${contribution.attribution}`)}`), note(t('teams:contribution.withdrawHint'), { subtle: true }));
  const actions = [
    execute(t('teams:contribution.withdraw'), 'contribution.withdraw', { contributionId: contribution.id }, { style: 'destructive' }),
    execute(t('teams:card.home'), 'home'),
  ];
  return card(body, { actions, fallback: t('teams:contribution.title') });
}

/** "You said, we did": each contribution with the action-plan items the board made of it, and its answer. */
/** `texts`: titles and the board's answers in the reader's language where translated (from the core's home). */
export function outcomesCard(view: View, outcomes: InputOutcome[], mine: ContributionRecord[], news?: Notice, texts?: HomeTexts): AdaptiveCard {
  const { t } = view;
  const body: CardElement[] = [heading(t('teams:outcomes.title')), ...notice(news)];
  if (outcomes.length === 0) body.push(note(t('teams:outcomes.none')));
  for (const outcome of outcomes) {
    const contribution = mine.find((c) => c.id === outcome.contributionId);
    const items: CardElement[] = [];
    if (contribution) items.push(labelled(t('teams:outcomes.youWrote'), excerpt(contribution.whatHappens || contribution.whatIsNeeded || contribution.idea)));
    for (const item of outcome.items) {
      items.push(texts ? localized(view, texts.get('backlog_item', item.id, 'title', item.title), { style: { weight: 'bolder' } }) : say(item.title, { weight: 'bolder' }));
      items.push(note(`${t(`common:backlogStatus.${item.status}`)} · ${t('teams:outcomes.progress', { progress: item.progress })}`, { subtle: true }));
      const answer = item.boardResponse ? (texts ? localized(view, texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse), { label: t('teams:outcomes.response') }) : labelled(t('teams:outcomes.response'), item.boardResponse)) : null;
      items.push(answer ?? note(t('teams:outcomes.noResponse'), { subtle: true }));
    }
    body.push(section(items, { separator: true }));
  }
  return card(body, { actions: [execute(t('teams:card.home'), 'home')], refresh: { verb: 'outcomes', title: t('teams:card.refresh') }, fallback: t('teams:outcomes.title') });
}
