import { randomUUID } from 'node:crypto';
import { audit, authorKey, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, ContributionRecord, IdeaRoundRecord } from '../types.js';
import { checkContributionInput, checkRoundInput, contributionLanguage, type ContributionInput, type RoundInput } from '../form-checks.js';
import { requireOpenRound, requireRound } from '../lookups.js';
import { isRoundOpen } from '../lifecycle.js';
import { anonymousTime } from '../privacy/policy.js';
import { requireParticipation } from './participation-state.js';

export async function openIdeaRound(
  deps: CoreDeps,
  actor: Actor,
  input: RoundInput,
): Promise<IdeaRoundRecord> {
  enforce(actor, 'question.create');
  const { question, description, closesAt } = checkRoundInput(input, deps.clock.now());
  return deps.store.transaction(async (repos) => {
    let meetingId: string | null = null;
    if (typeof input.meetingId === 'string' && input.meetingId !== '') {
      meetingId = sameTenant(actor, await repos.meetings.findById(input.meetingId)).id;
    }
    const round = await repos.rounds.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      meetingId,
      question,
      description,
      closesAt,
      createdById: actor.memberId,
    });
    await audit(repos, actor, 'round.opened', 'round', round.id);
    for (const member of await repos.members.listByPanel(actor.panelId)) {
      if (member.active && member.role === 'expert') {
        await repos.notifications.create({ tenantId: actor.tenantId, memberId: member.id, kind: 'round_opened', payload: { roundId: round.id } });
      }
    }
    return round;
  });
}

export async function closeIdeaRound(deps: CoreDeps, actor: Actor, roundId: string): Promise<IdeaRoundRecord> {
  enforce(actor, 'question.close');
  return deps.store.transaction(async (repos) => {
    const round = await requireRound(repos, actor, roundId);
    if (round.status === 'closed') throw new DomainError('round_closed');
    const closed = await repos.rounds.close(round.id, deps.clock.now());
    await audit(repos, actor, 'round.closed', 'round', round.id);
    return closed;
  });
}

export async function getIdeaRound(deps: CoreDeps, actor: Actor, roundId: string): Promise<IdeaRoundRecord> {
  return deps.store.transaction((repos) => requireRound(repos, actor, roundId));
}

/** A question of the month that takes contributions now (status and closing date), or `round_closed`. */
export async function getOpenIdeaRound(deps: CoreDeps, actor: Actor, roundId: string): Promise<IdeaRoundRecord> {
  return deps.store.transaction((repos) => requireOpenRound(repos, actor, roundId, deps.clock.now()));
}

/**
 * The panel's questions of the month. `'open'` lists those that take contributions now: a
 * question past its closing date is left out even before the scheduled close has marked it closed.
 */
export async function listIdeaRounds(deps: CoreDeps, actor: Actor, status?: 'open' | 'closed'): Promise<IdeaRoundRecord[]> {
  const now = deps.clock.now();
  const rounds = await deps.store.transaction((repos) => repos.rounds.listByPanel(actor.panelId));
  return status === undefined ? rounds : rounds.filter((r) => isRoundOpen(r, now) === (status === 'open'));
}

export type { ContributionInput } from '../form-checks.js';

async function domainIdsFor(repos: Repositories, actor: Actor, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const domains = await repos.panels.listDomains(actor.panelId);
  return keys.map((key) => {
    const domain = domains.find((d) => d.key === key && !d.archived);
    if (!domain) throw new DomainError('unknown_option', { field: 'domainKeys' });
    return domain.id;
  });
}

export async function submitContribution(deps: CoreDeps, actor: Actor, input: ContributionInput): Promise<ContributionRecord> {
  enforce(actor, 'question.contribute');
  const language = contributionLanguage(input, actor.language);
  return deps.store.transaction(async (repos) => {
    await requireParticipation(repos, actor);
    const { fields, attribution, domainKeys = [] } = checkContributionInput(input, { language, editing: false });
    let roundId: string | null = null;
    if (typeof input.roundId === 'string' && input.roundId !== '') {
      roundId = (await requireOpenRound(repos, actor, input.roundId, deps.clock.now())).id;
    }
    const domainIds = await domainIdsFor(repos, actor, domainKeys);
    const anonymous = attribution === 'anonymous';
    const contribution = await repos.contributions.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      roundId,
      authorId: anonymous ? null : actor.memberId,
      ...fields,
      language,
      attribution,
      channel: actor.channel,
      domainIds,
      // No cuid (it embeds a time) and only the day: nothing joins the row to the member's other activity.
      ...(anonymous ? { id: randomUUID(), at: anonymousTime(deps.clock.now()) } : {}),
    });
    if (anonymous) await repos.contributions.setAuthorKey(contribution.id, authorKey(deps.secret, contribution.id, actor.memberId));
    await audit(repos, anonymous ? null : actor, 'contribution.created', 'contribution', anonymous ? 'anonymous' : contribution.id, { attribution }, actor.tenantId);
    return contribution;
  });
}

