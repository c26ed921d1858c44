import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { boardBrief, castBallot, closePoll, createPoll, DomainError, MIN_GROUP_SIZE, openIdeaRound, planMeeting, submitContribution } from '../../src/core/index.js';
import { briefHtml } from '../../src/board/brief/page.js';
import { t } from '../../src/i18n/index.js';
import { briefCsv } from '../../src/board/brief/csv.js';
import { briefDocument } from '../../src/board/brief/document.js';
import { briefMarkdown } from '../../src/board/brief/markdown.js';
import { briefPdf } from '../../src/board/brief/pdf.js';
import { testDatabases } from '../setup/databases.js';
import { BRIEF_TEXT, seedBrief } from '../support/brief-fixture.js';
import { makePanel, usePanelHarness } from '../support/harness.js';

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

    // Four experts, one per domain: each of those domains is a group of one, named without figures (its
    // contributions and when it was last heard would tell the board what that person said).
    expect(brief.domainsHidden.map((d) => d.key)).toEqual(['informal_care', 'chronic_illness', 'poverty', 'addiction']);
    expect(brief.domains.map((d) => d.key)).not.toContain('informal_care');
    // A domain nobody on the panel has identifies nobody: it stays, so the board sees it is missing.
    expect(brief.domains.find((d) => d.key === 'elderly_care')).toMatchObject({ members: 0, contributions: 0, notHeard: true, lastHeard: null });

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

  it('shows turnout per domain of experience only for groups of at least the privacy minimum, in every format', async () => {
    const { deps } = s.h;
    // Ten experts, one domain each in turn: informal care and chronic illness have 3, poverty and addiction 2.
    const zone = await makePanel(deps, { experts: 10 });
    const fac = zone.actor('fac');
    const meeting = await planMeeting(deps, fac, { title: 'Sessie maart', scheduledAt: new Date(Date.now() - 86_400_000).toISOString() });
    const poll = await createPoll(deps, fac, { question: 'Wat eerst?', kind: 'single', anonymity: 'anonymous', options: ['Vervoer', 'Wachttijden'], meetingId: meeting.id });
    for (const name of ['e1', 'e5', 'e2', 'e3']) await castBallot(deps, zone.actor(name), poll.id, { optionIds: [poll.options[0]!.id] });
    await closePoll(deps, fac, poll.id);

    const brief = await boardBrief(deps, zone.actor('board'), { meetingId: meeting.id });
    expect(brief.minGroupSize).toBe(MIN_GROUP_SIZE);
    expect(MIN_GROUP_SIZE).toBe(3);
    const [byDomain] = brief.polls.map((x) => x.byDomain);
    expect(byDomain!.shown.map((d) => [d.key, d.voted, d.members])).toEqual([
      ['informal_care', 2, 3],
      ['chronic_illness', 1, 3],
    ]);
    // Poverty (2 members, e3 voted) and addiction (2, nobody voted) are named as left out, without figures.
    expect(byDomain!.hidden.map((d) => d.key)).toEqual(['poverty', 'addiction']);
    expect(byDomain!.hidden[0]).not.toHaveProperty('voted');

    const doc = briefDocument(brief, 'nl', 'Europe/Brussels');
    const page = briefHtml(doc, 'note').value;
    const figure = page.slice(page.indexOf('Wie meedeed, per ervaringsdomein'));
    expect(page).toMatch(/<figure class="chart-pair"><div class="chart-box"><svg[^>]*aria-hidden="true"[\s\S]*?<caption>Wie meedeed, per ervaringsdomein: Wat eerst\?<\/caption>/);
    expect(figure).toMatch(/<th scope="row">Mantelzorg<\/th><td>2<\/td><td>3<\/td><td>67%<\/td>/);
    expect(figure.slice(0, figure.indexOf('</table>'))).not.toContain('Armoede');
    expect(page).toContain('Niet getoond, omdat minder dan 3 bevraagde panelleden dit ervaringsdomein hebben: Armoede, Verslaving.');

    const markdown = briefMarkdown(doc);
    const table = markdown.slice(markdown.indexOf('**Wie meedeed'), markdown.indexOf('Niet getoond'));
    expect(table).toContain('| Chronische ziekte | 1 | 3 | 33% |');
    expect(table).not.toContain('Armoede');
    const pdf = words(pdfText(await briefPdf(doc)));
    expect(pdf).toContain('Mantelzorg 2 3 67%');
    expect(pdf).toContain(words(t('nl', 'brief:domainsHidden', { min: 3, domains: 'Armoede, Verslaving' })));
    const rows = (parse(briefCsv(brief, 'en'), { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.section === 'poll_domain');
    expect(rows.map((r) => [r.item, r.count, r.total])).toEqual([
      ['Informal care', '2', '3'],
      ['Chronic illness', '1', '3'],
      ['Poverty', '', ''],
      ['Addiction', '', ''],
    ]);
  });

  it('shows the panel make-up per domain only for groups of at least the privacy minimum, in every format', async () => {
    const { deps } = s.h;
    // Ten experts, one domain each in turn: informal care and chronic illness have 3, poverty and addiction 2.
    const zone = await makePanel(deps, { experts: 10 });
    const fac = zone.actor('fac');
    const round = await openIdeaRound(deps, fac, { question: 'Wat hielp?' });
    await submitContribution(deps, zone.actor('e1'), { roundId: round.id, whatHappens: 'De thuisverpleging kwam op tijd.', domainKeys: ['informal_care'], attribution: 'anonymous' });
    // e3 is one of the two experts with poverty: their anonymous contribution must not show up as a figure.
    await submitContribution(deps, zone.actor('e3'), { roundId: round.id, whatHappens: 'Ik kon de apotheek niet betalen.', domainKeys: ['poverty'], attribution: 'anonymous' });

    const brief = await boardBrief(deps, zone.actor('board'), {});
    expect(brief.domains.filter((d) => d.members > 0).map((d) => [d.key, d.members, d.contributions])).toEqual([
      ['informal_care', 3, 1],
      ['chronic_illness', 3, 0],
    ]);
    expect(brief.domainsHidden.map((d) => d.key)).toEqual(['poverty', 'addiction']);
    expect(brief.domainsHidden[0]).not.toHaveProperty('contributions');
    expect(brief.domainsHidden[0]).not.toHaveProperty('lastHeard');

    const hidden = { min: 3, domains: 'Armoede, Verslaving' };
    const doc = briefDocument(brief, 'nl', 'Europe/Brussels');
    const page = briefHtml(doc, 'note').value;
    const section = page.slice(page.indexOf(t('nl', 'brief:domainTable')));
    expect(section).toMatch(/<th scope="row">Mantelzorg<\/th><td>3<\/td><td>1<\/td>/);
    expect(section.slice(0, section.indexOf('</table>'))).not.toContain('Armoede');
    expect(section).toContain(t('nl', 'brief:representationHidden', hidden));
    // Nor in the chart beside the table, nor in the list of domains not heard.
    const chart = page.slice(page.lastIndexOf('<figure', page.indexOf(t('nl', 'brief:domainTable'))), page.indexOf(t('nl', 'brief:domainTable')));
    expect(chart).toContain('Mantelzorg');
    expect(chart).not.toContain('Armoede');
    const quiet = section.slice(section.indexOf('</table>')).match(/<p>([^<]*)<\/p>/)![1]!;
    expect(quiet).toContain(t('nl', 'brief:notHeard', { domains: 'Chronische ziekte, ' }).split(':')[0]!);
    expect(quiet).not.toContain('Armoede');
    // Every domain shown heard: said of those shown only, not of the ones left out.
    const heard = briefHtml(briefDocument({ ...brief, domains: brief.domains.filter((d) => !d.notHeard) }, 'nl', 'Europe/Brussels'), 'note').value;
    expect(heard).toContain(t('nl', 'brief:allShownHeard'));
    expect(heard).not.toContain(t('nl', 'brief:allHeard'));

    const markdown = briefMarkdown(doc);
    const table = markdown.slice(markdown.indexOf(`**${t('nl', 'brief:domainTable')}`));
    expect(table).toContain('| Mantelzorg | 3 | 1 |');
    expect(table.slice(0, table.indexOf(t('nl', 'brief:representationHidden', hidden)))).not.toContain('Armoede');
    const pdf = words(pdfText(await briefPdf(doc)));
    expect(pdf).toContain(words(t('nl', 'brief:representationHidden', hidden)));
    expect(pdf).not.toMatch(/Armoede \d/);
    const rows = (parse(briefCsv(brief, 'fr'), { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.section === 'domain');
    expect(rows.filter((r) => r.group === 'Pauvreté')).toEqual([
      expect.objectContaining({ text: t('fr', 'brief:representationHidden', { min: 3, domains: 'Pauvreté' }), count: '', total: '', date: '' }),
    ]);
  });

  it('is for the board and facilitators, not experts, and refuses an empty period', async () => {
    await expect(boardBrief(s.h.deps, s.p.actor('e1'), {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(boardBrief(s.h.deps, s.p.actor('board'), { from: '2026-05-01', to: '2026-04-01' })).rejects.toBeInstanceOf(DomainError);
  });
});
