// Buttons in DMs and the Home tab for experts: answer a poll, answer a consent request, save a message.
import type { App, BlockAction } from '@slack/bolt';
import { vote, myConsentRequests, respondToConsent, DomainError, isDomainError, type ConsentDecision, type VoteOutcome } from '../../../core/index.js';
import { modal } from '../blocks.js';
import { actorFor, whoIs } from '../context.js';
import { openContribution, publishHome } from '../operations.js';
import { changeModal, consentDoneBlocks, consentModal } from '../views/consent.js';
import { captureAnswered } from '../views/notices.js';
import { deliveryKey } from '../support.js';
import { loadPoll, pollMessage, readChoice, voteModal } from '../views/poll.js';
import { container, onPress, type Press } from './interact.js';

async function answerConsent(press: Press, decision: ConsentDecision): Promise<void> {
  const { env, client, actor, body } = press;
  await respondToConsent(env.deps, actor, press.value, { decision });
  const tr = env.tr(actor.language);
  const where = container(body);
  const done = consentDoneBlocks(tr, decision);
  if (where.viewId) {
    await client.views.update({ view_id: where.viewId, view: modal('consent_done', tr('consent.modalTitle'), done, { close: tr('common.close') }) });
  } else if (where.channel && where.ts) {
    await client.chat.update({ channel: where.channel, ts: where.ts, text: tr(`consent.done.${decision}`), blocks: done });
  }
  await publishHome(env, client, press.userId, actor);
  // A withdrawal re-issues the summary without this member's words: the others are asked again.
  await env.flushOutbox();
}

export function registerActions(app: App, env: Press['env']): void {
  // Choosing an option only changes what is selected on screen; the explicit submit button counts.
  app.action({ type: 'block_actions', action_id: 'poll_choice' }, async ({ ack }) => ack());
  // The link just opened is personal and single-use: on the Home tab it is replaced by a fresh one at once.
  app.action<BlockAction>({ type: 'block_actions', action_id: 'board_link' }, async ({ ack, body, client }) => {
    await ack();
    const who = whoIs(body);
    if (body.view?.type !== 'home' || !who) return;
    try {
      await publishHome(env, client, who.userId, await actorFor(env, client, who));
    } catch (error) {
      env.logger.warn({ err: isDomainError(error) ? error.code : error instanceof Error ? error.name : 'unknown' }, 'slack home refresh failed');
    }
  });

  onPress(app, env, 'poll_submit', async (press) => {
    const { client, actor, body, value: pollId } = press;
    const input = readChoice(body.state?.values[`poll:${pollId}`]?.poll_choice);
    const where = container(body);
    // The press's delivery key is claimed with the vote (and with the votes pressed at the same moment, in
    // one transaction): the vote, its de-duplication and the screen drawn after it are one transaction.
    let outcome: VoteOutcome | null = null;
    try {
      outcome = await vote(env.deps, actor, pollId, input, { deliveryKey: deliveryKey(body as unknown as Record<string, unknown>) });
    } finally {
      // Updated in place whatever happened (a closed poll shows its results instead of the buttons), once the
      // presses still waiting for their vote are stored.
      const screen = outcome?.screen;
      if (where.channel && where.ts) {
        const { channel, ts } = where;
        env.redraw(async () => {
          const message = pollMessage(env.tr(actor.language), screen ?? (await loadPoll(env.deps, actor, pollId)));
          await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, metadata: message.metadata });
        });
      }
    }
    const poll = outcome.screen.results.poll;
    if (!outcome.repeated && poll.kind === 'consent' && outcome.screen.ballot?.choice.kind === 'consent' && outcome.screen.ballot.choice.vote === 'object') {
      // An objection may come with a reason: asked in a modal, never required.
      await client.views.open({ trigger_id: body.trigger_id, view: voteModal(env.tr(actor.language), outcome.screen) });
    }
  });

  onPress(app, env, 'poll_open', async ({ client, actor, body, value }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: voteModal(env.tr(actor.language), await loadPoll(env.deps, actor, value)) });
  });

  // From a DM or the Home tab the review opens as a modal; inside it, the pages replace each other.
  const openReview = async ({ client, actor, body }: Press, requestId: string, page: number, turnPage: boolean) => {
    const review = (await myConsentRequests(env.deps, actor)).find((r) => r.request.id === requestId);
    if (!review) throw new DomainError('consent_not_pending');
    const view = consentModal(env.tr(actor.language), review, page);
    if (body.view && turnPage) await client.views.update({ view_id: body.view.id, view });
    else if (body.view?.type === 'modal') await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  };
  onPress(app, env, 'consent_open', (press) => openReview(press, press.value, 0, false));
  onPress(app, env, 'consent_read', (press) => openReview(press, press.value, 0, false));
  onPress(app, env, 'consent_page', (press) => {
    const [requestId = '', page = '0'] = press.value.split(':');
    return openReview(press, requestId, Number(page) || 0, true);
  });

  onPress(app, env, 'consent_approve', (press) => answerConsent(press, 'approve'));
  onPress(app, env, 'consent_approve_anonymous', (press) => answerConsent(press, 'approve_anonymous'));
  onPress(app, env, 'consent_withdraw', (press) => answerConsent(press, 'withdraw'));
  onPress(app, env, 'consent_change', async ({ client, actor, body, value }) => {
    const pending = (await myConsentRequests(env.deps, actor)).some((r) => r.request.id === value);
    if (!pending) throw new DomainError('consent_not_pending');
    const where = container(body);
    const view = changeModal(env.tr(actor.language), { q: value, ...(where.channel && where.ts ? { c: where.channel, t: where.ts } : {}) });
    if (body.view) await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  });

  // The author of a saved message agreed to look at it: the contribution form opens with their text.
  onPress(app, env, 'capture_review', async ({ client, actor, body, value }) => {
    await openContribution(env, client, body.trigger_id, actor, { prefill: value, fromMessage: true });
    const where = container(body);
    const tr = env.tr(actor.language);
    if (where.channel && where.ts) await client.chat.update({ channel: where.channel, ts: where.ts, text: tr('capture.title'), blocks: captureAnswered(tr, true) });
  });
  onPress(app, env, 'capture_decline', async ({ client, actor, body }) => {
    const where = container(body);
    const tr = env.tr(actor.language);
    if (where.channel && where.ts) await client.chat.update({ channel: where.channel, ts: where.ts, text: tr('capture.title'), blocks: captureAnswered(tr, false) });
  });

}
