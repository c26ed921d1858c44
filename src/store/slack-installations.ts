// Slack installations (OAuth, one per workspace), stored with their tokens sealed.
//
// The whole installation object that @slack/oauth hands over (bot token, user token, scopes, ids) is
// serialised as JSON and sealed with AES-256-GCM. The key is derived from the configured encryption key
// with HKDF, and the install key (team or enterprise id) is the additional authenticated data, so a
// sealed blob copied onto another row does not open. Nothing but ids is stored in clear text.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from './client.js';

const VERSION = 'v1';

function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'stemmen', 'slack-installation', 32));
}

export function sealJson(secret: string, aad: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openSealed(secret: string, aad: string, sealed: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as unknown;
}

export interface StoredSlackInstallation {
  installKey: string;
  tenantId: string;
  installation: unknown;
}

export interface SlackInstallationStore {
  save(installKey: string, tenantId: string, installation: unknown): Promise<void>;
  find(installKey: string): Promise<StoredSlackInstallation | null>;
  findByTenant(tenantId: string): Promise<StoredSlackInstallation | null>;
  remove(installKey: string): Promise<void>;
  tenantIds(): Promise<string[]>;
}

export function createSlackInstallationStore(db: Db, secret: string): SlackInstallationStore {
  const open = (row: { installKey: string; tenantId: string; sealed: string }): StoredSlackInstallation => ({
    installKey: row.installKey,
    tenantId: row.tenantId,
    installation: openSealed(secret, row.installKey, row.sealed),
  });
  return {
    async save(installKey, tenantId, installation) {
      const sealed = sealJson(secret, installKey, installation);
      await db.slackInstallation.upsert({
        where: { installKey },
        create: { installKey, tenantId, sealed },
        update: { tenantId, sealed },
      });
    },
    async find(installKey) {
      const row = await db.slackInstallation.findUnique({ where: { installKey } });
      return row ? open(row) : null;
    },
    async findByTenant(tenantId) {
      const row = await db.slackInstallation.findFirst({ where: { tenantId }, orderBy: { updatedAt: 'desc' } });
      return row ? open(row) : null;
    },
    async remove(installKey) {
      await db.slackInstallation.deleteMany({ where: { installKey } });
    },
    async tenantIds() {
      const rows = await db.slackInstallation.findMany({ select: { tenantId: true } });
      return [...new Set(rows.map((r) => r.tenantId))];
    },
  };
}
