import type { CoreDeps } from '../context.js';
import { isPollOpen, isRoundOpen } from '../lifecycle.js';
import { can, enforce } from '../policy.js';
import type { Actor, IdeaRoundRecord, PollRecord } from '../types.js';
import { summariesIn, type SummaryOverview } from './summary-access.js';

/**
 * What the facilitator's tools show in every channel (Slack's Home tab, the Teams card, the web panel page):
 * the polls and questions of the month, newest first, each with whether it still takes answers and whether
 * this facilitator may close it, and the summaries with their consent state. Read in one transaction; the
 * channels draw it and decide nothing (a poll past its deadline is shown closed in all three).
 */
export interface FacilitatorOverview {
  polls: { poll: PollRecord; open: boolean; canClose: boolean }[];
  rounds: { round: IdeaRoundRecord; open: boolean; canClose: boolean }[];
  summaries: SummaryOverview[];
}

const newestFirst = <T extends { createdAt: Date; id: string }>(a: T, b: T) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

export async function facilitatorOverview(deps: CoreDeps, actor: Actor): Promise<FacilitatorOverview> {
  enforce(actor, 'panel.manage');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const polls = (await repos.polls.listByPanel(actor.panelId)).sort(newestFirst);
    const rounds = (await repos.rounds.listByPanel(actor.panelId)).sort(newestFirst);
    const summaries = (await summariesIn(repos, actor)).sort((a, b) => newestFirst(a.summary, b.summary));
    return {
      // Closing is offered while answers are taken; past its deadline the scheduled close does it within a minute.
      polls: polls.map((poll) => {
        const open = isPollOpen(poll, now);
        return { poll, open, canClose: open && can(actor, 'poll.close', poll, now) };
      }),
      rounds: rounds.map((round) => {
        const open = isRoundOpen(round, now);
        return { round, open, canClose: open && can(actor, 'question.close', round, now) };
      }),
      summaries,
    };
  });
}
