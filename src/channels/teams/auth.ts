import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { TeamsConfig } from '../../config.js';

const CONNECTION = 'serviceConnection';

/** A certificate given as one PEM file holding both the certificate and its private key. */
function certificateSettings(teams: TeamsConfig): Partial<AuthConfiguration> {
  const file = teams.certKeyFile;
  if (!file) throw new Error('MICROSOFT_APP_CERT_KEY_FILE: set it to a PEM file with the certificate and its private key (a thumbprint alone is not enough)');
  const pem = readFileSync(file);
  if (!pem.includes('CERTIFICATE-----')) throw new Error('MICROSOFT_APP_CERT_KEY_FILE: the PEM file must hold the certificate as well as its private key');
  if (teams.certThumbprint) {
    const actual = new X509Certificate(pem).fingerprint.replaceAll(':', '').toUpperCase();
    if (actual !== teams.certThumbprint.replaceAll(':', '').toUpperCase()) throw new Error('MICROSOFT_APP_CERT_THUMBPRINT: does not match the certificate in MICROSOFT_APP_CERT_KEY_FILE');
  }
  return { authType: AuthType.Certificate, certPemFile: file, certKeyFile: file };
}

function credentials(teams: TeamsConfig): Partial<AuthConfiguration> {
  if (teams.appType === 'UserAssignedMSI') return { authType: AuthType.UserManagedIdentity };
  if (teams.appPassword) return { authType: AuthType.ClientSecret, clientSecret: teams.appPassword };
  return certificateSettings(teams);
}

/**
 * The SDK's authentication settings, built from our Config only (never from the SDK's own environment
 * variables). Issuer checking is switched on: without it a token signed by Microsoft for another app's
 * tenant would pass. In local mode there is no client id, and the SDK lets unsigned requests through
 * (it refuses to when NODE_ENV=production, and so does our config).
 */
export function authConfiguration(teams: TeamsConfig): AuthConfiguration {
  const connection: AuthConfiguration = teams.local
    ? {}
    : {
        clientId: teams.appId ?? undefined,
        // A multi-tenant bot gets its tokens from the Bot Framework tenant; its own tenant id must not be used.
        tenantId: teams.appType === 'MultiTenant' ? undefined : (teams.tenantId ?? undefined),
        ...(teams.authority ? { authorityEndpoint: teams.authority } : {}),
        validateIssuer: true,
        ...credentials(teams),
      };
  return { ...connection, connections: new Map([[CONNECTION, connection]]), connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }] };
}

/** Local mode answers whatever `serviceUrl` an unsigned request names: only this machine is allowed. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost') return true;
    return isIP(host) === 4 ? host.startsWith('127.') : host === '::1';
  } catch {
    return false;
  }
}
