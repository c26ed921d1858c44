import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { BacklogRepository, Repositories } from '../ports.js';
import { myContributions } from './rounds.js';
import {
  BACKLOG_LEVELS,
  BACKLOG_STATUSES,
  LIMITS,
  type Actor,
  type BacklogItemRecord,
  type BacklogLevel,
} from '../types.js';
import { intInRange, oneOf, optionalDate, optionalText, requireText } from '../validation.js';
import { resolveAuthors } from './summary-versions.js';
import { notifyStatusChange, recordChange } from './backlog-history.js';

const PARENT_LEVEL: Record<BacklogLevel, BacklogLevel | null> = {
  pillar: null,
  strategic_goal: 'pillar',
  operational_goal: 'strategic_goal',
  action: 'operational_goal',
};

export interface BacklogItemInput {
  level: unknown;
  parentId?: unknown;
  title: unknown;
  description?: unknown;
  status?: unknown;
  owner?: unknown;
  dueDate?: unknown;
  progress?: unknown;
  /** Summary statements this item comes from: their citations become links with the quote. */
  statementIds?: unknown;
  pollIds?: unknown;
}


export async function createBacklogItem(deps: CoreDeps, actor: Actor, input: BacklogItemInput): Promise<BacklogItemRecord> {
  enforce(actor, 'backlog.create');
  const level = oneOf(input.level, BACKLOG_LEVELS, 'level');
  const title = requireText(input.title, 'title', LIMITS.shortText);
  const description = optionalText(input.description, 'description', LIMITS.longText);
  const status = oneOf(input.status ?? 'proposed', BACKLOG_STATUSES, 'status');
  const owner = optionalText(input.owner, 'owner', LIMITS.shortText);
  const dueDate = optionalDate(input.dueDate, 'dueDate');
  const progress = input.progress === undefined || input.progress === '' ? 0 : intInRange(input.progress, 'progress', 0, 100);
  const statementIds = toIds(input.statementIds);
  const pollIds = toIds(input.pollIds);
  return deps.store.transaction(async (repos) => {
    const parentLevel = PARENT_LEVEL[level];
    let parentId: string | null = null;
    if (parentLevel) {
      if (typeof input.parentId !== 'string' || !input.parentId) throw new DomainError('invalid_input', { field: 'parentId' });
      const parent = sameTenant(actor, await repos.backlog.findById(input.parentId));
      if (parent.level !== parentLevel) throw new DomainError('invalid_input', { field: 'parentId' });
      parentId = parent.id;
    }
    const siblings = (await repos.backlog.listByPanel(actor.panelId)).filter((i) => i.parentId === parentId);
    const item = await repos.backlog.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      level,
      parentId,
      title,
      description,
      status,
      owner,
      dueDate,
      progress,
      position: siblings.length,
    });
    const published = (await repos.summaries.listByPanel(actor.panelId)).length > 0;
    for (const statementId of statementIds) {
      const statement = published ? await findPublishedStatement(repos, actor, statementId) : null;
      if (!statement) throw new DomainError('not_found');
      await repos.backlog.addLink({ itemId: item.id, statementId, contributionId: null, pollId: null, quote: null, translation: null });
      for (const citation of statement.citations) {
        if (citation.contributionId) {
          await repos.backlog.addLink({
            itemId: item.id,
            statementId,
            contributionId: citation.contributionId,
            pollId: null,
            quote: citation.quote,
            translation: citation.translation,
          });
        }
      }
    }
    for (const pollId of pollIds) {
      sameTenant(actor, await repos.polls.findById(pollId));
      await repos.backlog.addLink({ itemId: item.id, pollId, statementId: null, contributionId: null, quote: null, translation: null });
    }
    await recordChange(repos, actor, null, item, deps.clock.now());
    await audit(repos, actor, 'backlog.created', 'backlog_item', item.id, { level });
    return (await repos.backlog.findById(item.id))!;
  });
}

function toIds(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map(String).filter(Boolean))];
}

async function findPublishedStatement(
  repos: Repositories,
  actor: Actor,
  statementId: string,
) {
  for (const summary of await repos.summaries.listByPanel(actor.panelId)) {
    for (const version of await repos.summaries.listVersions(summary.id)) {
      if (version.status !== 'published') continue;
      const statement = version.statements.find((s) => s.id === statementId);
      if (statement) return statement;
    }
  }
  return null;
}

