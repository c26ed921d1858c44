// Modals for experts: add or edit a contribution, withdraw one.
import type { types, ViewOutput } from '@slack/bolt';
import {
  ATTRIBUTIONS,
  LIMITS as CORE_LIMITS,
  type ContributionRecord,
  type DomainRecord,
  type IdeaRoundRecord,
} from '../../../core/index.js';
import { context, input, memberOption, modal, option, section, textInput, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { escapeText, excerpt, md, plain } from '../text.js';
import { value, textOf } from './forms.js';

type Values = ViewOutput['state']['values'];

export interface ContributionMeta {
  /** Question of the month (round) id. */
  r?: string;
  /** Contribution id when editing. */
  c?: string;
  /** 1 when the text came from a Slack message the author agreed to save. */
  s?: 1;
}

export function contributionModal(
  tr: Tr,
  opts: {
    meta: ContributionMeta;
    round: IdeaRoundRecord | null;
    openRounds: IdeaRoundRecord[];
    domains: DomainRecord[];
    current?: ContributionRecord;
    prefill?: string;
    /** What the member typed, when the form comes back (the guard found details we may not keep). */
    draft?: Draft;
    guard?: string;
  },
): types.ModalView {
  const { current, draft } = opts;
  const domains = opts.domains.filter((d) => !d.archived);
  const blocks: Block[] = [];
  if (opts.round) {
    blocks.push(section(md(`*${tr('contribution.question')}*`)), section(plain(opts.round.question)));
  } else if (!current && opts.openRounds.length > 0) {
    const options = opts.openRounds.slice(0, 100).map((r) => memberOption(excerpt(r.question, 74), r.id));
    blocks.push(input('round', tr('contribution.round'), { type: 'static_select', action_id: 'round', options }, { optional: true, hint: tr('contribution.roundHint') }));
  }
  if (opts.guard) blocks.push(guardNotice(tr, opts.guard));
  if (opts.meta.s) blocks.push(context(md(tr('contribution.fromMessage'))));
  blocks.push(context(md(tr('contribution.intro'))));
  const field = (name: 'whatHappens' | 'whatIsNeeded' | 'idea', initial?: string) =>
    input(name, tr(`contribution.${name}`), textInput(name, { multiline: true, max: CORE_LIMITS.contributionField, ...(initial ? { initial } : {}) }), {
      optional: true,
      hint: tr(`contribution.${name}Hint`),
    });
  blocks.push(
    field('whatHappens', draft?.whatHappens ?? current?.whatHappens ?? opts.prefill),
    field('whatIsNeeded', draft?.whatIsNeeded ?? current?.whatIsNeeded),
    field('idea', draft?.idea ?? current?.idea),
  );
  if (domains.length > 0) {
    const options = domains.map((d) => memberOption(d.labels[tr.lang], d.key)); // labels are editable text: escaped
    const keys = draft ? draft.domainKeys : (current?.domainIds ?? []).map((id) => domains.find((d) => d.id === id)?.key);
    const chosen = options.filter((o) => keys.includes(o.value));
    // Checkboxes are easiest to use but hold at most 10 options; longer lists become a multi-select.
    const element: types.InputBlockElement =
      options.length <= 10
        ? { type: 'checkboxes', action_id: 'domains', options, ...(chosen.length ? { initial_options: chosen } : {}) }
        : { type: 'multi_static_select', action_id: 'domains', options: options.slice(0, 100), max_selected_items: CORE_LIMITS.domainTagsMax, ...(chosen.length ? { initial_options: chosen } : {}) };
    blocks.push(input('domains', tr('contribution.domains'), element, { optional: true, hint: tr('contribution.domainsHint') }));
  }
  const attributions = ATTRIBUTIONS.map((a) => option(tr(`common:attribution.${a}`), a, tr(`contribution.attributionHelp.${a}`)));
  const initial = attributions.find((o) => o.value === (draft?.attribution ?? current?.attribution));
  // No default: how a member is mentioned is their explicit choice.
  blocks.push(input('attribution', tr('contribution.attribution'), { type: 'radio_buttons', action_id: 'attribution', options: attributions, ...(initial ? { initial_option: initial } : {}) }));
  if (opts.guard) blocks.push(redactOffer(tr));
  blocks.push(context(md(tr('contribution.later'))));
  return modal('contribution', tr(current ? 'contribution.editTitle' : 'contribution.title'), blocks, {
    submit: tr('contribution.submit'),
    close: tr('common.cancel'),
    metadata: { ...opts.meta, l: tr.lang },
  });
}

/** What the sensitive-data guard found, above the fields (block id `guard`). */
export function guardNotice(tr: Tr, found: string): Block {
  return { ...section(md(`*${tr('privacy:guard.title')}*\n${escapeText(found)}\n${tr('privacy:guard.rephrase')}`)), block_id: 'guard' };
}

/** The offer to let the bot leave out what the guard found (never ticked for the member). */
export function redactOffer(tr: Tr): Block {
  const offer = option(tr('privacy:guard.redact'), 'yes');
  return input('redact', tr('contribution.redactLabel'), { type: 'checkboxes', action_id: 'redact', options: [offer] }, { optional: true, hint: tr('privacy:guard.redactHint') });
}

export interface Draft {
  whatHappens: string;
  whatIsNeeded: string;
  idea: string;
  domainKeys: string[];
  attribution: string | undefined;
}

export function readContribution(values: Values): Draft & { roundChoice: string | undefined; redact: boolean } {
  const domains = value(values, 'domains')?.selected_options ?? [];
  return {
    redact: (value(values, 'redact')?.selected_options ?? []).some((o) => o.value === 'yes'),
    whatHappens: textOf(values, 'whatHappens'),
    whatIsNeeded: textOf(values, 'whatIsNeeded'),
    idea: textOf(values, 'idea'),
    domainKeys: domains.map((o) => o.value),
    attribution: value(values, 'attribution')?.selected_option?.value,
    roundChoice: value(values, 'round')?.selected_option?.value,
  };
}

export const contributionText = (c: ContributionRecord): string => [c.whatHappens, c.whatIsNeeded, c.idea].filter(Boolean).join(' · ');

/** Withdrawing: what happens, then one button. With no contribution given, the member picks one. */
export function withdrawModal(tr: Tr, live: ContributionRecord[], chosen?: ContributionRecord): types.ModalView {
  const blocks: Block[] = [];
  if (chosen) {
    blocks.push(section(md(`*${tr('withdraw.this')}*`)), section(plain(excerpt(contributionText(chosen), 600))));
  } else {
    const options = live.slice(0, 100).map((c) => memberOption(excerpt(contributionText(c), 74), c.id));
    blocks.push(input('contribution', tr('withdraw.pick'), { type: 'static_select', action_id: 'contribution', options }));
  }
  blocks.push(section(md(tr('withdraw.explain'))));
  return modal('withdraw', tr('withdraw.title'), blocks, {
    submit: tr('withdraw.submit'),
    close: tr('common.cancel'),
    metadata: chosen ? { c: chosen.id, l: tr.lang } : { l: tr.lang },
  });
}
