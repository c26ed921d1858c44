import type { CoreDeps } from '../context.js';
import type { WebSessionRecord } from '../ports-privacy.js';

/** A web session ends this long after sign-in, whatever the browser keeps. */
export const WEB_SESSION_HOURS = 12;
const LIFETIME_MS = WEB_SESSION_HOURS * 3600_000;

/** Records a new session on the server; the cookie carries its id and issue time. */
export async function startWebSession(deps: CoreDeps, who: { tenantId: string; memberId: string }): Promise<WebSessionRecord> {
  return deps.store.transaction((repos) => repos.sessions.create({ tenantId: who.tenantId, memberId: who.memberId, issuedAt: deps.clock.now() }));
}

/**
 * Whether a session presented by a cookie is still valid: known to the server, for the same member, not
 * signed out, and younger than 12 hours (by the server's record, not the cookie's word).
 */
export async function webSessionIsActive(deps: CoreDeps, presented: { sessionId: string; tenantId: string; memberId: string }): Promise<boolean> {
  const session = await deps.store.transaction((repos) => repos.sessions.findById(presented.sessionId));
  if (!session || session.revokedAt !== null) return false;
  if (session.tenantId !== presented.tenantId || session.memberId !== presented.memberId) return false;
  return deps.clock.now().getTime() - session.issuedAt.getTime() < LIFETIME_MS;
}

/** Sign-out: the session ends on the server, so a copy of the cookie stops working too. */
export async function endWebSession(deps: CoreDeps, sessionId: string): Promise<void> {
  await deps.store.transaction((repos) => repos.sessions.revoke(sessionId, deps.clock.now()));
}
