import type { CoreDeps } from '../context.js';
import type { Repositories } from '../ports.js';
import type { Actor, SummaryRecord, SummaryVersionRecord } from '../types.js';
import { resultsOf, type PollResults } from './poll-results.js';
import { ownContributionsIn } from './rounds.js';

/** How many closed polls a member's page keeps showing. */
export const CLOSED_POLLS_SHOWN = 5;

/** What keeps an expert in the thread between meetings: results of closed polls and the summaries they are in. */
export interface MemberThread {
  closedPolls: PollResults[];
  /** Published summaries that quote the member, with which of the quoted contributions are theirs. */
  summaries: { summary: SummaryRecord; version: SummaryVersionRecord; mine: string[] }[];
}

export async function memberThread(deps: CoreDeps, actor: Actor): Promise<MemberThread> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const closed = (await repos.polls.listByPanel(actor.panelId, 'closed'))
      .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))
      .slice(0, CLOSED_POLLS_SHOWN);
    const closedPolls: PollResults[] = [];
    for (const poll of closed) closedPolls.push(await resultsOf(repos, actor, poll, now));
    const mine = new Set((await ownContributionsIn(deps, repos, actor)).map((c) => c.id));
    const summaries = await summariesQuoting(repos, actor, mine);
    return { closedPolls, summaries };
  });
}

/** Published summaries that quote any of these contributions of the member, newest first (thread and home). */
export async function summariesQuoting(repos: Repositories, actor: Actor, mine: ReadonlySet<string>): Promise<MemberThread['summaries']> {
  const summaries: MemberThread['summaries'] = [];
  for (const versionId of await repos.summaries.listVersionIdsCiting([...mine])) {
    const version = await repos.summaries.findVersion(versionId);
    if (!version || version.status !== 'published') continue;
    const summary = await repos.summaries.findById(version.summaryId);
    if (!summary || summary.panelId !== actor.panelId) continue;
    const cited = version.statements.flatMap((s) => s.citations.map((c) => c.contributionId)).filter((id): id is string => !!id && mine.has(id));
    summaries.push({ summary, version, mine: [...new Set(cited)] });
  }
  summaries.sort((a, b) => (b.version.publishedAt?.getTime() ?? 0) - (a.version.publishedAt?.getTime() ?? 0));
  return summaries;
}
