// Home-tab buttons: contribute, edit, withdraw; and the facilitator's panel controls.
import type { App } from '@slack/bolt';
import { handleChangeRequest, withdrawAllMyInput, withdrawParticipation } from '../../../core/index.js';
import type { SlackEnv } from '../context.js';
import {
  closePollAndRefresh,
  closeRound,
  draftAndAsk,
  openContribution,
  openPollForm,
  openRoundForm,
  openWithdraw,
  publish,
  publishHome,
  sendReminders,
} from '../operations.js';
import { CHANGE_HANDLED, WITHDRAW_ALL, WITHDRAW_PARTICIPATION } from '../views/home.js';
import { onPress } from './interact.js';

export function registerControls(app: App, env: SlackEnv): void {
  onPress(app, env, 'contribution_open', ({ client, actor, body, value }) =>
    openContribution(env, client, body.trigger_id, actor, value && value !== 'free' ? { roundId: value } : {}),
  );
  onPress(app, env, 'contribution_edit', ({ client, actor, body, value }) => openContribution(env, client, body.trigger_id, actor, { contributionId: value }));
  onPress(app, env, 'withdraw_open', async ({ client, actor, body, value, notice }) => {
    if (!(await openWithdraw(env, client, body.trigger_id, actor, value))) await notice(env.tr(actor.language)('withdraw.nothing'));
  });
  // Slack asked "are you sure?" before sending these (a confirm dialog): one press after it does it all.
  onPress(app, env, WITHDRAW_ALL, async ({ client, actor, userId, notice }) => {
    await withdrawAllMyInput(env.deps, actor);
    // Summaries that quoted it are made again without it; the people still quoted are asked again.
    await env.flushOutbox();
    await publishHome(env, client, userId, actor);
    await notice(env.tr(actor.language)('privacy:done.withdrawn_all'));
  });
  onPress(app, env, WITHDRAW_PARTICIPATION, async ({ client, actor, userId, notice }) => {
    await withdrawParticipation(env.deps, actor);
    await env.flushOutbox();
    await publishHome(env, client, userId, actor);
    await notice(env.tr(actor.language)('privacy:done.withdrawn'));
  });

  onPress(app, env, 'poll_new', ({ client, actor, body }) => openPollForm(env, client, body.trigger_id, actor));
  onPress(app, env, 'round_new', ({ client, actor, body }) => openRoundForm(env, client, body.trigger_id, actor));
  onPress(app, env, 'remind', async ({ actor, notice }) => {
    const count = await sendReminders(env, actor);
    await notice(env.tr(actor.language)('remind.done', { count }));
  });
  onPress(app, env, 'poll_close', async ({ client, actor, userId, value }) => {
    await closePollAndRefresh(env, client, actor, value);
    await publishHome(env, client, userId, actor);
  });
  onPress(app, env, 'round_close', async ({ client, actor, userId, value }) => {
    await closeRound(env, actor, value);
    await publishHome(env, client, userId, actor);
  });
  onPress(app, env, 'summary_draft', async ({ client, actor, userId, value, working }) => {
    const tr = env.tr(actor.language);
    const done = await working(tr('draft.working'));
    await draftAndAsk(env, client, actor, userId, value);
    await done(tr('draft.sent'));
    await publishHome(env, client, userId, actor);
  });
  onPress(app, env, CHANGE_HANDLED, async ({ client, actor, userId, value }) => {
    await handleChangeRequest(env.deps, actor, value);
    await publishHome(env, client, userId, actor);
  });
  onPress(app, env, 'summary_publish', async ({ client, actor, userId, value, notice }) => {
    await publish(env, actor, value);
    await publishHome(env, client, userId, actor);
    await notice(env.tr(actor.language)('publish.done'));
  });
}
