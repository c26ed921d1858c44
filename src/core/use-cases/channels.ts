import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { isPollOpen } from '../lifecycle.js';
import { DomainError, isDomainError } from '../errors.js';
import { createPanel } from '../seed-demo.js';
import {
  inPollAudience,
  LANGUAGES,
  ROLES,
  type Actor,
  type ChannelName,
  type IdentityRecord,
  type Language,
  type MemberRecord,
  type NotificationRecord,
  type TenantRecord,
} from '../types.js';
import { oneOf } from '../validation.js';
import { saveAddressTogether } from './address-box.js';
import { actorOf, newPseudonym } from './members.js';

/**
 * Use cases that chat channels (Slack, Teams) need around the panel cycle: one zone per workspace,
 * enrolment of chat users, conversation addresses for proactive messages, idempotent deliveries and
 * the outbox of notifications and reminders.
 */

export function workspaceSlug(channel: ChannelName, workspaceId: string): string {
  return `${channel}-${workspaceId}`.toLowerCase();
}

/** The workspace id (lower case) of a zone that a chat channel created, or null for any other zone. */
export async function workspaceOfTenant(deps: CoreDeps, channel: ChannelName, tenantId: string): Promise<string | null> {
  const tenant = await deps.store.transaction((repos) => repos.tenants.findById(tenantId));
  const prefix = workspaceSlug(channel, '');
  return tenant?.slug.startsWith(prefix) && tenant.slug.length > prefix.length ? tenant.slug.slice(prefix.length) : null;
}

/** The zone (tenant) of a chat workspace, created with a panel and the default domains on first use. */
export async function ensureWorkspaceTenant(
  deps: CoreDeps,
  input: { channel: ChannelName; workspaceId: string; name: string; defaultLanguage?: Language },
): Promise<TenantRecord> {
  const slug = workspaceSlug(input.channel, input.workspaceId);
  const found = await deps.store.transaction((repos) => repos.tenants.findBySlug(slug));
  if (found) return found;
  // A concurrent first use may create it too: the unique slug makes one of them retry and find it.
  return deps.store.transaction(async (repos) => {
    const again = await repos.tenants.findBySlug(slug);
    if (again) return again;
    const created = await createPanel(repos, {
      tenantSlug: slug,
      tenantName: input.name.slice(0, 200) || slug,
      panelName: input.name.slice(0, 200) || slug,
      defaultLanguage: input.defaultLanguage ?? 'nl',
      members: [],
    });
    return created.tenant;
  });
}

/**
 * The actor behind a chat identity. An unknown user of a known workspace is enrolled as an expert
 * (the first member of a new zone becomes its facilitator, so that someone can run it).
 */
export async function enrolChannelMember(
  deps: CoreDeps,
  input: { tenantId: string; channel: ChannelName; externalId: string; displayName: string; language?: string | null },
): Promise<Actor> {
  const language: Language = (LANGUAGES as readonly string[]).includes(input.language ?? '') ? (input.language as Language) : 'nl';
  return deps.store.transaction(async (repos) => {
    const identity = await repos.members.findIdentity(input.tenantId, input.channel, input.externalId);
    if (identity) {
      const member = await repos.members.findById(identity.memberId);
      if (!member || !member.active || member.erasedAt) throw new DomainError('not_found');
      return actorOf(member, input.channel);
    }
    // Enrolments in one zone take turns, so that of several first uses at once (on any instance) exactly
    // one counts no members yet and becomes the facilitator.
    await repos.tenants.lock(input.tenantId);
    const again = await repos.members.findIdentity(input.tenantId, input.channel, input.externalId);
    if (again) {
      const member = await repos.members.findById(again.memberId);
      if (!member || !member.active || member.erasedAt) throw new DomainError('not_found');
      return actorOf(member, input.channel);
    }
    const [panel] = await repos.panels.listByTenant(input.tenantId);
    if (!panel) throw new DomainError('not_found');
    const first = (await repos.members.countByTenant(input.tenantId)) === 0;
    const member = await repos.members.create({
      tenantId: input.tenantId,
      panelId: panel.id,
      displayName: input.displayName.slice(0, 200) || 'Member',
      role: first ? 'facilitator' : 'expert',
      language,
      pseudonym: newPseudonym(),
      domainIds: [],
    });
    await repos.members.addIdentity({ tenantId: input.tenantId, memberId: member.id, channel: input.channel, externalId: input.externalId });
    await audit(repos, null, 'member.enrolled', 'member', member.id, { channel: input.channel, role: member.role }, input.tenantId);
    return actorOf(member, input.channel);
  });
}

