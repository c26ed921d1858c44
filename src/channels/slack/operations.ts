// Actions that several surfaces offer (slash command, Home buttons, DMs), each a thin call into the core.
import {
  closeIdeaRound,
  closePoll,
  remindPanel,
  draftSummary,
  getIdeaRound,
  isRoundOpen,
  listIdeaRounds,
  listSummaries,
  myContributions,
  panelOverview,
  publishSummary,
  currentPrivacyNotice,
  participationStatus,
  DomainError,
  enforce,
  type Actor,
} from '../../core/index.js';
import type { types } from '@slack/bolt';
import type { Client, SlackEnv } from './context.js';
import { postDm } from './dm.js';
import { refreshPollMessages } from './refresh.js';
import { contributionModal, withdrawModal, type ContributionMeta, type Draft } from './views/contribution.js';
import { pollModal, roundModal } from './views/forms.js';
import { homeView } from './views/home.js';
import { privacyModal, type PrivacyNext } from './views/privacy.js';
import { draftMessage } from './views/notices.js';

/** Facilitator controls are offered to facilitators only; the core checks again on every change. */
export function requireFacilitator(actor: Actor): void {
  enforce(actor, 'panel.manage');
}

export async function publishHome(env: SlackEnv, client: Client, userId: string, actor: Actor): Promise<void> {
  const view = await homeView(env.deps, env.tr(actor.language), actor, env.boardLinkFor(actor), { participates: await participates(env, actor) });
  await client.views.publish({ user_id: userId, view });
}

export interface ContributionTarget {
  roundId?: string;
  contributionId?: string;
  prefill?: string;
  fromMessage?: boolean;
}

/** Experts take part only under the accepted privacy text (the core checks; this asks first). */
export async function participates(env: SlackEnv, actor: Actor): Promise<boolean> {
  return actor.role !== 'expert' || (await participationStatus(env.deps, actor)).state === 'accepted';
}

export function privacyView(env: SlackEnv, actor: Actor, next: PrivacyNext = {}): types.ModalView {
  return privacyModal(env.tr(actor.language), currentPrivacyNotice(env.deps, actor.language), next);
}

export async function contributionView(
  env: SlackEnv,
  actor: Actor,
  opts: ContributionTarget,
  back: { draft?: Draft; guard?: string } = {},
): Promise<types.ModalView> {
  enforce(actor, 'question.contribute');
  const tr = env.tr(actor.language);
  const rounds = await listIdeaRounds(env.deps, actor, 'open');
  const { domains } = await panelOverview(env.deps, actor);
  const current = opts.contributionId ? (await myContributions(env.deps, actor)).find((c) => c.id === opts.contributionId && c.status === 'live') : undefined;
  if (opts.contributionId && !current) throw new DomainError('not_found');
  const roundId = current?.roundId ?? opts.roundId;
  const round = roundId ? await getIdeaRound(env.deps, actor, roundId) : null;
  // A new contribution needs a question that takes them now; an existing one stays editable.
  if (round && !isRoundOpen(round, env.deps.clock.now()) && !current) throw new DomainError('round_closed');
  const meta: ContributionMeta = { ...(round ? { r: round.id } : {}), ...(current ? { c: current.id } : {}), ...(opts.fromMessage ? { s: 1 } : {}) };
  return contributionModal(tr, { meta, round, openRounds: rounds, domains, ...(current ? { current } : {}), ...(opts.prefill ? { prefill: opts.prefill } : {}), ...back });
}

/** Opens the contribution form; an expert who has not accepted the privacy text reads it first. */
export async function openContribution(env: SlackEnv, client: Client, triggerId: string, actor: Actor, opts: ContributionTarget): Promise<void> {
  const view = (await participates(env, actor))
    ? await contributionView(env, actor, opts)
    : privacyView(env, actor, {
        k: 'contribution',
        ...(opts.roundId ? { r: opts.roundId } : {}),
        ...(opts.contributionId ? { c: opts.contributionId } : {}),
        // private_metadata holds 3,000 characters; a longer message text is not carried over.
        ...(opts.prefill && JSON.stringify(opts.prefill).length < 2600 ? { p: opts.prefill } : {}),
      });
  await client.views.open({ trigger_id: triggerId, view });
}

/** Returns false when the member has nothing left to withdraw. */
export async function openWithdraw(env: SlackEnv, client: Client, triggerId: string, actor: Actor, contributionId?: string): Promise<boolean> {
  const live = (await myContributions(env.deps, actor)).filter((c) => c.status === 'live');
  const chosen = contributionId ? live.find((c) => c.id === contributionId) : undefined;
  if (contributionId && !chosen) throw new DomainError('already_withdrawn');
  if (live.length === 0) return false;
  await client.views.open({ trigger_id: triggerId, view: withdrawModal(env.tr(actor.language), live, chosen) });
  return true;
}

export async function openPollForm(env: SlackEnv, client: Client, triggerId: string, actor: Actor): Promise<void> {
  requireFacilitator(actor);
  await client.views.open({ trigger_id: triggerId, view: pollModal(env.tr(actor.language)) });
}

export async function openRoundForm(env: SlackEnv, client: Client, triggerId: string, actor: Actor): Promise<void> {
  requireFacilitator(actor);
  await client.views.open({ trigger_id: triggerId, view: roundModal(env.tr(actor.language)) });
}

/** Reminders for the actor's zone, delivered now unless it is quiet time (then after it). */
export async function sendReminders(env: SlackEnv, actor: Actor): Promise<number> {
  const created = await remindPanel(env.deps, actor);
  await env.flushOutbox();
  return created;
}

export async function closePollAndRefresh(env: SlackEnv, client: Client, actor: Actor, pollId: string): Promise<void> {
  const poll = await closePoll(env.deps, actor, pollId);
  await refreshPollMessages(env, client, actor, poll.id, poll.createdAt);
}

export async function closeRound(env: SlackEnv, actor: Actor, roundId: string): Promise<void> {
  await closeIdeaRound(env.deps, actor, roundId);
}

/** Drafts a summary (slow with a language model), tells the facilitator by DM, then asks consent. */
export async function draftAndAsk(env: SlackEnv, client: Client, actor: Actor, userId: string, roundId?: string): Promise<void> {
  requireFacilitator(actor);
  const rounds = (await listIdeaRounds(env.deps, actor)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const round = roundId ? rounds.find((r) => r.id === roundId) : rounds[0];
  if (!round) throw new DomainError('not_found');
  const { summary, version } = await draftSummary(env.deps, actor, { roundId: round.id });
  const asked = (await listSummaries(env.deps, actor)).find((s) => s.summary.id === summary.id)?.consent.pending ?? 0;
  await postDm(env, client, { tenantId: actor.tenantId, memberId: actor.memberId, userId }, draftMessage(env.tr(actor.language), summary.title, version, asked));
  await env.flushOutbox();
}

/** Hands the latest version of a summary to the board (the core refuses without every consent). */
export async function publish(env: SlackEnv, actor: Actor, versionId?: string): Promise<void> {
  requireFacilitator(actor);
  let id = versionId;
  if (!id) {
    const latest = (await listSummaries(env.deps, actor))
      .filter((s) => s.latest?.status === 'awaiting_consent')
      .sort((a, b) => b.summary.createdAt.getTime() - a.summary.createdAt.getTime())[0];
    if (!latest?.latest) throw new DomainError('not_found');
    id = latest.latest.id;
  }
  await publishSummary(env.deps, actor, id);
  await env.flushOutbox();
}
