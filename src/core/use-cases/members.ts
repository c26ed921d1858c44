import { randomBytes } from 'node:crypto';
import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import {
  LANGUAGES,
  LIMITS,
  ROLES,
  type Actor,
  type ChannelName,
  type DomainRecord,
  type MemberRecord,
  type PanelRecord,
} from '../types.js';
import type { Repositories } from '../ports.js';
import { oneOf, requireText } from '../validation.js';
import { activeOrNotFound, memberOfIdentity } from './actor-box.js';

export function actorOf(member: MemberRecord, channel: ChannelName): Actor {
  return {
    memberId: member.id,
    tenantId: member.tenantId,
    panelId: member.panelId,
    role: member.role,
    language: member.language,
    displayName: member.displayName,
    channel,
  };
}

/** Resolves who is asking from a channel identity. Unknown identities and erased members get not_found. */
export async function resolveActor(
  deps: CoreDeps,
  input: { tenantId: string; channel: ChannelName; externalId: string },
): Promise<Actor> {
  // Read together with the other lookups of this moment (a burst of presses shares one read).
  return actorOf(activeOrNotFound(await memberOfIdentity(deps, input)), input.channel);
}

/** An active member of this zone, or not_found. */
async function activeMember(repos: Repositories, tenantId: string, memberId: string): Promise<MemberRecord> {
  const member = await repos.members.findById(memberId);
  if (!member || member.tenantId !== tenantId || !member.active || member.erasedAt) throw new DomainError('not_found');
  return member;
}

/**
 * The member a signed sign-in link names (the channel checked the signature), as they would act on the web,
 * and whether the link was used already (when its `useKey` is given). Read only: nothing is recorded, so a
 * link preview or a scanner that opens the link changes nothing. Gone, inactive or erased members, and
 * members of another zone, get not_found.
 */
export async function checkSignInLink(deps: CoreDeps, input: { tenantId: string; memberId: string; useKey?: string }): Promise<{ actor: Actor; used: boolean }> {
  return deps.store.transaction(async (repos) => {
    const member = await activeMember(repos, input.tenantId, input.memberId);
    return { actor: actorOf(member, 'web'), used: input.useKey ? await repos.deliveries.seen(input.useKey) : false };
  });
}

/**
 * Uses a signed sign-in link, once: records its key (null when it was used before), and gives the member
 * the web identity the web session resolves (externalId = member id) when they have none yet, as members
 * enrolled from Slack or Teams do not. One transaction: a refused link records nothing.
 */
export async function redeemSignInLink(deps: CoreDeps, input: { tenantId: string; memberId: string; useKey: string }): Promise<Actor | null> {
  return deps.store.transaction(async (repos) => {
    const member = await activeMember(repos, input.tenantId, input.memberId);
    if (!(await repos.deliveries.claim(input.useKey))) return null;
    const identity = await repos.members.findIdentity(member.tenantId, 'web', member.id);
    if (identity && identity.memberId !== member.id) throw new DomainError('not_found');
    if (!identity) {
      await repos.members.addIdentity({ tenantId: member.tenantId, memberId: member.id, channel: 'web', externalId: member.id });
      await audit(repos, null, 'identity.linked', 'member', member.id, { channel: 'web', via: 'sign_in_link' }, member.tenantId);
    }
    await audit(repos, null, 'member.signed_in', 'member', member.id, { channel: 'web', via: 'sign_in_link' }, member.tenantId);
    return actorOf(member, 'web');
  });
}

export async function addMember(
  deps: CoreDeps,
  actor: Actor,
  input: { displayName: unknown; role: unknown; language: unknown; domainKeys?: unknown },
): Promise<MemberRecord> {
  enforce(actor, 'member.add');
  const displayName = requireText(input.displayName, 'displayName', LIMITS.shortText);
  const role = oneOf(input.role, ROLES, 'role');
  if (role === 'admin' && actor.role !== 'admin') throw new DomainError('forbidden');
  const language = oneOf(input.language, LANGUAGES, 'language');
  const keys = Array.isArray(input.domainKeys) ? input.domainKeys.map(String) : [];
  return deps.store.transaction(async (repos) => {
    const domains = await repos.panels.listDomains(actor.panelId);
    const domainIds = keys.map((key) => {
      const domain = domains.find((d) => d.key === key);
      if (!domain) throw new DomainError('unknown_option', { field: 'domainKeys' });
      return domain.id;
    });
    const member = await repos.members.create({
      tenantId: actor.tenantId,
      panelId: actor.panelId,
      displayName,
      role,
      language,
      pseudonym: newPseudonym(),
      domainIds,
    });
    await repos.members.addIdentity({ tenantId: actor.tenantId, memberId: member.id, channel: 'web', externalId: member.id });
    await audit(repos, actor, 'member.added', 'member', member.id, { role });
    return member;
  });
}

