import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block, BriefDocument, Chart } from './document.js';

const require = createRequire(import.meta.url);
/** DejaVu ships with the app (npm), embedded in the PDF: every accent of Dutch and French (é, è, ç, ë) prints. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const COLOURS = ['#0b5a7a', '#c26a00'];
const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function chart(doc: Doc, c: Chart): void {
  const max = Math.max(1, ...c.series.flatMap((s) => s.values));
  const labelWidth = 150;
  const plot = doc.page.width - 2 * MARGIN - labelWidth - 40;
  const bar = 7;
  const group = c.series.length * (bar + 2) + 6;
  ensureRoom(doc, c.labels.length * group + 10);
  doc.font('regular').fontSize(8);
  for (const [row, label] of c.labels.entries()) {
    const top = doc.y;
    doc.fillColor(INK).text(label, MARGIN, top, { width: labelWidth - 8, align: 'right', lineBreak: false, ellipsis: true, height: group });
    for (const [i, s] of c.series.entries()) {
      const value = s.values[row] ?? 0;
      const w = Math.max(1, (value / max) * plot);
      const y = top + i * (bar + 2);
      doc.rect(MARGIN + labelWidth, y, w, bar).fill(COLOURS[i % 2]!);
      doc.fillColor(INK).text(String(value), MARGIN + labelWidth + w + 4, y - 1, { lineBreak: false });
    }
    doc.x = MARGIN;
    doc.y = top + group;
  }
  if (c.series.length > 1) {
    const top = doc.y;
    for (const [i, s] of c.series.entries()) {
      const x = MARGIN + labelWidth + i * 140;
      doc.rect(x, top + 1, 8, 8).fill(COLOURS[i % 2]!);
      doc.fillColor(MUTED).text(s.name, x + 12, top, { lineBreak: false });
    }
    doc.x = MARGIN;
    doc.y = top + 14;
  }
  doc.moveDown(0.5);
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = b.head.length > 2 ? width * 0.4 : width * 0.6;
  const rest = (width - first) / Math.max(1, b.head.length - 1);
  const widths = b.head.map((_h, i) => (i === 0 ? first : rest));
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 })));
    ensureRoom(doc, height + 6);
    const top = doc.y;
    let x = MARGIN;
    for (const [i, cell] of cells.entries()) {
      doc.fillColor(INK).text(cell, x, top, { width: widths[i]! - 6 });
      x += widths[i]!;
    }
    doc.y = top + height + 3;
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor('#8a8a8a').stroke();
    doc.y += 3;
  };
  if (b.chart && b.rows.length) chart(doc, b.chart);
  row(b.head, true);
  for (const cells of b.rows) row(cells, false);
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

function block(doc: Doc, b: Block): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, 60);
      doc.moveDown(b.level === 2 ? 0.8 : 0.4);
      doc.font('bold').fontSize(b.level === 2 ? 15 : 12).fillColor(INK).text(b.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'para':
      doc.font('regular').fontSize(10).fillColor(b.muted ? MUTED : INK).text(b.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'quote': {
      const indent = MARGIN + 18;
      doc.font('italic').fontSize(10).fillColor(INK).text(`“${b.text}”`, indent, doc.y, { width: width - 18 });
      if (b.translation) doc.font('regular').fontSize(9).fillColor(MUTED).text(`${b.translationLabel} ${b.translation}`, indent, doc.y, { width: width - 18 });
      doc.font('regular').fontSize(9).fillColor(MUTED).text(`— ${b.by}`, indent, doc.y, { width: width - 18 });
      doc.x = MARGIN;
      doc.moveDown(0.4);
      return;
    }
    case 'table':
      table(doc, b);
  }
}

/** The brief as an A4 PDF made on the server (pdfkit; no browser), with its fonts embedded. */
export function briefPdf(brief: BriefDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: brief.lang, displayTitle: true, info: { Title: brief.title, Creator: 'Stemmen' }, bufferPages: true });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(18).fillColor(INK).text(brief.title);
  doc.moveDown(0.5);
  for (const b of brief.blocks) block(doc, b);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Page numbers sit in the bottom margin; writing there must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED).text(`${brief.title} · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN / 2, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