/** The contribution if the actor wrote it, whether it is named or anonymous; otherwise not found. */
export async function ownContribution(
  deps: CoreDeps,
  repos: Repositories,
  actor: Actor,
  contributionId: string,
): Promise<ContributionRecord> {
  const contribution = sameTenant(actor, await repos.contributions.findById(contributionId));
  if (contribution.authorId === actor.memberId) return contribution;
  if (contribution.authorId === null) {
    const [key] = await repos.contributions.listAuthorKeys([contribution.id]);
    if (key && key.authorKey === authorKey(deps.secret, contribution.id, actor.memberId)) return contribution;
  }
  throw new DomainError('not_found');
}

export async function editContribution(
  deps: CoreDeps,
  actor: Actor,
  contributionId: string,
  input: ContributionInput,
): Promise<ContributionRecord> {
  return deps.store.transaction(async (repos) => {
    const current = await ownContribution(deps, repos, actor, contributionId);
    if (current.status === 'withdrawn') throw new DomainError('already_withdrawn');
    const checked = checkContributionInput(input, { language: current.language, editing: true });
    const { fields } = checked;
    const attribution = checked.attribution ?? current.attribution;
    const domainIds = checked.domainKeys === undefined ? current.domainIds : await domainIdsFor(repos, actor, checked.domainKeys);
    const anonymous = attribution === 'anonymous';
    const updated = await repos.contributions.update(current.id, {
      ...fields,
      attribution,
      domainIds,
      authorId: anonymous ? null : actor.memberId,
      ...(anonymous ? { at: anonymousTime(deps.clock.now()) } : {}),
    });
    if (anonymous && current.authorId !== null) {
      await repos.contributions.setAuthorKey(current.id, authorKey(deps.secret, current.id, actor.memberId));
    }
    if (!anonymous && current.authorId === null) await repos.contributions.deleteAuthorKey(current.id);
    await audit(repos, anonymous ? null : actor, 'contribution.edited', 'contribution', anonymous ? 'anonymous' : current.id, {}, actor.tenantId);
    return updated;
  });
}

/** Contributions the actor wrote, including their anonymous ones (recognised by the author key). */
export async function myContributions(deps: CoreDeps, actor: Actor): Promise<ContributionRecord[]> {
  return deps.store.transaction((repos) => ownContributionsIn(deps, repos, actor));
}

/** The actor's own contributions (named, and anonymous through the author key), newest first. */
export async function ownContributionsIn(deps: CoreDeps, repos: Repositories, actor: Pick<Actor, 'memberId' | 'panelId'>): Promise<ContributionRecord[]> {
  const named = await repos.contributions.listByAuthor(actor.memberId);
  const anonymousIds = await repos.contributions.listAnonymousIds(actor.panelId);
  const keys = await repos.contributions.listAuthorKeys(anonymousIds);
  const mine = keys
    .filter((k) => k.authorKey === authorKey(deps.secret, k.contributionId, actor.memberId))
    .map((k) => k.contributionId);
  const anonymous = await repos.contributions.findManyByIds(mine);
  return [...named, ...anonymous].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Facilitators and board members see contributions without any link to anonymous authors. */
export async function listContributions(deps: CoreDeps, actor: Actor, roundId?: string): Promise<ContributionRecord[]> {
  enforce(actor, 'contribution.list');
  return deps.store.transaction(async (repos) => {
    if (roundId) await requireRound(repos, actor, roundId);
    const list = roundId ? await repos.contributions.listByRound(roundId) : await repos.contributions.listByPanel(actor.panelId);
    await audit(repos, actor, 'identifiable.viewed', 'contributions', roundId ?? actor.panelId, { count: list.length });
    return list;
  });
}
