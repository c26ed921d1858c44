// Content in the reader's language where a translation exists, with the same marks as the web channel
// ("translation", "original, in Dutch", a model's unchecked draft for staff), from the same catalog keys.
// Person-written text stays in TextRuns (see elements.ts); the mark is our own catalog text.
import type { LocalizedText, StatementTranslation } from '../../../core/index.js';
import { clean, type CardElement } from './elements.js';
import type { View } from './view.js';

type Style = { weight?: 'bolder'; subtle?: boolean; italic?: boolean };
const run = (text: string, style: Style = {}): CardElement => {
  const { subtle, ...rest } = style;
  return { type: 'TextRun', text: clean(text), ...rest, ...(subtle ? { isSubtle: true } : {}) };
};

/** The mark that goes with a text, or null for text in the reader's language as written. */
export function markOf(view: View, l: LocalizedText): string | null {
  switch (l.kind) {
    case 'original':
      return null;
    case 'translated':
      return view.t('translate:translated');
    case 'draft':
      return view.t('translate:draft');
    case 'untranslated':
      return view.t('translate:original', { language: view.t(`common:language.${l.lang}`) });
  }
}

/** A paragraph with the text and, after it, its mark (subtle). `label` goes first, in bold. */
export function localized(view: View, l: LocalizedText, opts: { style?: Style; label?: string; mark?: boolean } = {}): CardElement {
  const mark = opts.mark === false ? null : markOf(view, l);
  const inlines = [...(opts.label ? [run(`${opts.label} `, { weight: 'bolder' })] : []), run(l.text, opts.style), ...(mark ? [run(` (${mark})`, { subtle: true })] : [])];
  return { type: 'RichTextBlock', inlines };
}

/** A statement of a summary: the original, and under it the reader's translation after its mark. */
export function statement(view: View, original: { theme: string | null; text: string }, translation: StatementTranslation | undefined): CardElement[] {
  const items: CardElement[] = [{ type: 'RichTextBlock', inlines: [...(original.theme ? [run(`${original.theme}: `, { weight: 'bolder' })] : []), run(original.text)] }];
  if (translation) {
    const label = view.t(translation.draft ? 'translate:draft' : 'translate:translated');
    items.push({ type: 'RichTextBlock', inlines: [run(`${label}: `, { subtle: true, weight: 'bolder' }), run(`${translation.theme ? `${translation.theme}: ` : ''}${translation.text}`)] });
  }
  return items;
}

