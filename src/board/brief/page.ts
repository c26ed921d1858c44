import type { Language } from '../../core/index.js';
import { html, type Html } from '../../web-ui/html.js';
import type { Block, BriefDocument } from './document.js';
import { barChart } from './svg.js';

/** `lang` on content written in a language other than the page's (screen readers switch voice). */
const langAttr = (lang: Language | null | undefined, page: Language): Html => (lang && lang !== page ? html` lang="${lang}"` : html``);

function block(b: Block, page: Language, chartNote: string): Html {
  switch (b.kind) {
    case 'heading': {
      const id = b.id ? html` id="brief-${b.id}"` : html``;
      return b.level === 2 ? html`<h2${id}${langAttr(b.lang, page)}>${b.text}</h2>` : html`<h3${id}${langAttr(b.lang, page)}>${b.text}</h3>`;
    }
    case 'para':
      return html`<p${b.muted ? html` class="muted"` : ''}${langAttr(b.lang, page)}>${b.text}</p>`;
    case 'quote':
      return html`<blockquote><p${langAttr(b.lang, page)}>“${b.text}”</p>${b.translation ? html`<span class="translation"><span class="label">${b.translationLabel}</span> <i>${b.translation}</i></span>` : ''}<footer>${b.by}</footer></blockquote>`;
    case 'table': {
      const table = html`<div class="table-wrap"><table><caption>${b.caption}</caption>
        <thead><tr>${b.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${b.rows.map((r) => html`<tr>${r.map((cell, i) => (i === 0 ? html`<th scope="row"${langAttr(b.rowLang, page)}>${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table></div>`;
      return b.chart && b.rows.length
        ? html`<figure class="chart-pair"><div class="chart-box">${barChart(b.chart)}<p class="hint">${chartNote}</p></div>${table}</figure>`
        : table;
    }
  }
}

/** The brief's content as HTML, for the board page. */
export function briefHtml(doc: BriefDocument, chartNote: string): Html {
  return html`<div class="brief">${doc.blocks.map((b) => block(b, doc.lang, chartNote))}</div>`;
}
