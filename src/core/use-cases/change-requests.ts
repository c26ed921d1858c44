import { audit, sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Actor } from '../types.js';

export interface OpenChangeRequest {
  requestId: string;
  versionNumber: number;
  displayName: string;
  comment: string | null;
  respondedAt: Date | null;
}

/**
 * A summary's change requests the facilitator has not handled, whatever version they were made on: a new
 * version (a withdrawal elsewhere, an edit) must not make a member's request disappear unanswered.
 */
export async function openChangeRequests(deps: CoreDeps, actor: Actor, summaryId: string): Promise<OpenChangeRequest[]> {
  enforce(actor, 'summary.consent');
  return deps.store.transaction(async (repos) => {
    sameTenant(actor, await repos.summaries.findById(summaryId));
    const versions = await repos.summaries.listVersions(summaryId);
    const members = await repos.members.listByPanel(actor.panelId);
    const open = await repos.consent.listOpenChangeRequests(versions.map((v) => v.id));
    return open.map((r) => ({
      requestId: r.id,
      versionNumber: versions.find((v) => v.id === r.versionId)?.number ?? 0,
      displayName: members.find((m) => m.id === r.memberId)?.displayName ?? '',
      comment: r.comment,
      respondedAt: r.respondedAt,
    }));
  });
}

/** The facilitator marks a change request handled: it leaves their list (the member's answer stays on record). */
export async function handleChangeRequest(deps: CoreDeps, actor: Actor, requestId: string): Promise<void> {
  enforce(actor, 'summary.consent');
  await deps.store.transaction(async (repos) => {
    const request = await repos.consent.findRequest(requestId);
    if (!request || request.tenantId !== actor.tenantId || request.status !== 'change_requested') throw new DomainError('not_found');
    await repos.consent.markHandled(request.id, deps.clock.now());
    await audit(repos, actor, 'consent.change_handled', 'consent_request', request.id);
  });
}
