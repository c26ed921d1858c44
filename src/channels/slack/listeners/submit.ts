// Modal submissions: the core runs before the answer to Slack when it is quick (so that a mistake is
// shown next to the field, with everything typed kept), and after it when it is not.
import type { AckFn, App, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { isDomainError, DomainError, type Actor } from '../../../core/index.js';
import { actorFor, failureText, metadataOf, whoIs, type Client, type SlackEnv } from '../context.js';
import { postDm } from '../dm.js';
import { section } from '../blocks.js';
import { md } from '../text.js';
import type { ViewId } from '../ids.js';
import { blockForField } from '../views/forms.js';
import { privacyView } from '../operations.js';
import { needsPrivacyDetour } from '../../replies.js';

/** Slack closes the request after 3 s; leave room for the network. */
const BUDGET_MS = 2000;

export interface Submission {
  env: SlackEnv;
  client: Client;
  actor: Actor;
  body: ViewSubmitAction;
  userId: string;
  values: ViewSubmitAction['view']['state']['values'];
  meta: Record<string, unknown>;
}

/**
 * `work` changes state through the core and returns what the modal becomes (undefined closes it) and
 * what to do once Slack has its answer (DMs, Home tab). `after` never runs when `work` failed.
 */
export type SubmitWork = (s: Submission) => Promise<{ view?: ViewResponseAction; after?: () => Promise<void> }>;

function inputBlockIds(body: ViewSubmitAction): string[] {
  return body.view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id ?? '').filter(Boolean);
}

function errorsFor(env: SlackEnv, body: ViewSubmitAction, actor: Actor | null, error: unknown): ViewResponseAction {
  // Not yet taking part: the privacy text is pushed on top of the form, which keeps what was typed.
  if (actor && needsPrivacyDetour(error)) {
    return { response_action: 'push', view: privacyView(env, actor) };
  }
  const blocks = inputBlockIds(body);
  const field = isDomainError(error) ? error.params.field : undefined;
  const block = blockForField(field, blocks, blocks[0] ?? 'x');
  return { response_action: 'errors', errors: { [block]: failureText(env, actor?.language ?? 'nl', error) } };
}

export function onSubmit(app: App, env: SlackEnv, callbackId: ViewId, work: SubmitWork): void {
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: callbackId }, async ({ ack, body, client }) => {
    let actor: Actor | null = null;
    const run = async () => {
      const who = whoIs(body);
      if (!who) throw new DomainError('invalid_input', { field: 'displayName' });
      actor = await actorFor(env, client, who);
      const submission: Submission = { env, client, actor, body, userId: who.userId, values: body.view.state.values, meta: metadataOf(body.view) };
      return work(submission);
    };
    const outcome = run().then(
      (ok) => ({ ok }) as const,
      (error: unknown) => ({ error }) as const,
    );
    const quick = await Promise.race([outcome, new Promise<null>((resolve) => setTimeout(() => resolve(null), BUDGET_MS).unref())]);
    if (quick) {
      await answer(ack, 'ok' in quick ? quick.ok.view : errorsFor(env, body, actor, quick.error));
      if ('ok' in quick) await quick.ok.after?.();
      return;
    }
    // Too slow for Slack: close the modal now and tell the member the outcome in a DM.
    await ack();
    const late = await outcome;
    if ('ok' in late) return late.ok.after?.();
    const who = whoIs(body);
    const lateActor = actor as Actor | null;
    if (who && lateActor) {
      const text = failureText(env, lateActor.language, late.error);
      await postDm(env, client, { tenantId: lateActor.tenantId, memberId: lateActor.memberId, userId: who.userId }, { text, blocks: [section(md(text))] });
    }
  });
}

async function answer(ack: AckFn<ViewResponseAction> | AckFn<void>, response: ViewResponseAction | undefined): Promise<void> {
  await (ack as AckFn<ViewResponseAction | undefined>)(response);
}