export async function setMemberRole(deps: CoreDeps, actor: Actor, memberId: string, role: unknown): Promise<MemberRecord> {
  enforce(actor, 'member.role');
  const next = oneOf(role, ROLES, 'role');
  enforce(actor, 'member.role', { role: next });
  return deps.store.transaction(async (repos) => {
    const member = sameTenant(actor, await repos.members.findById(memberId));
    enforce(actor, 'member.role', { member, role: next });
    const updated = await repos.members.update(member.id, { role: next });
    await audit(repos, actor, 'member.role', 'member', member.id, { role: next });
    return updated;
  });
}

/**
 * Stores where the bot can reach a member proactively (e.g. a Teams conversation reference, JSON), together
 * with the other saves of the same moment (address-box.ts).
 */
export function saveChannelAddress(
  deps: CoreDeps,
  input: { tenantId: string; channel: ChannelName; externalId: string; address: string },
): Promise<void> {
  return saveAddressTogether(deps, input);
}

/**
 * Forgets delivery keys older than `days`. Platforms retry within minutes and sign-in links live 12 hours,
 * so a month is far beyond any redelivery; without this the table grows with every interaction.
 */
export async function pruneDeliveries(deps: CoreDeps, days = 30): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
  return deps.store.transaction((repos) => repos.deliveries.pruneBefore(cutoff));
}

/** Records a platform delivery key; false when it was seen before (a retry or redelivery). */
export async function claimDelivery(deps: CoreDeps, key: string): Promise<boolean> {
  return deps.store.transaction((repos) => repos.deliveries.claim(key));
}

/**
 * Runs the handling of one platform delivery at most once. The key is claimed first; when the handling then
 * fails for a reason other than the member's input (a DomainError is an answer, and was given), the claim
 * is released so that the platform's redelivery is handled instead of ignored. Returns false for a repeat.
 */
export async function handleOnce(deps: CoreDeps, key: string | null, handle: () => Promise<void>): Promise<boolean> {
  if (key !== null && !(await claimDelivery(deps, key))) return false;
  try {
    await handle();
  } catch (error) {
    if (key !== null && !isDomainError(error)) await deps.store.transaction((repos) => repos.deliveries.release(key));
    throw error;
  }
  return true;
}

export interface PendingDelivery {
  notification: NotificationRecord;
  member: MemberRecord;
  identity: IdentityRecord;
}

/** How long a claimed notification is held for one outbox round; after that another instance may take it. */
export const DELIVERY_LEASE_MS = 10 * 60_000;

/**
 * Claims notifications not yet delivered to members this channel can reach, for one outbox round: held for
 * DELIVERY_LEASE_MS, so no other instance (or channel) delivers them meanwhile. Only members with an
 * identity on the channel are asked for, so notifications for members of other channels never crowd these
 * out. A member reachable on several channels gets each notification once, on whichever channel claims it
 * first. Settle each with markDelivered, or releaseDelivery to have it tried again.
 */
export async function pendingDeliveries(deps: CoreDeps, channel: ChannelName, limit = 50): Promise<PendingDelivery[]> {
  return deps.store.transaction(async (repos) => {
    const identities = new Map<string, IdentityRecord>();
    for (const identity of await repos.members.listIdentitiesOnChannel(channel)) {
      if (!identities.has(identity.memberId)) identities.set(identity.memberId, identity);
    }
    const out: PendingDelivery[] = [];
    const now = deps.clock.now();
    const until = new Date(now.getTime() + DELIVERY_LEASE_MS);
    for (const notification of await repos.notifications.claimUndelivered([...identities.keys()], limit, now, until)) {
      const member = await repos.members.findById(notification.memberId);
      const identity = identities.get(notification.memberId);
      if (member && identity && member.active && !member.erasedAt) out.push({ notification, member, identity });
      // Nobody left to tell (member deactivated): settle it, so it does not hold a place in every round.
      else await repos.notifications.markDelivered(notification.id, deps.clock.now());
    }
    return out;
  });
}

