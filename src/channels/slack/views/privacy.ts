// The privacy text an expert reads and accepts before their first vote or contribution. The text and
// its version come from the core; this only shows it and passes back the version that was shown.
import type { types } from '@slack/bolt';
import type { PrivacyNotice } from '../../../core/index.js';
import { context, divider, header, modal, section, type Block } from '../blocks.js';
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

export function privacyModal(tr: Tr, notice: PrivacyNotice, next: PrivacyNext = {}): types.ModalView {
  const blocks: Block[] = [
    header(notice.title),
    // The short version first; the full text follows, below a divider.
    section(md(notice.short)),
    divider(),
    context(md(tr('privacy:page.fullText'))),
    ...notice.paragraphs.map((p) => section(md(p))),
    context(md(tr('privacy:page.version', { version: notice.version }))),
    context(md(tr('privacy.free'))),
  ];
  return modal('participation', tr('privacy.title'), blocks, {
    submit: tr('privacy.accept'),
    close: tr('privacy.notNow'),
    metadata: { v: notice.version, ...next },
  });
}

export function privacyDone(tr: Tr): Block[] {
  return [section(md(tr('privacy.thanks')))];
}
