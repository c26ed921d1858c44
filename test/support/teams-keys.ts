import { createSign, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';

/** A locally made RSA key set standing in for Microsoft's token signing keys. */
export interface KeySet {
  kid: string;
  privateKey: KeyObject;
  jwks: { keys: JsonWebKey[] };
}

export function makeKeySet(): KeySet {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return { kid, privateKey, jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] } };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JSON Web Token, as Bot Service would send in `Authorization: Bearer ...`. */
export function signToken(keys: Pick<KeySet, 'kid' | 'privateKey'>, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid: keys.kid })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(head).sign(keys.privateKey).toString('base64url');
  return `${head}.${signature}`;
}
