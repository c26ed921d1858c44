import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { isDomainError, resolveActor, endWebSession, startWebSession, webSessionIsActive, type Actor, type CoreDeps } from '../core/index.js';

/**
 * The web session: an HttpOnly, SameSite=Strict cookie holding the tenant and member id, the id of the
 * session the server recorded and its issue time, signed with an HMAC keyed by the server secret. The
 * server ends it after 12 hours or at sign-out (`webSessionIsActive`), so a copied cookie does not live on.
 */
export const COOKIE = 'stemmen_session';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function sign(secret: string, parts: string[]): string {
  return createHmac('sha256', secret).update(['stemmen-web-session', ...parts].join('\u001f')).digest('base64url');
}

export function sessionValue(secret: string, tenantId: string, memberId: string, sessionId: string, issuedAt: Date): string {
  const parts = [tenantId, memberId, sessionId, String(Math.floor(issuedAt.getTime() / 1000))];
  return `v2.${parts.join('.')}.${sign(secret, parts)}`;
}

/** A new server-side session for a member, as the cookie value that carries it. */
export async function openSession(deps: CoreDeps, tenantId: string, memberId: string): Promise<string> {
  const session = await startWebSession(deps, { tenantId, memberId });
  return sessionValue(deps.secret, tenantId, memberId, session.id, session.issuedAt);
}

export interface SessionIds {
  tenantId: string;
  memberId: string;
  sessionId: string;
  issuedAt: Date;
}

/** Verifies a cookie value; returns what it holds, or null when it was not made by this server. */
export function verifySession(secret: string, value: string): SessionIds | null {
  const [version, tenantId, memberId, sessionId, issued, signature, ...rest] = value.split('.');
  if (version !== 'v2' || rest.length > 0 || !tenantId || !memberId || !sessionId || !issued || !signature) return null;
  if (!ID.test(tenantId) || !ID.test(memberId) || !ID.test(sessionId) || !/^\d{1,12}$/.test(issued)) return null;
  const expected = Buffer.from(sign(secret, [tenantId, memberId, sessionId, issued]));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { tenantId, memberId, sessionId, issuedAt: new Date(Number(issued) * 1000) };
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
  if (!ids || !(await webSessionIsActive(deps, ids))) {
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

/** Sign-out: ends the session on the server (when the cookie names one) and in the browser. */
export async function endSession(deps: CoreDeps, req: Request, res: Response): Promise<void> {
  const raw = readCookie(req, COOKIE);
  const ids = raw ? verifySession(deps.secret, raw) : null;
  if (ids) await endWebSession(deps, ids.sessionId);
  clearSessionCookie(res);
}
