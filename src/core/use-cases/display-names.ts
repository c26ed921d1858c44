import type { CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Actor } from '../types.js';
import { actorOf } from './members.js';

/** Longest display name kept (as on enrolment). */
const MAX_NAME = 200;

/**
 * Keeps a member's display name as their platform shows it now. Channels call this when an incoming
 * event names the person differently from what we hold (Teams' install event often carries no name, so
 * the member was enrolled as "Member"; Slack sends user_change when a profile changes). An empty name
 * from the platform never replaces a real one.
 */
export async function refreshDisplayName(deps: CoreDeps, actor: Actor, platformName: string | null | undefined): Promise<Actor> {
  const name = (platformName ?? '').trim().slice(0, MAX_NAME);
  if (name === '' || name === actor.displayName) return actor;
  return deps.store.transaction(async (repos) => {
    const member = await repos.members.findById(actor.memberId);
    if (!member || member.tenantId !== actor.tenantId || !member.active || member.erasedAt) throw new DomainError('not_found');
    if (member.displayName === name) return actorOf(member, actor.channel);
    return actorOf(await repos.members.update(member.id, { displayName: name }), actor.channel);
  });
}
