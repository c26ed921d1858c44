// Modals for facilitators: a new poll and a new question of the month.
import type { types, ViewOutput, ViewStateValue } from '@slack/bolt';
import { ANONYMITY, NEW_POLL_DEFAULTS, POLL_AUDIENCES, POLL_KINDS, RESULTS_VISIBILITY, type CreatePollInput } from '../../../core/index.js';
import { context, input, modal, option, textInput, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { md } from '../text.js';

type Values = ViewOutput['state']['values'];

export function value(values: Values, block: string, action = block): ViewStateValue | undefined {
  return values[block]?.[action];
}

export const textOf = (values: Values, block: string): string => value(values, block)?.value ?? '';

function radio(actionId: string, options: types.PlainTextOption[], initial?: string): types.RadioButtons {
  const chosen = options.find((o) => o.value === initial);
  return { type: 'radio_buttons', action_id: actionId, options, ...(chosen ? { initial_option: chosen } : {}) };
}

function dateTime(actionId: string): types.DateTimepicker {
  return { type: 'datetimepicker', action_id: actionId };
}

export function pollModal(tr: Tr): types.ModalView {
  const blocks: Block[] = [
    input('question', tr('pollForm.question'), textInput('question', { multiline: true, max: 500 })),
    input('kind', tr('pollForm.kind'), radio('kind', POLL_KINDS.map((k) => option(tr(`common:pollKind.${k}`), k)), 'single')),
    input('options', tr('pollForm.options'), textInput('options', { multiline: true, max: 2100 }), { optional: true, hint: tr('pollForm.optionsHint') }),
    input('maxChoices', tr('pollForm.maxChoices'), { type: 'number_input', action_id: 'maxChoices', is_decimal_allowed: false, min_value: '1', max_value: '10' }, { optional: true }),
    input('anonymity', tr('pollForm.anonymity'), radio('anonymity', ANONYMITY.map((a) => option(tr(`common:anonymity.${a}`), a)), NEW_POLL_DEFAULTS.anonymity)),
    input('resultsVisibility', tr('pollForm.results'), radio('resultsVisibility', RESULTS_VISIBILITY.map((r) => option(tr(`common:resultsVisibility.${r}`), r)), NEW_POLL_DEFAULTS.resultsVisibility)),
    input('audience', tr('common:pollAudience.label'), radio('audience', POLL_AUDIENCES.map((a) => option(tr(`common:pollAudience.${a}`), a)), NEW_POLL_DEFAULTS.audience)),
    input('deadline', tr('pollForm.deadline'), dateTime('deadline'), { optional: true }),
    context(md(tr('pollForm.note'))),
  ];
  return modal('poll_create', tr('pollForm.title'), blocks, { submit: tr('pollForm.submit'), close: tr('common.cancel'), metadata: { l: tr.lang } });
}

function timestamp(v: ViewStateValue | undefined): Date | undefined {
  const seconds = v?.selected_date_time;
  return typeof seconds === 'number' ? new Date(seconds * 1000) : undefined;
}

export function readPollForm(values: Values): CreatePollInput {
  const options = textOf(values, 'options')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const max = textOf(values, 'maxChoices');
  return {
    question: textOf(values, 'question'),
    kind: value(values, 'kind')?.selected_option?.value,
    options,
    maxChoices: max === '' ? undefined : max,
    anonymity: value(values, 'anonymity')?.selected_option?.value,
    resultsVisibility: value(values, 'resultsVisibility')?.selected_option?.value,
    audience: value(values, 'audience')?.selected_option?.value,
    deadline: timestamp(value(values, 'deadline')),
  };
}

export function roundModal(tr: Tr): types.ModalView {
  const blocks: Block[] = [
    input('question', tr('roundForm.question'), textInput('question', { multiline: true, max: 500 }), { hint: tr('roundForm.questionHint') }),
    input('description', tr('roundForm.description'), textInput('description', { multiline: true, max: 3000 }), { optional: true }),
    input('closesAt', tr('roundForm.closesAt'), dateTime('closesAt'), { optional: true }),
    context(md(tr('roundForm.note'))),
  ];
  return modal('round_open', tr('roundForm.title'), blocks, { submit: tr('roundForm.submit'), close: tr('common.cancel'), metadata: { l: tr.lang } });
}

export function readRoundForm(values: Values): { question: string; description: string; closesAt: Date | undefined } {
  return {
    question: textOf(values, 'question'),
    description: textOf(values, 'description'),
    closesAt: timestamp(value(values, 'closesAt')),
  };
}

/** Which block a core error about `field` belongs to, for inline errors in a modal. */
export function blockForField(field: unknown, blocks: readonly string[], fallback: string): string {
  const map: Record<string, string> = { optionIds: 'choice', value: 'choice', vote: 'choice', domainKeys: 'domains', roundId: 'round', contribution: 'whatHappens' };
  const name = typeof field === 'string' ? (map[field] ?? field) : '';
  return blocks.includes(name) ? name : fallback;
}