export async function updateBacklogItem(
  deps: CoreDeps,
  actor: Actor,
  itemId: string,
  input: Partial<Omit<BacklogItemInput, 'level' | 'parentId'>>,
): Promise<BacklogItemRecord> {
  enforce(actor, 'backlog.update');
  const patch: Parameters<BacklogRepository['update']>[1] = {};
  if (input.title !== undefined) patch.title = requireText(input.title, 'title', LIMITS.shortText);
  if (input.description !== undefined) patch.description = optionalText(input.description, 'description', LIMITS.longText);
  if (input.status !== undefined) patch.status = oneOf(input.status, BACKLOG_STATUSES, 'status');
  if (input.owner !== undefined) patch.owner = optionalText(input.owner, 'owner', LIMITS.shortText);
  if (input.dueDate !== undefined) patch.dueDate = optionalDate(input.dueDate, 'dueDate');
  if (input.progress !== undefined && input.progress !== '') patch.progress = intInRange(input.progress, 'progress', 0, 100);
  return deps.store.transaction(async (repos) => {
    const item = sameTenant(actor, await repos.backlog.findById(itemId));
    const updated = await repos.backlog.update(item.id, patch);
    await recordChange(repos, actor, item, updated, deps.clock.now());
    const notified = updated.status !== item.status ? await notifyStatusChange(repos, deps.secret, actor, updated) : 0;
    await audit(repos, actor, 'backlog.updated', 'backlog_item', item.id, { status: updated.status, progress: updated.progress, notified });
    return updated;
  });
}

/** "You said, we did": the board answers on an action and every linked contributor is told. */
export async function respondToBacklogItem(deps: CoreDeps, actor: Actor, itemId: string, response: unknown): Promise<BacklogItemRecord> {
  enforce(actor, 'backlog.respond');
  const text = requireText(response, 'response', LIMITS.longText);
  return deps.store.transaction(async (repos) => {
    const item = sameTenant(actor, await repos.backlog.findById(itemId));
    const updated = await repos.backlog.update(item.id, { boardResponse: text, respondedAt: deps.clock.now() });
    const contributionIds = [...new Set(item.links.map((l) => l.contributionId).filter((id): id is string => !!id))];
    const contributions = await repos.contributions.findManyByIds(contributionIds);
    const members = await repos.members.listByPanel(actor.panelId);
    const authors = await resolveAuthors(repos, deps.secret, contributions, members);
    for (const memberId of new Set(authors.values())) {
      await repos.notifications.create({ tenantId: actor.tenantId, memberId, kind: 'input_outcome', payload: { itemId: item.id } });
    }
    await audit(repos, actor, 'backlog.responded', 'backlog_item', item.id, { notified: new Set(authors.values()).size });
    return updated;
  });
}

/** The action plan is the board's: board members, facilitators and admins read it; experts see their outcomes. */
export async function listBacklog(deps: CoreDeps, actor: Actor): Promise<BacklogItemRecord[]> {
  enforce(actor, 'backlog.list');
  return deps.store.transaction((repos) => repos.backlog.listByPanel(actor.panelId));
}

export interface InputOutcome {
  contributionId: string;
  items: BacklogItemRecord[];
}

/** What became of the actor's input: their contributions and the backlog items linked to them. */
export async function myInputOutcomes(deps: CoreDeps, actor: Actor): Promise<InputOutcome[]> {
  const contributionIds = (await myContributions(deps, actor)).map((c) => c.id);
  return deps.store.transaction(async (repos) => {
    const links = await repos.backlog.listLinksForContributions(contributionIds);
    const items = new Map<string, BacklogItemRecord>();
    for (const link of links) {
      if (!items.has(link.itemId)) {
        const item = await repos.backlog.findById(link.itemId);
        if (item) items.set(item.id, item);
      }
    }
    return contributionIds.map((contributionId) => ({
      contributionId,
      items: links
        .filter((l) => l.contributionId === contributionId)
        .map((l) => items.get(l.itemId))
        .filter((i): i is BacklogItemRecord => !!i)
        .filter((i, index, all) => all.findIndex((j) => j.id === i.id) === index),
    }));
  });
}
