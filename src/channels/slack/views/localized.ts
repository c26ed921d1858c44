// Content in the reader's language where a translation exists, with the same marks as the web channel
// ("translation", "original, in Dutch", a model's unchecked draft for staff), from the same catalog keys.
import type { LocalizedText, StatementTranslation } from '../../../core/index.js';
import { context, section, type Block } from '../blocks.js';
import type { Tr } from '../i18n.js';
import { fitEscaped, md } from '../text.js';

/** The mark that goes with a text, or null for text in the reader's language as written. */
export function markOf(tr: Tr, l: LocalizedText): string | null {
  switch (l.kind) {
    case 'original':
      return null;
    case 'translated':
      return tr('translate:translated');
    case 'draft':
      return tr('translate:draft');
    case 'untranslated':
      return tr('translate:original', { language: tr(`common:language.${l.lang}`) });
  }
}

/** Member-written text, escaped and cut to fit, followed by its mark in italics (Slack mrkdwn). */
export function localizedMd(tr: Tr, l: LocalizedText, max = 2900, opts: { mark?: boolean } = {}): string {
  const mark = opts.mark === false ? null : markOf(tr, l);
  const text = fitEscaped(l.text, max - (mark ? mark.length + 5 : 0)).text;
  return mark ? `${text} _(${mark})_` : text;
}

/** A statement of a summary in another language: the original, and under it the reader's translation, marked. */
export function statementBlocks(tr: Tr, original: { theme: string | null; text: string }, translation: StatementTranslation | undefined): Block[] {
  const head = original.theme ? `*${fitEscaped(original.theme, 200).text}*\n` : '';
  const blocks: Block[] = [section(md(`${head}${fitEscaped(original.text, 2500).text}`))];
  if (translation) {
    const label = tr(translation.draft ? 'translate:draft' : 'translate:translated');
    const theme = translation.theme ? `${fitEscaped(translation.theme, 200).text}: ` : '';
    blocks.push(context(md(`_${label}:_ ${theme}${fitEscaped(translation.text, 2500).text}`)));
  }
  return blocks;
}
