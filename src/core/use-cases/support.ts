import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { SupportRequestRecord } from '../ports.js';
import type { Actor } from '../types.js';

/**
 * "I need support": a private signal from a panel member to the facilitators, and to nobody else. It
 * carries no text (a facilitator contacts the member), never reaches a summary, the board or a model, and
 * board members cannot list it.
 */
export async function requestSupport(deps: CoreDeps, actor: Actor): Promise<{ request: SupportRequestRecord; alreadyOpen: boolean }> {
  enforce(actor, 'support.request');
  return deps.store.transaction(async (repos) => {
    const open = (await repos.support.listByMember(actor.memberId)).find((r) => r.handledAt === null);
    if (open) return { request: open, alreadyOpen: true };
    const request = await repos.support.create({ tenantId: actor.tenantId, memberId: actor.memberId, channel: actor.channel });
    const staff = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active && !m.erasedAt);
    const facilitators = staff.filter((m) => m.role === 'facilitator');
    // A panel without a facilitator still has someone to tell: its admins. Never the board.
    for (const member of facilitators.length > 0 ? facilitators : staff.filter((m) => m.role === 'admin')) {
      await repos.notifications.create({ tenantId: actor.tenantId, memberId: member.id, kind: 'support_requested', payload: { supportRequestId: request.id } });
    }
    await audit(repos, actor, 'support.requested', 'support_request', request.id);
    return { request, alreadyOpen: false };
  });
}

/** The member's own open request, if any (so a channel can say "your facilitator was told"). */
export async function mySupportRequest(deps: CoreDeps, actor: Actor): Promise<SupportRequestRecord | null> {
  return deps.store.transaction(async (repos) => (await repos.support.listByMember(actor.memberId)).find((r) => r.handledAt === null) ?? null);
}

export interface SupportRequestView extends SupportRequestRecord {
  displayName: string;
  language: Actor['language'];
}

/** Open requests for facilitators: who asked and when. Reading them is an audited access to identifiable data. */
export async function listSupportRequests(deps: CoreDeps, actor: Actor): Promise<SupportRequestView[]> {
  enforce(actor, 'support.list');
  return deps.store.transaction(async (repos) => {
    const members = new Map((await repos.members.listByPanel(actor.panelId)).map((m) => [m.id, m]));
    const open = (await repos.support.listOpen(actor.tenantId)).filter((r) => members.has(r.memberId));
    if (open.length > 0) await audit(repos, actor, 'identifiable.viewed', 'support_requests', actor.panelId, { count: open.length });
    return open.map((r) => ({ ...r, displayName: members.get(r.memberId)!.displayName, language: members.get(r.memberId)!.language }));
  });
}

export async function markSupportHandled(deps: CoreDeps, actor: Actor, requestId: string): Promise<void> {
  enforce(actor, 'support.handle');
  await deps.store.transaction(async (repos) => {
    const request = sameTenant(actor, await repos.support.findById(requestId));
    if (request.handledAt) throw new DomainError('conflict');
    const member = await repos.members.findById(request.memberId);
    if (!member || member.panelId !== actor.panelId) throw new DomainError('not_found');
    await repos.support.markHandled(request.id, actor.memberId, deps.clock.now());
    await audit(repos, actor, 'support.handled', 'support_request', request.id);
  });
}
