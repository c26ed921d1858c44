import type { Repositories } from '../ports.js';
import { inPollAudience, type DomainRecord, type Language, type MemberRecord, type PollRecord } from '../types.js';

/**
 * The smallest group of members the brief shows a figure for. Turnout of a group of one or two tells the
 * board whether those named people voted (members' domains are known to the board), so smaller groups are
 * left out of every format: the page, the PDF, the Markdown and the CSV are made from what the core returns.
 */
export const MIN_GROUP_SIZE = 3;

export interface BriefDomainTurnout {
  key: string;
  labels: Record<Language, string>;
  /** Members of the poll's audience with this domain who voted. */
  voted: number;
  /** Members of the poll's audience with this domain (at least MIN_GROUP_SIZE). */
  members: number;
}

export interface PollTurnoutByDomain {
  shown: BriefDomainTurnout[];
  /** Domains with members in the audience, but too few to show. */
  hidden: { key: string; labels: Record<Language, string> }[];
}

/** For each poll, who of each domain of experience voted, against how many of the poll's audience there are. */
export async function turnoutByDomain(repos: Repositories, polls: PollRecord[], domains: DomainRecord[], members: MemberRecord[]): Promise<Map<string, PollTurnoutByDomain>> {
  const out = new Map<string, PollTurnoutByDomain>();
  for (const poll of polls) {
    const voters = new Set(await repos.polls.listParticipants(poll.id));
    const audience = members.filter((m) => inPollAudience(m.role, poll.audience));
    const result: PollTurnoutByDomain = { shown: [], hidden: [] };
    for (const d of domains) {
      const group = audience.filter((m) => m.domainIds.includes(d.id));
      if (group.length === 0) continue;
      if (group.length < MIN_GROUP_SIZE) result.hidden.push({ key: d.key, labels: d.labels });
      else result.shown.push({ key: d.key, labels: d.labels, voted: group.filter((m) => voters.has(m.id)).length, members: group.length });
    }
    out.set(poll.id, result);
  }
  return out;
}
