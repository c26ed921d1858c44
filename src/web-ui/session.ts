import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { isDomainError, resolveActor, type Actor, type CoreDeps } from '../core/index.js';

/**
 * The local web session: an HttpOnly, SameSite=Strict cookie holding the tenant and member id, signed with
 * an HMAC keyed by the server secret. No credentials: the local channel trusts whoever uses this computer.
 */
export const COOKIE = 'stemmen_session';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function sign(secret: string, tenantId: string, memberId: string): string {
  return createHmac('sha256', secret).update(`stemmen-web-session\u001f${tenantId}\u001f${memberId}`).digest('base64url');
}

export function sessionValue(secret: string, tenantId: string, memberId: string): string {
  return `v1.${tenantId}.${memberId}.${sign(secret, tenantId, memberId)}`;
}

/** Verifies a cookie value; returns the ids it holds, or null when it was not made by this server. */
export function verifySession(secret: string, value: string): { tenantId: string; memberId: string } | null {
  const [version, tenantId, memberId, signature, ...rest] = value.split('.');
  if (version !== 'v1' || rest.length > 0 || !tenantId || !memberId || !signature) return null;
  if (!ID.test(tenantId) || !ID.test(memberId)) return null;
  const expected = Buffer.from(sign(secret, tenantId, memberId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { tenantId, memberId };
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** `secure` when the browser reaches this server over https (sign-in from a link to the public address). */
export function setSessionCookie(res: Response, value: string, secure = false): void {
  res.append('Set-Cookie', `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(res: Response): void {
  res.append('Set-Cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}

/**
 * The actor of this request, or null. A cookie that does not verify, or names a member who is gone, is
 * cleared. Resolution goes through the core (`resolveActor`) on every request.
 */
export async function sessionActor(deps: CoreDeps, req: Request, res: Response): Promise<Actor | null> {
  const raw = readCookie(req, COOKIE);
  if (!raw) return null;
  const ids = verifySession(deps.secret, raw);
  if (!ids) {
    clearSessionCookie(res);
    return null;
  }
  try {
    return await resolveActor(deps, { tenantId: ids.tenantId, channel: 'web', externalId: ids.memberId });
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') {
      clearSessionCookie(res);
      return null;
    }
    throw error;
  }
}
