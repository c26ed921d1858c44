import { describe, expect, it } from 'vitest';
import { sessionValue } from '../../src/web-ui/session.js';
import {
  BOARD_LINK_PURPOSE,
  boardLinkMaker,
  linkUseKey,
  mintSignInToken,
  SIGN_IN_LINK_TTL_MS,
  verifySignInToken,
} from '../../src/web-ui/sign-in-link.js';

const secret = 'unit-secret-that-is-long-enough-0123456789';
const now = new Date('2025-03-10T09:00:00Z');
const ids = { tenantId: 'cm7tenant0000abc', memberId: 'cm7member0000xyz' };
const mint = (over: Partial<Parameters<typeof mintSignInToken>[0]> = {}) => mintSignInToken({ secret, purpose: BOARD_LINK_PURPOSE, ...ids, now, ...over });
const later = (ms: number) => new Date(now.getTime() + ms);

/** The same token with the first character of part `index` changed (to another character that part allows). */
function tamper(token: string, index: number): string {
  const parts = token.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'a' ? 'b' : 'a') + part.slice(1);
  return parts.join('.');
}

describe('sign-in link tokens', () => {
  it('carry the member, the zone, an expiry and a random nonce, and verify until they expire', () => {
    const token = mint();
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/); // URL-safe as it is
    expect(token.length).toBeLessThan(200);
    const result = verifySignInToken(secret, BOARD_LINK_PURPOSE, token, later(SIGN_IN_LINK_TTL_MS - 1000));
    expect(result).toMatchObject({ ok: true, claims: { ...ids } });
    if (!result.ok) throw new Error('unreachable');
    expect(result.claims.expiresAt.getTime()).toBe(now.getTime() + SIGN_IN_LINK_TTL_MS);
    expect(result.claims.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(mint()).not.toBe(token); // a new nonce every time
    expect(SIGN_IN_LINK_TTL_MS).toBe(12 * 3600 * 1000);
  });

  it('are refused once expired, saying for whom (made by us) so the page can use their language', () => {
    const token = mint();
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, token, later(SIGN_IN_LINK_TTL_MS))).toMatchObject({ ok: false, reason: 'expired', claims: ids });
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, mint({ ttlMs: 60_000 }), later(61_000))).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, mint({ ttlMs: 60_000 }), later(59_000)).ok).toBe(true);
  });

  it('are refused when any part was changed', () => {
    const token = mint();
    for (let index = 1; index <= 5; index += 1) {
      expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, tamper(token, index), now)).toEqual({ ok: false, reason: 'bad_signature' });
    }
    // A later expiry written in by hand does not verify either.
    const parts = token.split('.');
    parts[3] = Math.floor(later(7 * 24 * 3600 * 1000).getTime() / 1000).toString(36);
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, parts.join('.'), now)).toEqual({ ok: false, reason: 'bad_signature' });
    // Someone else's member id with this signature.
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, token.replace(ids.memberId, 'cm7member0000abc'), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('are refused under another secret', () => {
    expect(verifySignInToken('another-secret-that-is-long-enough-987654', BOARD_LINK_PURPOSE, mint(), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('made for one purpose never verify for another, nor does any other value this server signs', () => {
    expect(verifySignInToken(secret, 'other', mint(), now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, mint({ purpose: 'other' }), now)).toEqual({ ok: false, reason: 'bad_signature' });
    // The session cookie is an HMAC of the same ids under the same secret: not a sign-in token.
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, sessionValue(secret, ids.tenantId, ids.memberId, 'session1', now), now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse anything malformed without throwing', () => {
    const token = mint();
    const bad: unknown[] = [undefined, null, 42, ['x'], '', 'v1', token.replace(/^v1/, 'v2'), `${token}.x`, token.split('.').slice(0, 5).join('.'), `${token}=`, 'v1.a.b.c.d.e', 'x'.repeat(5000), token.replace(ids.tenantId, 'bad/id')];
    for (const value of bad) expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, value, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => mint({ memberId: 'not an id' })).toThrow();
    expect(() => mint({ purpose: 'Not A Purpose' })).toThrow();
  });

  it('are used once under a key per purpose and nonce', () => {
    expect(linkUseKey(BOARD_LINK_PURPOSE, 'abc')).toBe('board-link:abc');
  });

  it('become board links at the public address, one per rendering', () => {
    const make = boardLinkMaker({ secret, publicUrl: 'https://stemmen.example.org/', clock: { now: () => now } });
    const link = make(ids);
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://stemmen.example.org/auth/link');
    expect(verifySignInToken(secret, BOARD_LINK_PURPOSE, url.searchParams.get('t'), now)).toMatchObject({ ok: true, claims: ids });
    expect(make(ids)).not.toBe(link);
  });
});
