import type { LocalizedText } from '../../core/index.js';
import { html, type Html } from '../html.js';
import type { Ctx } from '../pages.js';

/**
 * Content in the reader's language where a translation exists, else the original, marked; always with its
 * own `lang` attribute so that screen readers use the right voice.
 */
export function localizedText(ctx: Ctx, l: LocalizedText, opts: { mark?: boolean } = {}): Html {
  const text = html`<span lang="${l.lang}">${l.text}</span>`;
  // Poll options are not marked one by one: the question above them says what they are in.
  if (opts.mark === false) return text;
  switch (l.kind) {
    case 'original':
      return text;
    case 'translated':
      return html`${text} <span class="muted">(${ctx.t('translate:translated')})</span>`;
    case 'draft':
      return html`${text} <span class="muted">(${ctx.t('translate:draft')})</span>`;
    case 'untranslated':
      return html`${text} <span class="muted">(${ctx.t('translate:original', { language: ctx.t(`common:language.${l.lang}`) })})</span>`;
  }
}
