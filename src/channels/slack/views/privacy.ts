// The privacy text an expert reads and accepts before their first vote or contribution. The text and
// its version come from the core; this only shows it and passes back the version that was shown.
import type { types } from '@slack/bolt';
import type { PrivacyNotice } from '../../../core/index.js';
import { actions, button, context, divider, header, modal, section, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { md } from '../text.js';

/** What to open once the member agreed (the form they were on their way to). */
export interface PrivacyNext {
  /** "contribution" reopens the contribution form, with these ids. */
  k?: 'contribution';
  r?: string;
  c?: string;
  /** Text of a Slack message its author is about to save (kept only while the modal is open). */
  p?: string;
}

/** Opens the full privacy text on top of the short one (drawn here, handled in listeners/privacy.ts). */
export const PRIVACY_FULL = 'privacy_full';

/**
 * The short version, in plain words, with the full text one button away (as on the web), so that a member
 * who reads with difficulty is not met with the whole legal text at once.
 */
export function privacyModal(tr: Tr, notice: PrivacyNotice, next: PrivacyNext = {}): types.ModalView {
  const blocks: Block[] = [
    header(notice.title),
    section(md(notice.short)),
    actions([button(tr('privacy:page.fullText'), PRIVACY_FULL, notice.version)]),
    context(md(tr('privacy:page.version', { version: notice.version }))),
    context(md(tr('privacy.free'))),
  ];
  return modal('participation', tr('privacy.title'), blocks, {
    submit: tr('privacy.accept'),
    close: tr('privacy.notNow'),
    metadata: { v: notice.version, ...next, l: tr.lang },
  });
}

/** The full text, pushed on top of the short one; "Back" returns to it (and to its "I agree"). */
export function privacyFullModal(tr: Tr, notice: PrivacyNotice): types.ModalView {
  const blocks: Block[] = [
    header(notice.title),
    ...notice.paragraphs.map((p) => section(md(p))),
    divider(),
    context(md(tr('privacy:page.version', { version: notice.version }))),
  ];
  return modal('privacy_full', tr('privacy.title'), blocks, { close: tr('common.back') });
}

/** Thanks; on top of a form the member was filling in, where to go on. */
export function privacyDone(tr: Tr, onTopOfForm = false): Block[] {
  return [section(md(tr('privacy.thanks'))), ...(onTopOfForm ? [section(md(tr('privacy.backToForm')))] : [])];
}
