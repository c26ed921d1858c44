import { createHmac } from 'node:crypto';
import { DomainError } from './errors.js';
import type { Clock, Repositories, Store } from './ports.js';
import type { Actor, AuditInput, PrivacyPolicy, Role } from './types.js';
import type { ContentTranslator, Synthesizer } from './synthesis.js';

/** What every use case gets: storage, a clock, the server secret and the synthesis engine. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  /** Server-side secret (never stored in the database) that keys anonymous links. */
  secret: string;
  synthesizer: Synthesizer;
  /** Drafts translations of the panel's content; absent when no language model is configured. */
  translator?: ContentTranslator;
  /**
   * Votes on one poll that arrive together are stored in one transaction (ballot-box.ts); false stores each
   * vote in its own, as the benchmark's baseline does. On unless set to false.
   */
  batchBallots?: boolean;
  /** Retention and consent deadlines (config); DEFAULT_PRIVACY_POLICY when absent. */

  privacy?: PrivacyPolicy;
}

/**
 * A bare role list. Use cases call `enforce(actor, action)` from policy.ts instead, so that channels can ask
 * the same rule with `can`; this stays for code that has no named action yet.
 */
export function authorize(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new DomainError('forbidden');
}

/** Tenant isolation: an object from another tenant or panel is reported as not found. */
export function sameTenant<T extends { tenantId: string; panelId?: string }>(
  actor: Actor,
  object: T | null,
): T {
  if (!object || object.tenantId !== actor.tenantId) throw new DomainError('not_found');
  if (object.panelId !== undefined && object.panelId !== actor.panelId) throw new DomainError('not_found');
  return object;
}

export function keyed(secret: string, purpose: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update([purpose, ...parts].join('\u001f')).digest('base64url');
}

export const voterKey = (secret: string, pollId: string, memberId: string) => keyed(secret, 'ballot', pollId, memberId);
export const authorKey = (secret: string, contributionId: string, memberId: string) =>
  keyed(secret, 'author', contributionId, memberId);

export async function audit(
  repos: Repositories,
  actor: Actor | null,
  action: string,
  objectType: string,
  objectId: string,
  details?: AuditInput['details'],
  tenantId?: string,
): Promise<void> {
  await repos.audit.append({
    tenantId: tenantId ?? actor?.tenantId ?? '',
    actorId: actor?.memberId ?? null,
    action,
    objectType,
    objectId,
    details: details ?? {},
  });
}