export async function markDelivered(deps: CoreDeps, notificationId: string): Promise<void> {
  await deps.store.transaction((repos) => repos.notifications.markDelivered(notificationId, deps.clock.now()));
}

/** At most one reminder per member per this many hours, whoever asks. */
export const REMINDER_EVERY_HOURS = 48;
/** The scheduled job reminds only of what has waited this long: a reminder right after the announcement is noise. */
export const REMINDER_GRACE_HOURS = 24;

/** A delivery failed for now: let go of the claim so that the next round tries again. */
export async function releaseDelivery(deps: CoreDeps, notificationId: string): Promise<void> {
  await deps.store.transaction((repos) => repos.notifications.releaseClaim(notificationId));
}

/**
 * The key that makes a reminder unique per member and period: two job runs at the same moment (two
 * instances, or the job and a facilitator's "send reminders now") cannot both create one.
 */
export function reminderKey(memberId: string, now: Date, everyHours: number): string {
  return `reminder:${memberId}:${Math.floor(now.getTime() / (Math.max(1, everyHours) * 3600_000))}`;
}

/**
 * Creates a reminder for each member of a zone who has open polls they did not answer or consent requests
 * waiting, at most one per member per `everyHours`. The scheduled job counts only what has waited
 * `graceHours`; a facilitator's "send reminders now" (`remindPanel`) passes 0. Channels deliver them outside
 * quiet hours.
 */
export async function createReminders(
  deps: CoreDeps,
  tenantId: string,
  everyHours = REMINDER_EVERY_HOURS,
  graceHours = REMINDER_GRACE_HOURS,
): Promise<number> {
  return deps.store.transaction(async (repos) => {
    const now = deps.clock.now();
    let created = 0;
    for (const panel of await repos.panels.listByTenant(tenantId)) {
      // A poll past its deadline is closed for members even before the job closes it: no reminder for it.
      const polls = (await repos.polls.listByPanel(panel.id, 'open')).filter((p) => isPollOpen(p, now));
      const participants = new Map<string, Set<string>>();
      for (const poll of polls) participants.set(poll.id, new Set(await repos.polls.listParticipants(poll.id)));
      for (const member of await repos.members.listByPanel(panel.id)) {
        if (!member.active || member.erasedAt) continue;
        // Only what has waited a while: a reminder right after the announcement would be noise.
        const waited = (at: Date) => graceHours <= 0 || now.getTime() - at.getTime() >= graceHours * 3600_000;
        // Only polls that ask this member (an experts' poll does not wait for a facilitator's answer).
        const openPolls = polls.filter((p) => inPollAudience(member.role, p.audience) && waited(p.createdAt) && !participants.get(p.id)?.has(member.id)).length;
        const consent = (await repos.consent.listRequestsForMember(member.id, 'pending')).filter((r) => waited(r.createdAt)).length;
        if (openPolls === 0 && consent === 0) continue;
        const recent = (await repos.notifications.listForMember(member.id, { limit: 50 })).some(
          (n) => n.kind === 'reminder' && now.getTime() - n.createdAt.getTime() < everyHours * 3600_000,
        );
        if (recent) continue;
        // Once per member and period, also when another run (another instance) makes reminders right now.
        const made = await repos.notifications.createOnce({ tenantId, memberId: member.id, kind: 'reminder', payload: { polls: openPolls, consent }, dedupeKey: reminderKey(member.id, now, everyHours) });
        if (made) created += 1;
      }
    }
    return created;
  });
}

/** A facilitator's "send reminders now" for their zone: everything waiting counts, the 48-hour limit holds. */
export async function remindPanel(deps: CoreDeps, actor: Actor): Promise<number> {
  enforce(actor, 'reminder.send');
  return createReminders(deps, actor.tenantId, REMINDER_EVERY_HOURS, 0);
}

/** Reminders for every zone: the scheduled job behind "reminders to members who have not answered". */
export async function createRemindersForAllZones(deps: CoreDeps, everyHours = REMINDER_EVERY_HOURS): Promise<number> {
  const tenants = await deps.store.transaction((repos) => repos.tenants.list());
  let created = 0;
  for (const tenant of tenants) created += await createReminders(deps, tenant.id, everyHours);
  return created;
}
