import { makeWebSessionRepository } from './repositories/sessions.js';
import type { Repositories, Store } from '../core/ports.js';
import type { Db } from './client.js';
import { makeAuditRepository } from './repositories/audit.js';
import { makeBacklogRepository } from './repositories/backlog.js';
import { makeBacklogHistoryRepository } from './repositories/backlog-history.js';
import { makeTranslationRepository } from './repositories/translations.js';
import { makeConsentRepository } from './repositories/consent.js';
import { makeContributionRepository } from './repositories/contributions.js';
import { makeDeliveryRepository } from './repositories/deliveries.js';
import { makeMeetingRepository } from './repositories/meetings.js';
import { makeMemberRepository } from './repositories/members.js';
import { makeNotificationRepository } from './repositories/notifications.js';
import { makePanelRepository } from './repositories/panels.js';
import { makePollRepository } from './repositories/polls.js';
import { makeRoundRepository } from './repositories/rounds.js';
import type { Tx } from './repositories/shared.js';
import { makeSummaryRepository } from './repositories/summaries.js';
import { makeTenantRepository } from './repositories/tenants.js';
import { makeSupportRepository } from './repositories/support.js';
import { makeLlmExchangeRepository } from './repositories/llm-exchanges.js';
import { makeOutboundMessageRepository } from './repositories/outbound.js';
import { makeErasureRepository } from './repositories/erasure.js';

export type { Tx } from './repositories/shared.js';

export function makeRepositories(tx: Tx): Repositories {
  return {
    tenants: makeTenantRepository(tx),
    panels: makePanelRepository(tx),
    members: makeMemberRepository(tx),
    meetings: makeMeetingRepository(tx),
    polls: makePollRepository(tx),
    rounds: makeRoundRepository(tx),
    contributions: makeContributionRepository(tx),
    summaries: makeSummaryRepository(tx),
    consent: makeConsentRepository(tx),
    backlog: makeBacklogRepository(tx),
    backlogHistory: makeBacklogHistoryRepository(tx),
    translations: makeTranslationRepository(tx),
    notifications: makeNotificationRepository(tx),
    audit: makeAuditRepository(tx),
    deliveries: makeDeliveryRepository(tx),
    support: makeSupportRepository(tx),
    llmExchanges: makeLlmExchangeRepository(tx),
    outbound: makeOutboundMessageRepository(tx),
    erasure: makeErasureRepository(tx),
    sessions: makeWebSessionRepository(tx),
  };
}

/** How many times a whole unit of work is run again after a retryable conflict. */
export const MAX_RETRIES = 5;

const RETRYABLE_PRISMA_CODES = new Set(['P2002', 'P2034']);
const RETRYABLE_DRIVER_KINDS = new Set(['UniqueConstraintViolation', 'TransactionWriteConflict']);
const RETRYABLE_DB_CODES = new Set(['23505', '40001', '40P01']);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function isRetryableDbCode(code: unknown): boolean {
  return typeof code === 'string' && (RETRYABLE_DB_CODES.has(code) || code.startsWith('SQLITE_BUSY'));
}

/**
 * True for a conflict that a fresh run of the same unit may not meet again: a unique violation from a
 * concurrent insert (P2002), a write conflict, serialization failure or deadlock (P2034, PostgreSQL
 * 40001 / 40P01) and a busy SQLite database. Looks through Prisma's wrapping (`meta.driverAdapterError`,
 * as raw queries report P2010) and through `cause` chains. Anything else, for example an error the core
 * throws, is not retried.
 */
export function isRetryableConflict(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const code = field(err, 'code');
  if (typeof code === 'string' && (RETRYABLE_PRISMA_CODES.has(code) || isRetryableDbCode(code))) return true;
  const adapterError = field(field(err, 'meta'), 'driverAdapterError');
  const cause = field(err, 'cause');
  for (const candidate of [field(adapterError, 'cause'), cause]) {
    if (RETRYABLE_DRIVER_KINDS.has(String(field(candidate, 'kind')))) return true;
    if (isRetryableDbCode(field(candidate, 'originalCode'))) return true;
  }
  return isRetryableConflict(adapterError, depth + 1) || isRetryableConflict(cause, depth + 1);
}

/** Jittered exponential back-off: about 10, 20, 40, 80, 160 ms. */
function backoffMs(attempt: number): number {
  const base = 10 * 2 ** attempt;
  return base / 2 + Math.random() * base;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPrismaStore(db: Db): Store & { close(): Promise<void> } {
  return {
    // The client itself has the transaction client's model API; on SQLite its statements still wait for the
    // file's lock (client.ts), so a read never lands inside another unit's open transaction.
    read: <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => work(makeRepositories(db as unknown as Tx)),
    async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          // No isolation level: SQLite only knows Serializable, PostgreSQL defaults to ReadCommitted.
          return await db.$transaction(async (tx) => work(makeRepositories(tx)), {
            maxWait: 10_000,
            timeout: 30_000,
          });
        } catch (err) {
          if (attempt >= MAX_RETRIES || !isRetryableConflict(err)) throw err;
          await sleep(backoffMs(attempt));
        }
      }
    },
    async close() {
      await db.$disconnect();
    },
  };
}
