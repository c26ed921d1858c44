import { html, type Html } from '../../web-ui/html.js';
import type { Chart } from './document.js';

const COLOURS = ['#0b5a7a', '#c26a00'];
const ROW = 22;
const BAR = 8;

/**
 * A horizontal bar chart drawn on the server (no script, no inline style: the page's CSP forbids both). It
 * repeats the table beside it, which is what screen readers read, so the drawing itself is hidden from them.
 * The viewBox scales the drawing to the width it gets; labels stay inside it.
 */
export function barChart(chart: Chart): Html {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const labelWidth = 150;
  const width = 400;
  const plot = width - labelWidth - 40;
  const groupHeight = Math.max(ROW, chart.series.length * (BAR + 3) + 8);
  const legend = chart.series.length > 1 ? 20 : 0;
  const height = legend + chart.labels.length * groupHeight + 4;
  const short = (label: string) => ([...label].length > 22 ? `${[...label].slice(0, 21).join('')}…` : label);
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
    ${chart.series.length > 1
      ? chart.series.map((s, i) => html`<rect x="${labelWidth + i * 120}" y="4" width="10" height="10" fill="${COLOURS[i % 2]}"/><text x="${labelWidth + 14 + i * 120}" y="13" font-size="11">${short(s.name)}</text>`)
      : ''}
    ${chart.labels.map((label, row) => {
      const top = legend + row * groupHeight;
      return html`<text x="${labelWidth - 6}" y="${top + groupHeight / 2 + 4}" font-size="11" text-anchor="end">${short(label)}</text>
        ${chart.series.map((s, i) => {
          const value = s.values[row] ?? 0;
          const w = Math.round((value / max) * plot);
          const y = top + 4 + i * (BAR + 3);
          return html`<rect x="${labelWidth}" y="${y}" width="${Math.max(w, 1)}" height="${BAR}" fill="${COLOURS[i % 2]}"/><text x="${labelWidth + w + 4}" y="${y + BAR}" font-size="10">${value}</text>`;
        })}`;
    })}
  </svg>`;
}
