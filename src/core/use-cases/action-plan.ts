import type { CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { BACKLOG_STATUSES, type Actor, type BacklogItemRecord, type BacklogStatus } from '../types.js';
import { oneOf, optionalDate, optionalText } from '../validation.js';

/** What the board narrows the action plan to; every part optional. */
export interface PlanFilters {
  status: BacklogStatus | null;
  /** Matches the owner text, ignoring case and accents. */
  owner: string | null;
  /** Items due on or before this moment. */
  dueBefore: Date | null;
  overdueOnly: boolean;
}

export interface PlanNode {
  item: BacklogItemRecord;
  /**
   * Progress rolled up from below: an item with children shows the mean of its children's rolled-up progress
   * (dropped children left out, done ones count as 100); an item without children its own figure.
   */
  progress: number;
  overdue: boolean;
  /** False for an item shown only because something below it matches the filters. */
  matches: boolean;
  children: PlanNode[];
}

export interface ActionPlanView {
  roots: PlanNode[];
  filters: PlanFilters;
  /** Distinct owners in the plan, to offer in the filter. */
  owners: string[];
  total: number;
  matching: number;
  overdue: number;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function parsePlanFilters(input: { status?: unknown; owner?: unknown; dueBefore?: unknown; overdue?: unknown }): PlanFilters {
  return {
    status: input.status === undefined || input.status === '' ? null : oneOf(input.status, BACKLOG_STATUSES, 'status'),
    owner: optionalText(input.owner, 'owner', 200) || null,
    dueBefore: optionalDate(input.dueBefore, 'dueBefore'),
    overdueOnly: input.overdue === true || input.overdue === '1' || input.overdue === 'on',
  };
}

export const isOverdue = (item: BacklogItemRecord, now: Date): boolean =>
  item.dueDate !== null && item.dueDate.getTime() < now.getTime() && item.status !== 'done' && item.status !== 'dropped';

function matches(item: BacklogItemRecord, f: PlanFilters, now: Date): boolean {
  if (f.status && item.status !== f.status) return false;
  if (f.owner && !fold(item.owner).includes(fold(f.owner))) return false;
  if (f.dueBefore && (!item.dueDate || item.dueDate.getTime() > f.dueBefore.getTime())) return false;
  if (f.overdueOnly && !isOverdue(item, now)) return false;
  return true;
}

/** Builds the tree with rolled-up progress; pure, so the brief and the stats page reuse it. */
export function buildPlan(items: BacklogItemRecord[], filters: PlanFilters, now: Date): ActionPlanView {
  const ids = new Set(items.map((i) => i.id));
  const below = new Map<string | null, BacklogItemRecord[]>();
  for (const item of [...items].sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime())) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    below.set(parent, [...(below.get(parent) ?? []), item]);
  }
  const active = filters.status || filters.owner || filters.dueBefore || filters.overdueOnly;
  let matching = 0;
  const build = (item: BacklogItemRecord): PlanNode => {
    const all = (below.get(item.id) ?? []).map(build);
    const counted = all.filter((c) => c.item.status !== 'dropped');
    const own = item.status === 'done' ? 100 : item.progress;
    const progress = counted.length ? Math.round(counted.reduce((sum, c) => sum + c.progress, 0) / counted.length) : own;
    const hit = !active || matches(item, filters, now);
    if (hit) matching += 1;
    return { item, progress, overdue: isOverdue(item, now), matches: hit, children: all };
  };
  // With filters, an item stays when it or something below it matches (its place in the plan stays visible).
  const prune = (node: PlanNode): PlanNode | null => {
    const children = node.children.map(prune).filter((c): c is PlanNode => c !== null);
    return node.matches || children.length ? { ...node, children } : null;
  };
  const full = (below.get(null) ?? []).map(build);
  const roots = active ? full.map(prune).filter((n): n is PlanNode => n !== null) : full;
  return {
    roots,
    filters,
    owners: [...new Set(items.map((i) => i.owner).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    total: items.length,
    matching,
    overdue: items.filter((i) => isOverdue(i, now)).length,
  };
}

/** The action plan as the board reads it: rolled up, filtered, overdue items marked. */
export async function actionPlan(deps: CoreDeps, actor: Actor, input: Parameters<typeof parsePlanFilters>[0] = {}): Promise<ActionPlanView> {
  enforce(actor, 'backlog.list');
  const filters = parsePlanFilters(input);
  const items = await deps.store.transaction((repos) => repos.backlog.listByPanel(actor.panelId));
  return buildPlan(items, filters, deps.clock.now());
}
