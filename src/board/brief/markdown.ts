import type { Block, BriefDocument } from './document.js';

/**
 * Member text is escaped so that it reads as written: no stray emphasis, links, headings or raw HTML
 * (CommonMark lets any ASCII punctuation be escaped with a backslash).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}${mark.replace(/([-+=.)])$/, '\\$1')}`)
    .replace(/\r?\n/g, ' ');
}

const cell = (text: string) => escapeMarkdown(text).trim() || ' ';

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'para':
      return b.muted ? `_${escapeMarkdown(b.text)}_` : escapeMarkdown(b.text);
    case 'quote':
      return [`> “${escapeMarkdown(b.text)}”`, ...(b.translation ? ['>', `> ${escapeMarkdown(b.translationLabel)} _${escapeMarkdown(b.translation)}_`] : []), '>', `> — ${escapeMarkdown(b.by)}`].join('\n');
    case 'table':
      return [
        `**${escapeMarkdown(b.caption)}**`,
        '',
        `| ${b.head.map(cell).join(' | ')} |`,
        `| ${b.head.map((_h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/** The brief as Markdown (GitHub-flavoured tables), the same content as the page and the PDF. */
export function briefMarkdown(doc: BriefDocument): string {
  return `# ${escapeMarkdown(doc.title)}\n\n${doc.blocks.map(block).join('\n\n')}\n`;
}
