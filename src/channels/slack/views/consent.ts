import type { types } from '@slack/bolt';
import { quotedCitations, unquotedCount, type ConsentDecision, type ConsentReview, type StatementRecord } from '../../../core/index.js';
import { actions, button, context, header, input, modal, section, textInput, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { escapeText, md, splitEscaped } from '../text.js';

/** Text that is already escaped, shown as plain text (no mrkdwn: the words appear exactly as written). */
const plainEscaped = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: text || ' ', emoji: false });

/** One statement with its text and every quote (with its translation, if any), the member's own quotes marked. */
function statementBlocks(tr: Tr, s: StatementRecord, index: number, mine: ReadonlySet<string>): Block[] {
  const title = `*${tr('consent.statement', { number: index + 1 })}*${s.theme ? ` · ${escapeText(s.theme)}` : ''}`;
  const blocks: Block[] = [section(md(title)), ...splitEscaped(s.text).map((piece) => section(plainEscaped(piece)))];
  if (unquotedCount(s) > 0) blocks.push(context(md(tr('common:unquoted', { count: unquotedCount(s) }))));
  for (const c of quotedCitations(s)) {
    const own = c.contributionId !== null && mine.has(c.contributionId);
    const pieces = splitEscaped(c.quote, 2800);
    pieces.forEach((piece, i) => {
      const open = i === 0 ? '“' : '';
      const close = i === pieces.length - 1 ? '”' : '';
      blocks.push(section(plainEscaped(`${open}${piece}${close}`)));
    });
    // The synthesis's translation, under the quote and marked as one: never shown as the quote itself.
    if (c.translation) {
      blocks.push(context(md(`_${tr('consent.translation')}_`)));
      for (const piece of splitEscaped(c.translation, 2800)) blocks.push(section(plainEscaped(piece)));
    }
    const shownAs = c.attributedName ? tr('consent.shownAs', { name: escapeText(c.attributedName) }) : tr('consent.shownAnonymous');
    blocks.push(context(md(own ? `*${tr('consent.yourWords')}* · ${shownAs}` : shownAs)));
  }
  return blocks;
}

/** Splits statements over pages of at most `budget` blocks; a statement is never split over pages. */
export function pageStatements(tr: Tr, statements: StatementRecord[], mine: ReadonlySet<string>, budget: number): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  statements.forEach((s, i) => {
    let blocks = statementBlocks(tr, s, i, mine);
    if (blocks.length > budget) blocks = [...blocks.slice(0, budget - 1), context(md(tr('consent.statementCut')))];
    if (page.length + blocks.length > budget) {
      pages.push(page);
      page = [];
    }
    page.push(...blocks);
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

function decisionButtons(tr: Tr, requestId: string): Block {
  return actions(
    [
      button(tr('consent.approve'), 'consent_approve', requestId, { style: 'primary' }),
      button(tr('consent.approveAnonymous'), 'consent_approve_anonymous', requestId),
      button(tr('consent.requestChange'), 'consent_change', requestId),
      button(tr('consent.withdraw'), 'consent_withdraw', requestId, {
        style: 'danger',
        confirm: {
          title: tr('common:confirm.withdraw_consent.title'),
          text: `${tr('common:confirm.withdraw_consent.body')} ${tr('common:confirm.noUndo')}`,
          confirm: tr('common:confirm.withdraw_consent.yes'),
          deny: tr('common:confirm.cancel'),
        },
      }),
    ],
    `consent:${requestId}`,
  );
}

/**
 * The consent request as a DM: the statements that quote this member (exactly as the board would see
 * them), how they are used, and four answers. Statements without their words are one button away.
 */
export function consentMessage(tr: Tr, review: ConsentReview): { text: string; blocks: Block[] } {
  const mine = new Set(review.myContributionIds);
  const indexed = review.version.statements.map((s, i) => ({ s, i }));
  const own = indexed.filter(({ s }) => s.citations.some((c) => c.contributionId !== null && mine.has(c.contributionId)));
  const intro: Block[] = [
    header(tr('consent.title')),
    section(md(tr('privacy:consentShort'))),
    section(md(tr('consent.intro', { number: review.version.number }))),
    context(md(tr('consent.free'))),
  ];
  const outro: Block[] = [context(md(tr('consent.howUsed'))), decisionButtons(tr, review.request.id)];
  const budget = 50 - intro.length - outro.length - 1;
  const body: Block[] = [];
  let shown = 0;
  for (const { s, i } of own) {
    const blocks = statementBlocks(tr, s, i, mine);
    if (body.length + blocks.length > budget) break;
    body.push(...blocks);
    shown += 1;
  }
  const hidden = review.version.statements.length - shown;
  const more: Block[] =
    hidden > 0 || shown === 0
      ? [section(md(tr('consent.more', { count: hidden })), button(tr('consent.readAll'), 'consent_read', review.request.id))]
      : [];
  return { text: tr('consent.fallback'), blocks: [...intro, ...body, ...more, ...outro] };
}

/** The whole version, page by page, with the same four answers (opened from the DM or the Home tab). */
export function consentModal(tr: Tr, review: ConsentReview, page: number): types.ModalView {
  const mine = new Set(review.myContributionIds);
  const pages = pageStatements(tr, review.version.statements, mine, 100 - 8);
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const nav: types.Button[] = [];
  if (current > 0) nav.push(button(tr('common.previous'), 'consent_page', `${review.request.id}:${current - 1}`));
  if (current < pages.length - 1) nav.push(button(tr('common.next'), 'consent_page', `${review.request.id}:${current + 1}`));
  const blocks: Block[] = [
    section(md(tr('consent.intro', { number: review.version.number }))),
    context(md(tr('consent.page', { page: current + 1, pages: pages.length }))),
    ...(pages[current] ?? []),
    ...(nav.length ? [actions(nav)] : []),
    context(md(tr('consent.howUsed'))),
    decisionButtons(tr, review.request.id),
  ];
  return modal('consent_review', tr('consent.modalTitle'), blocks, { close: tr('common.close'), metadata: { q: review.request.id } });
}

/** What the DM (or modal) shows once the member answered. */
export function consentDoneBlocks(tr: Tr, decision: ConsentDecision): Block[] {
  return [header(tr('consent.title')), section(md(tr(`consent.done.${decision}`))), context(md(tr('consent.afterwards')))];
}

/** "Ask for a change": what should change, in the member's words. */
export function changeModal(tr: Tr, meta: { q: string; c?: string; t?: string }): types.ModalView {
  return modal(
    'consent_change',
    tr('consent.changeTitle'),
    [
      section(md(tr('consent.changeIntro'))),
      input('comment', tr('consent.changeLabel'), textInput('comment', { multiline: true, max: 1000 }), { hint: tr('consent.changeHint') }),
    ],
    { submit: tr('consent.changeSubmit'), close: tr('common.cancel'), metadata: { ...meta, l: tr.lang } },
  );
}
