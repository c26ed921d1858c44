// What each modal does when submitted: its form checked in memory with the core's checks (answered at
// once), then its use case (after the answer). No business rules here: the core validates and decides.
import type { App } from '@slack/bolt';
import {
  vote,
  checkBallotInput,
  checkConsentAnswer,
  checkContributionInput,
  checkPollInput,
  checkRoundInput,
  createPoll,
  editContribution,
  openIdeaRound,
  respondToConsent,
  submitContribution,
  withdrawContribution,
  ANONYMITY,
  DomainError,
  POLL_KINDS,
  type PollShape,
} from '../../../core/index.js';
import { modal, section } from '../blocks.js';
import { failureText, text, type SlackEnv } from '../context.js';
import { postDm } from '../dm.js';
import { publishHome } from '../operations.js';
import { md } from '../text.js';
import { consentDoneBlocks } from '../views/consent.js';
import { guardNotice, readContribution, redactOffer } from '../views/contribution.js';
import { readPollForm, readRoundForm, value } from '../views/forms.js';
import { keptBlocks, keptView } from '../views/kept.js';
import { loadPoll, pollMessage, readChoice, voteModal } from '../views/poll.js';
import { onSubmit, type Form, type Submission } from './submit.js';

/** A modal that says it worked, in plain words. */
function doneView(s: Submission<unknown>, key: string) {
  const tr = s.env.tr(s.actor.language);
  return modal('done', tr('common.doneTitle'), [section(md(tr(key)))], { close: tr('common.close') });
}

const home = (s: Submission<unknown>) => () => publishHome(s.env, s.client, s.userId, s.actor);

/** The poll a vote form was drawn for, as its metadata describes it (modals drawn before carry none). */
function pollShapeOf(meta: Record<string, unknown>): PollShape | null {
  const { k, m, a, o } = meta;
  if (!(POLL_KINDS as readonly unknown[]).includes(k) || !(ANONYMITY as readonly unknown[]).includes(a) || !Array.isArray(o)) return null;
  return {
    kind: k as PollShape['kind'],
    anonymity: a as PollShape['anonymity'],
    maxChoices: typeof m === 'number' ? m : null,
    options: o.map((id, position) => ({ id: String(id), position })),
  };
}

export function registerViews(app: App, env: SlackEnv): void {
  onSubmit(app, env, 'poll_create', {
    check: ({ values }) => {
      const input = readPollForm(values);
      checkPollInput(input, env.deps.clock.now());
      return input;
    },
    save: async (s) => {
      const poll = await createPoll(s.deps, s.actor, s.checked);
      return {
        view: doneView(s, 'pollForm.done'),
        after: async () => {
          // Everyone else gets the poll through the outbox; the facilitator gets it here, to see it as members do.
          const message = pollMessage(env.tr(s.actor.language), await loadPoll(env.deps, s.actor, poll.id));
          await postDm(env, s.client, { tenantId: s.actor.tenantId, memberId: s.actor.memberId, userId: s.userId }, message);
          await env.flushOutbox();
          await home(s)();
        },
      };
    },
  });

  onSubmit(app, env, 'round_open', {
    check: ({ values }) => {
      const input = readRoundForm(values);
      checkRoundInput(input, env.deps.clock.now());
      return input;
    },
    save: async (s) => {
      await openIdeaRound(s.deps, s.actor, s.checked);
      return { view: doneView(s, 'roundForm.done'), after: async () => void (await env.flushOutbox(), await home(s)()) };
    },
  });

  onSubmit(app, env, 'contribution', {
    check: ({ values, meta, tr }) => {
      const input = readContribution(values);
      checkContributionInput(input, { language: tr.lang, editing: Boolean(text(meta.c)) });
      return input;
    },
    // The guard found details we may not keep: the form comes back with the text, what was found, and the
    // offer to let the bot leave them out (never ticked for the member).
    answerMistake: (form, error) => (error.code === 'sensitive_data_found' ? guardedForm(form, error) : null),
    save: async (s) => {
      const contributionId = text(s.meta.c);
      const roundId = text(s.meta.r) ?? s.checked.roundChoice;
      if (contributionId) {
        await editContribution(s.deps, s.actor, contributionId, s.checked);
        return { view: doneView(s, 'contribution.edited'), after: home(s) };
      }
      await submitContribution(s.deps, s.actor, { ...s.checked, ...(roundId ? { roundId } : {}) });
      return { view: doneView(s, 'contribution.thanks'), after: home(s) };
    },
  });

  onSubmit(app, env, 'withdraw', {
    check: ({ values, meta }) => {
      const id = text(meta.c) ?? value(values, 'contribution')?.selected_option?.value;
      if (!id) throw new DomainError('invalid_input', { field: 'contribution' });
      return id;
    },
    save: async (s) => {
      await withdrawContribution(s.deps, s.actor, s.checked);
      // Summaries that quoted it are made again without it; the people still quoted are asked again.
      return { view: doneView(s, 'withdraw.done'), after: async () => void (await env.flushOutbox(), await home(s)()) };
    },
  });

  onSubmit(app, env, 'consent_change', {
    check: ({ values, meta, tr }) => {
      const requestId = text(meta.q);
      if (!requestId) throw new DomainError('not_found');
      const input = { decision: 'request_change', comment: value(values, 'comment')?.value ?? '' };
      checkConsentAnswer(input, tr.lang);
      return { requestId, input };
    },
    save: async (s) => {
      await respondToConsent(s.deps, s.actor, s.checked.requestId, s.checked.input);
      const tr = env.tr(s.actor.language);
      return {
        view: doneView(s, 'consent.done.request_change'),
        after: async () => {
          const channel = text(s.meta.c);
          const ts = text(s.meta.t);
          if (channel && ts) await s.client.chat.update({ channel, ts, text: tr('consent.done.request_change'), blocks: consentDoneBlocks(tr, 'request_change') });
          await env.flushOutbox();
          await home(s)();
        },
      };
    },
  });

  onSubmit(app, env, 'poll_vote', {
    check: ({ values, meta, tr }) => {
      const pollId = text(meta.p);
      if (!pollId) throw new DomainError('not_found');
      const input = {
        ...readChoice(value(values, 'choice')),
        reason: value(values, 'reason')?.value ?? '',
        reasonAttribution: value(values, 'reasonAttribution')?.selected_option?.value,
      };
      const shape = pollShapeOf(meta);
      if (shape) checkBallotInput(shape, input, tr.lang);
      return { pollId, input };
    },
    // The vote claims the key with the ballot, together with the other votes of that moment (ballot box).
    claimsKey: true,
    save: async (s) => {
      // The vote and the modal drawn after it come from one transaction; a redelivery gets the current screen.
      const { screen } = await vote(env.deps, s.actor, s.checked.pollId, s.checked.input, { deliveryKey: s.key });
      return { view: voteModal(env.tr(s.actor.language), screen), after: home(s) };
    },
  });
}

function guardedForm(form: Form, error: DomainError) {
  const kept = keptBlocks(form.body.view, form.values).filter((b) => b.block_id !== 'guard' && b.block_id !== 'redact');
  const first = kept.findIndex((b) => b.block_id === 'whatHappens');
  const last = kept.findIndex((b) => b.block_id === 'attribution');
  const at = (index: number, fallback: number) => (index >= 0 ? index : fallback);
  const blocks = [...kept];
  blocks.splice(at(last, blocks.length - 1) + 1, 0, redactOffer(form.tr));
  blocks.splice(at(first, 0), 0, guardNotice(form.tr, failureText(form.env, form.tr.lang, error)));
  return keptView(form.body.view, blocks);
}
