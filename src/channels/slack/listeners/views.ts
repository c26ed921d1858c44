// What each modal does when submitted. No business rules here: the core validates and decides.
import type { App } from '@slack/bolt';
import {
  vote,
  createPoll,
  editContribution,
  openIdeaRound,
  respondToConsent,
  submitContribution,
  withdrawContribution,
  isDomainError,
  DomainError,
} from '../../../core/index.js';
import { modal, section } from '../blocks.js';
import { failureText, text, type SlackEnv } from '../context.js';
import { postDm } from '../dm.js';
import { contributionView, publishHome } from '../operations.js';
import { md } from '../text.js';
import { consentDoneBlocks } from '../views/consent.js';
import { readContribution } from '../views/contribution.js';
import { readPollForm, readRoundForm, value } from '../views/forms.js';
import { loadPoll, pollMessage, readChoice, voteModal } from '../views/poll.js';
import { onSubmit, type Submission } from './submit.js';

/** A modal that says it worked, in plain words, and closes. */
function doneView(s: Submission, key: string) {
  const tr = s.env.tr(s.actor.language);
  return { response_action: 'update' as const, view: modal('done', tr('common.doneTitle'), [section(md(tr(key)))], { close: tr('common.close') }) };
}

const home = (s: Submission) => () => publishHome(s.env, s.client, s.userId, s.actor);

export function registerViews(app: App, env: SlackEnv): void {
  onSubmit(app, env, 'poll_create', async (s) => {
    const poll = await createPoll(env.deps, s.actor, readPollForm(s.values));
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
  });

  onSubmit(app, env, 'round_open', async (s) => {
    await openIdeaRound(env.deps, s.actor, readRoundForm(s.values));
    return { view: doneView(s, 'roundForm.done'), after: async () => void (await env.flushOutbox(), await home(s)()) };
  });

  onSubmit(app, env, 'contribution', async (s) => {
    const input = readContribution(s.values);
    const contributionId = text(s.meta.c);
    const roundId = text(s.meta.r) ?? input.roundChoice;
    try {
      if (contributionId) {
        await editContribution(env.deps, s.actor, contributionId, input);
        return { view: doneView(s, 'contribution.edited'), after: home(s) };
      }
      await submitContribution(env.deps, s.actor, { ...input, ...(roundId ? { roundId } : {}) });
      return { view: doneView(s, 'contribution.thanks'), after: home(s) };
    } catch (error) {
      // The guard found details we may not keep: the form comes back with the text, what was found,
      // and the offer to let the bot leave them out.
      if (!isDomainError(error) || error.code !== 'sensitive_data_found') throw error;
      const target = { ...(contributionId ? { contributionId } : roundId ? { roundId } : {}), ...(s.meta.s ? { fromMessage: true } : {}) };
      const view = await contributionView(env, s.actor, target, { draft: input, guard: failureText(env, s.actor.language, error) });
      return { view: { response_action: 'update', view } };
    }
  });

  onSubmit(app, env, 'withdraw', async (s) => {
    const id = text(s.meta.c) ?? value(s.values, 'contribution')?.selected_option?.value;
    if (!id) throw new DomainError('invalid_input', { field: 'contribution' });
    await withdrawContribution(env.deps, s.actor, id);
    // Summaries that quoted it are made again without it; the people still quoted are asked again.
    return { view: doneView(s, 'withdraw.done'), after: async () => void (await env.flushOutbox(), await home(s)()) };
  });

  onSubmit(app, env, 'consent_change', async (s) => {
    const requestId = text(s.meta.q) ?? '';
    await respondToConsent(env.deps, s.actor, requestId, { decision: 'request_change', comment: value(s.values, 'comment')?.value ?? '' });
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
  });

  onSubmit(app, env, 'poll_vote', async (s) => {
    const pollId = text(s.meta.p) ?? '';
    // The vote and the modal drawn after it come from one transaction.
    const { screen } = await vote(env.deps, s.actor, pollId, {
      ...readChoice(value(s.values, 'choice')),
      reason: value(s.values, 'reason')?.value ?? '',
      reasonAttribution: value(s.values, 'reasonAttribution')?.selected_option?.value,
    });
    return { view: { response_action: 'update', view: voteModal(env.tr(s.actor.language), screen) }, after: home(s) };
  });
}