export function newPseudonym(): string {
  return `p_${randomBytes(12).toString('base64url')}`;
}

/** Links a chat identity (e.g. a Slack user id) to an existing member. */
export async function linkIdentity(
  deps: CoreDeps,
  actor: Actor,
  input: { memberId: string; channel: ChannelName; externalId: string; address?: string | null },
): Promise<void> {
  enforce(actor, 'member.link');
  await deps.store.transaction(async (repos) => {
    sameTenant(actor, await repos.members.findById(input.memberId));
    const existing = await repos.members.findIdentity(actor.tenantId, input.channel, input.externalId);
    if (existing && existing.memberId !== input.memberId) throw new DomainError('conflict');
    if (!existing) {
      await repos.members.addIdentity({ tenantId: actor.tenantId, ...input });
      await audit(repos, actor, 'identity.linked', 'member', input.memberId, { channel: input.channel });
    }
  });
}

export async function setMyLanguage(deps: CoreDeps, actor: Actor, language: unknown): Promise<Actor> {
  const lang = oneOf(language, LANGUAGES, 'language');
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.update(actor.memberId, { language: lang });
    await audit(repos, actor, 'member.language', 'member', actor.memberId, { language: lang });
    return actorOf(member, actor.channel);
  });
}

export async function listPanelMembers(deps: CoreDeps, actor: Actor): Promise<MemberRecord[]> {
  return deps.store.transaction((repos) => repos.members.listByPanel(actor.panelId));
}

export async function panelOverview(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ panel: PanelRecord; domains: DomainRecord[] }> {
  return deps.store.transaction(async (repos) => {
    const panel = await repos.panels.findById(actor.panelId);
    if (!panel) throw new DomainError('not_found');
    return { panel, domains: await repos.panels.listDomains(actor.panelId) };
  });
}

/** Lists members who may be picked in the local web channel (no credentials: local use only). */
export async function listWebIdentities(deps: CoreDeps): Promise<{ tenantId: string; tenantName: string; members: MemberRecord[] }[]> {
  return deps.store.transaction(async (repos) => {
    const out = [];
    for (const tenant of await repos.tenants.list()) {
      const members: MemberRecord[] = [];
      for (const panel of await repos.panels.listByTenant(tenant.id)) {
        members.push(...(await repos.members.listByPanel(panel.id)).filter((m) => m.active && !m.erasedAt));
      }
      out.push({ tenantId: tenant.id, tenantName: tenant.name, members });
    }
    return out;
  });
}

/** Adds a domain of experience to the panel's editable list. */
export async function addExperienceDomain(
  deps: CoreDeps,
  actor: Actor,
  input: { key: unknown; labels: { nl: unknown; fr: unknown; en: unknown } },
): Promise<DomainRecord> {
  enforce(actor, 'domain.manage');
  const key = requireText(input.key, 'key', 40).toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  const labels = {
    nl: requireText(input.labels.nl, 'labels', LIMITS.shortText),
    fr: requireText(input.labels.fr, 'labels', LIMITS.shortText),
    en: requireText(input.labels.en, 'labels', LIMITS.shortText),
  };
  return deps.store.transaction(async (repos) => {
    const domains = await repos.panels.listDomains(actor.panelId);
    if (domains.some((d) => d.key === key)) throw new DomainError('conflict');
    const domain = await repos.panels.createDomain({ tenantId: actor.tenantId, panelId: actor.panelId, key, labels, position: domains.length });
    await audit(repos, actor, 'domain.added', 'domain', domain.id);
    return domain;
  });
}

export async function archiveExperienceDomain(deps: CoreDeps, actor: Actor, domainId: string): Promise<DomainRecord> {
  enforce(actor, 'domain.manage');
  return deps.store.transaction(async (repos) => {
    const domain = (await repos.panels.listDomains(actor.panelId)).find((d) => d.id === domainId);
    if (!domain) throw new DomainError('not_found');
    const updated = await repos.panels.updateDomain(domain.id, { archived: true });
    await audit(repos, actor, 'domain.archived', 'domain', domain.id);
    return updated;
  });
}
