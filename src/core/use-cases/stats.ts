import type { CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { inPollAudience, type Actor, type Language } from '../types.js';
import { MIN_GROUP_SIZE } from './brief-turnout.js';

const DAY = 86_400_000;

export interface PanelStats {
  /** `YYYY-MM`, oldest first, in the panel's time zone. */
  months: string[];
  /**
   * Live contributions per domain (null: without a domain) per month; a contribution with two domains counts
   * in both. Only domains at least MIN_GROUP_SIZE active experts have, or a domain nobody has with nothing
   * to count (it identifies nobody, and the board sees it is missing).
   */
  contributions: { key: string | null; labels: Record<Language, string> | null; perMonth: number[] }[];
  /**
   * Domains left out of `contributions`, named without figures: the same small-group rule as the board
   * brief. When the one or two experts with "poverty" contributed, and how often, tells the board who wrote
   * what, even where they chose to contribute anonymously. A domain nobody has any more but with counts is
   * left out too: those contributions came from one or two members who left or changed their domains.
   */
  domainsHidden: { key: string; labels: Record<Language, string> }[];
  minGroupSize: number;
  totals: number[];
  /** Turnout against each poll's audience (experts, or everyone). */
  polls: { id: string; question: string; closedAt: Date | null; turnout: number; audience: number }[];
  /** "You said, we did": days from the first linked contribution to the board's answer, per answered item. */
  latency: { itemId: string; title: string; days: number; respondedAt: Date }[];
  medianLatencyDays: number | null;
}

function monthOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

function lastMonths(now: Date, count: number, timeZone: string): string[] {
  const [y, m] = monthOf(now, timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_v, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

/** Across months, on one page: who contributed from which domain, turnout per poll, and how long answers took. */
export async function panelStats(deps: CoreDeps, actor: Actor, opts: { months?: number; timeZone?: string } = {}): Promise<PanelStats> {
  enforce(actor, 'board.read');
  const timeZone = opts.timeZone ?? 'Europe/Brussels';
  const months = lastMonths(deps.clock.now(), Math.min(Math.max(opts.months ?? 12, 1), 36), timeZone);
  return deps.store.transaction(async (repos) => {
    const domains = (await repos.panels.listDomains(actor.panelId)).sort((a, b) => a.position - b.position);
    const all = await repos.contributions.listByPanel(actor.panelId, { liveOnly: true });
    const index = new Map(months.map((m, i) => [m, i]));
    const rows = new Map<string | null, number[]>([...domains.map((d) => [d.id, months.map(() => 0)] as const), [null, months.map(() => 0)]]);
    const totals = months.map(() => 0);
    for (const c of all) {
      const i = index.get(monthOf(c.createdAt, timeZone));
      if (i === undefined) continue;
      totals[i]! += 1;
      for (const domainId of c.domainIds.length ? c.domainIds : [null]) {
        const row = rows.get(domainId);
        if (row) row[i]! += 1;
      }
    }
    const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active);
    const experts = members.filter((m) => !m.erasedAt && m.role === 'expert');
    const shown: PanelStats['contributions'] = [];
    const domainsHidden: PanelStats['domainsHidden'] = [];
    for (const d of domains) {
      const perMonth = rows.get(d.id)!;
      const group = experts.filter((m) => m.domainIds.includes(d.id)).length;
      if (group >= MIN_GROUP_SIZE || (group === 0 && perMonth.every((n) => n === 0))) shown.push({ key: d.key, labels: d.labels, perMonth });
      else domainsHidden.push({ key: d.key, labels: d.labels });
    }
    const polls = [];
    for (const poll of (await repos.polls.listByPanel(actor.panelId, 'closed')).sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0))) {
      polls.push({ id: poll.id, question: poll.question, closedAt: poll.closedAt, turnout: (await repos.polls.listParticipants(poll.id)).length, audience: members.filter((m) => inPollAudience(m.role, poll.audience)).length });
    }
    const created = new Map(all.map((c) => [c.id, c.createdAt]));
    const latency = [];
    for (const item of await repos.backlog.listByPanel(actor.panelId)) {
      if (!item.respondedAt) continue;
      const first = item.links.map((l) => (l.contributionId ? created.get(l.contributionId) : undefined)).filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
      if (!first) continue;
      latency.push({ itemId: item.id, title: item.title, days: Math.max(0, Math.round((item.respondedAt.getTime() - first.getTime()) / DAY)), respondedAt: item.respondedAt });
    }
    return {
      months,
      contributions: [...shown, { key: null, labels: null, perMonth: rows.get(null)! }],
      domainsHidden,
      minGroupSize: MIN_GROUP_SIZE,
      totals,
      polls,
      latency,
      medianLatencyDays: median(latency.map((l) => l.days)),
    };
  });
}
