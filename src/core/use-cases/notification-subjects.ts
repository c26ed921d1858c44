import type { Repositories } from '../ports.js';
import type { NotificationRecord } from '../types.js';

const id = (n: NotificationRecord, key: string): string => String(n.payload[key] ?? '');

/**
 * Whether what a notification is about still exists in the member's zone: its poll, question of the month,
 * consent request, summary version or action-plan item. One that is gone (erased, removed) is news about
 * nothing: the web home leaves it out, as the delivering channels settle it (outbox.ts) rather than send it.
 * Kinds that are about no single object (reminders, support) always have their subject.
 */
export async function subjectExists(repos: Repositories, n: NotificationRecord): Promise<boolean> {
  const inZone = (found: { tenantId: string } | null) => found !== null && found.tenantId === n.tenantId;
  switch (n.kind) {
    case 'poll_opened':
      return inZone(await repos.polls.findById(id(n, 'pollId')));
    case 'round_opened':
      return inZone(await repos.rounds.findById(id(n, 'roundId')));
    case 'consent_requested':
      return inZone(await repos.consent.findRequest(id(n, 'requestId')));
    case 'input_outcome':
    case 'item_status_changed':
      return inZone(await repos.backlog.findById(id(n, 'itemId')));
    case 'summary_published':
    case 'summary_changed':
    case 'change_requested':
      return !n.payload.versionId || (await repos.summaries.findVersion(id(n, 'versionId'))) !== null;
    default:
      return true;
  }
}
