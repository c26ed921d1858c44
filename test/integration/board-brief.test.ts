import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { boardBrief, DomainError } from '../../src/core/index.js';
import { briefCsv } from '../../src/board/brief/csv.js';
import { briefDocument } from '../../src/board/brief/document.js';
import { briefMarkdown } from '../../src/board/brief/markdown.js';
import { briefPdf } from '../../src/board/brief/pdf.js';
import { testDatabases } from '../setup/databases.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { usePanelHarness } from '../support/harness.js';

/** Debian's poppler-utils (`apt-get install poppler-utils`, as .ci/run does). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-pdf-'));
  try {
    writeFileSync(join(dir, 'brief.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks lines where the page does: compare on words alone. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe.each(testDatabases())('the board brief on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 4 });

  it('holds consented statements and quotes, poll turnout, representation, plan changes and answers due', async () => {
    const seeded = await seedBrief(s.h.deps, s.p);
    const brief = await boardBrief(s.h.deps, s.p.actor('board'), { meetingId: seeded.meeting.id });

    expect(brief.summaries).toHaveLength(1); // the summary still awaiting consent stays out
    const quotes = brief.summaries.flatMap((x) => x.statements.flatMap((st) => st.quotes));
    expect(quotes.map((q) => q.quote).sort()).toEqual([BRIEF_TEXT.quoteFr, BRIEF_TEXT.quoteNl].sort());
    expect(quotes.find((q) => q.quote === BRIEF_TEXT.quoteFr)).toMatchObject({ language: 'fr', attributedName: null });
    expect(JSON.stringify(brief)).not.toContain(BRIEF_TEXT.unconsented);

    const [poll] = brief.polls;
    expect(poll).toMatchObject({ question: BRIEF_TEXT.poll, turnout: 3 });
    expect(poll!.audience).toBeGreaterThanOrEqual(4);
    expect(poll!.rows.map((r) => r.count)).toEqual([2, 1]);

    const domain = (key: string) => brief.domains.find((d) => d.key === key)!;
    expect(domain('informal_care')).toMatchObject({ members: 1, contributions: 1, notHeard: false });
    expect(domain('poverty')).toMatchObject({ members: 1, contributions: 0, notHeard: true, lastHeard: null });

    const change = brief.changes.find((c) => c.itemId === seeded.action.id);
    expect(change).toMatchObject({ from: null, to: { status: 'in_progress', progress: 40 } });
    expect(brief.answersDue.map((a) => a.itemId)).toEqual([seeded.action.id]);
  });

  it('exports the same content as a PDF, Markdown and CSV', async () => {
    const brief = await boardBrief(s.h.deps, s.p.actor('board'), {});
    const doc = briefDocument(brief, 'fr', 'Europe/Brussels');

    const pdf = await briefPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = words(pdfText(pdf));
    for (const expected of [BRIEF_TEXT.quoteFr, BRIEF_TEXT.quoteNl, BRIEF_TEXT.statementFr, BRIEF_TEXT.statementNl, BRIEF_TEXT.poll, 'Ce que dit le panel']) {
      expect(text).toContain(words(expected));
    }
    expect(text).not.toContain(BRIEF_TEXT.unconsented);

    const markdown = briefMarkdown(doc);
    const rendered = await marked.parse(markdown);
    expect(rendered).toContain('<h1>Note au conseil</h1>');
    expect(rendered).toContain('<blockquote>');
    expect(rendered).toContain('<table>');
    expect(rendered).toContain(BRIEF_TEXT.statementFr);
    expect(rendered.replace(/&#39;/g, "'")).toContain(BRIEF_TEXT.quoteFr);

    const rows = parse(briefCsv(brief, 'fr'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.section === 'quote').map((r) => r.text).sort()).toEqual([BRIEF_TEXT.quoteFr, BRIEF_TEXT.quoteNl].sort());
    expect(rows.find((r) => r.section === 'poll')).toMatchObject({ group: BRIEF_TEXT.poll, count: '3' });
    expect(rows.some((r) => r.section === 'answer_due' && r.item === BRIEF_TEXT.action)).toBe(true);
  });

  it('is for the board and facilitators, not experts, and refuses an empty period', async () => {
    await expect(boardBrief(s.h.deps, s.p.actor('e1'), {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(boardBrief(s.h.deps, s.p.actor('board'), { from: '2026-05-01', to: '2026-04-01' })).rejects.toBeInstanceOf(DomainError);
  });
});
