// A notification as every channel shows it: a title, one sentence, and a link to the thing it is about,
// in the member's language. Each renderer turns `target` into its own kind of link (a web path, a Slack
// button to the Home tab or the board pages, a Teams card action).
import { BACKLOG_STATUSES, type Language, type NotificationKind, type NotificationRecord } from '../core/index.js';
import { t } from '../i18n/index.js';

/** What the notification is about: the renderer decides how to reach it on its platform. */
export type NotificationTarget =
  | { kind: 'poll'; pollId: string }
  | { kind: 'round'; roundId: string }
  | { kind: 'consent'; requestId: string }
  | { kind: 'outcomes'; itemId: string }
  | { kind: 'summary'; summaryId: string; versionId: string }
  | { kind: 'support' }
  | { kind: 'home' };

export interface NotificationView {
  kind: NotificationKind;
  title: string;
  text: string;
  /** The words on the link or button that leads to `target`. */
  linkLabel: string;
  target: NotificationTarget;
}

const id = (n: NotificationRecord, key: string): string => String(n.payload[key] ?? '');

export function notificationTarget(n: NotificationRecord): NotificationTarget {
  switch (n.kind) {
    case 'poll_opened':
      return { kind: 'poll', pollId: id(n, 'pollId') };
    case 'round_opened':
      return { kind: 'round', roundId: id(n, 'roundId') };
    case 'consent_requested':
      return { kind: 'consent', requestId: id(n, 'requestId') };
    case 'input_outcome':
    case 'item_status_changed':
      return { kind: 'outcomes', itemId: id(n, 'itemId') };
    case 'summary_published':
    case 'summary_changed':
    case 'change_requested':
      return { kind: 'summary', summaryId: id(n, 'summaryId'), versionId: id(n, 'versionId') };
    case 'support_requested':
      return { kind: 'support' };
    default:
      return { kind: 'home' };
  }
}

/** The sentence of a notification; a status change names the new status in the reader's words. */
export function notificationText(language: Language, n: NotificationRecord): string {
  if (n.kind !== 'item_status_changed') return t(language, `common:notification.${n.kind}`);
  const code = n.payload.status;
  const status = typeof code === 'string' && (BACKLOG_STATUSES as readonly string[]).includes(code) ? t(language, `common:backlogStatus.${code}`) : '…';
  return t(language, 'common:notification.item_status_changed', { status });
}

export function notificationView(language: Language, n: NotificationRecord): NotificationView {
  return {
    kind: n.kind,
    title: t(language, `common:notificationTitle.${n.kind}`),
    text: notificationText(language, n),
    linkLabel: t(language, `common:notificationLink.${n.kind}`),
    target: notificationTarget(n),
  };
}
