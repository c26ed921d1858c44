// The ids that tie what Stemmen draws in Slack to the listener that handles it: a button's action_id and a
// modal's callback_id. Views and listeners take these types, so a button drawn with an id nobody listens
// to, or a listener for an id nothing draws, does not compile; test/unit/slack-ids.test.ts checks that
// every id has exactly one listener.

/** Buttons and menus (block_actions). */
export const ACTION_IDS = [
  'board_link',
  'capture_decline',
  'capture_review',
  'change_handled',
  'consent_approve',
  'consent_approve_anonymous',
  'consent_change',
  'consent_open',
  'consent_page',
  'consent_read',
  'consent_withdraw',
  'contribution_edit',
  'contribution_open',
  'poll_choice',
  'poll_close',
  'poll_new',
  'poll_open',
  'poll_submit',
  'privacy_open',
  'privacy_full',
  'remind',
  'round_close',
  'round_new',
  'summary_draft',
  'summary_publish',
  'support_request',
  'withdraw_all',
  'withdraw_open',
  'withdraw_participation',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Modals (view_submission); some only show something and are never submitted. */
export const VIEW_IDS = [
  'consent_change',
  'consent_done',
  'consent_review',
  'contribution',
  'done',
  'home',
  'notice',
  'participation',
  'poll_create',
  'poll_vote',
  'privacy_full',
  'round_open',
  'withdraw',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Views that only show something (the Home tab, modals closed without submitting), so no listener. */
export const DISPLAY_ONLY_VIEWS: readonly ViewId[] = ['consent_done', 'consent_review', 'done', 'home', 'notice', 'privacy_full'];
