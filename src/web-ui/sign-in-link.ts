import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, short-lived, single-use sign-in links (e.g. from Slack or Teams to the board pages).
 *
 * A token names a member of a zone, an expiry and a random nonce, and is signed with HMAC-SHA256 under a
 * key derived from the server secret for one purpose, so a token made for one purpose (or any other value
 * this server signs, such as the session cookie) never verifies for another. Everything in a token is
 * base64url or an id: it goes into a URL as it is. The token itself is not secret from its holder and holds
 * no names. Single use is not decided here: the caller claims the nonce once (see `linkUseKey`).
 *
 *   v1.<tenantId>.<memberId>.<expiry, seconds since 1970, base 36>.<nonce>.<signature>
 */

export const BOARD_LINK_PURPOSE = 'board';
/** Long enough for a Slack Home tab or a Teams card that stays open; each rendering mints a new link. */
export const SIGN_IN_LINK_TTL_HOURS = 12;
export const SIGN_IN_LINK_TTL_MS = SIGN_IN_LINK_TTL_HOURS * 60 * 60 * 1000;

const VERSION = 'v1';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PURPOSE = /^[a-z][a-z0-9-]{0,31}$/;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const EXPIRY = /^[0-9a-z]{1,11}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
/** Longer than any token we make: anything bigger is refused before it is looked at. */
export const MAX_TOKEN_LENGTH = 256;

export interface SignInClaims {
  tenantId: string;
  memberId: string;
  expiresAt: Date;
  nonce: string;
}

export type VerifyResult =
  | { ok: true; claims: SignInClaims }
  /** `malformed` and `bad_signature` say nothing we can trust; `expired` was made by us for these ids. */
  | { ok: false; reason: 'malformed' | 'bad_signature' }
  | { ok: false; reason: 'expired'; claims: SignInClaims };

function keyFor(secret: string, purpose: string): Buffer {
  if (!PURPOSE.test(purpose)) throw new Error('bad sign-in link purpose');
  return createHmac('sha256', secret).update(`stemmen-sign-in-link-key\u001f${purpose}`).digest();
}

function signature(secret: string, purpose: string, fields: string[]): string {
  return createHmac('sha256', keyFor(secret, purpose)).update([VERSION, purpose, ...fields].join('\u001f')).digest('base64url');
}

export function mintSignInToken(input: {
  secret: string;
  purpose: string;
  tenantId: string;
  memberId: string;
  now: Date;
  ttlMs?: number;
  /** Only for tests; a random 128-bit nonce otherwise. */
  nonce?: string;
}): string {
  if (!ID.test(input.tenantId) || !ID.test(input.memberId)) throw new Error('bad id for a sign-in link');
  const ttl = input.ttlMs ?? SIGN_IN_LINK_TTL_MS;
  const expiry = Math.floor((input.now.getTime() + ttl) / 1000).toString(36);
  const nonce = input.nonce ?? randomBytes(16).toString('base64url');
  if (!NONCE.test(nonce)) throw new Error('bad nonce for a sign-in link');
  const fields = [input.tenantId, input.memberId, expiry, nonce];
  return [VERSION, ...fields, signature(input.secret, input.purpose, fields)].join('.');
}

/** Checks shape, then the signature (in constant time), then the expiry. Never throws on bad input. */
export function verifySignInToken(secret: string, purpose: string, token: unknown, now: Date): VerifyResult {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 6) return { ok: false, reason: 'malformed' };
  const [version, tenantId, memberId, expiry, nonce, given] = parts as [string, string, string, string, string, string];
  if (version !== VERSION || !ID.test(tenantId) || !ID.test(memberId) || !EXPIRY.test(expiry) || !NONCE.test(nonce) || !SIGNATURE.test(given)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(signature(secret, purpose, [tenantId, memberId, expiry, nonce]), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad_signature' };
  const claims = { tenantId, memberId, expiresAt: new Date(parseInt(expiry, 36) * 1000), nonce };
  if (claims.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** The key under which a link's single use is recorded (`claimDelivery`). */
export function linkUseKey(purpose: string, nonce: string): string {
  return `${purpose}-link:${nonce}`;
}

/** Who a link is for: a member of a zone (an `Actor` will do). */
export interface LinkSubject {
  tenantId: string;
  memberId: string;
}

/**
 * Makes a board sign-in link for one member, at the moment a chat surface is rendered:
 * `<publicUrl>/auth/link?t=<token>`. Chat channels receive this function instead of a bare board URL.
 */
export function boardLinkMaker(input: { secret: string; publicUrl: string; clock: { now(): Date }; ttlMs?: number }): (who: LinkSubject) => string {
  const base = input.publicUrl.replace(/\/+$/, '');
  return (who) => {
    const token = mintSignInToken({ secret: input.secret, purpose: BOARD_LINK_PURPOSE, tenantId: who.tenantId, memberId: who.memberId, now: input.clock.now(), ...(input.ttlMs ? { ttlMs: input.ttlMs } : {}) });
    return `${base}/auth/link?t=${token}`;
  };
}
