import type { Brief, Language } from '../../core/index.js';
import { translator } from '../../i18n/index.js';

/**
 * A cell as RFC 4180 wants it. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, return
 * first) gets a leading apostrophe: member text must never become a formula on a board member's computer.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/**
 * The brief as one table, one fact per row, for a spreadsheet: statements and their quotes, poll answers,
 * domains, plan changes and answers due. Codes in `section`, words in the reader's language elsewhere.
 */
export function briefCsv(brief: Brief, lang: Language): string {
  const t = translator(lang);
  const rows: (string | number | null)[][] = [['section', 'group', 'item', 'text', 'language', 'count', 'total', 'date']];
  for (const s of brief.summaries) {
    s.statements.forEach((st, i) => {
      rows.push(['statement', s.title, String(i + 1), st.theme ? `${st.theme}: ${st.text}` : st.text, s.language, null, null, day(s.publishedAt)]);
      if (st.translation) rows.push(['statement_translation', s.title, String(i + 1), st.translation.theme ? `${st.translation.theme}: ${st.translation.text}` : st.translation.text, st.translation.lang, null, null, day(s.publishedAt)]);
      for (const q of st.quotes) rows.push(['quote', s.title, String(i + 1), q.quote, q.language, null, null, day(s.publishedAt)]);
    });
  }
  for (const p of brief.polls) {
    rows.push(['poll', p.question, t('brief:col.votes'), null, brief.panelLanguage, p.turnout, p.audience, day(p.closedAt)]);
    for (const r of p.rows) rows.push(['poll_answer', p.question, p.kind === 'consent' ? t(`common:consentVote.${r.key}`) : r.label, null, null, r.count, p.turnout, day(p.closedAt)]);
    // Only groups the core let through (at least the brief's minimum size) carry figures; a smaller one says why not.
    for (const d of p.byDomain.shown) rows.push(['poll_domain', p.question, d.labels[lang], null, null, d.voted, d.members, day(p.closedAt)]);
    for (const d of p.byDomain.hidden) rows.push(['poll_domain', p.question, d.labels[lang], t('brief:domainsHidden', { min: brief.minGroupSize, domains: d.labels[lang] }), null, null, null, day(p.closedAt)]);
  }
  for (const d of brief.domains) {
    rows.push(['domain', d.labels[lang], t('brief:col.members'), null, null, d.members, null, null]);
    rows.push(['domain', d.labels[lang], t('brief:col.contributions'), d.notHeard ? t('brief:notHeard', { domains: d.labels[lang] }) : null, null, d.contributions, brief.contributions, day(d.lastHeard)]);
  }
  for (const d of brief.domainsHidden) rows.push(['domain', d.labels[lang], t('brief:col.members'), t('brief:representationHidden', { min: brief.minGroupSize, domains: d.labels[lang] }), null, null, null, null]);
  for (const c of brief.changes) {
    rows.push(['plan_change', t(`common:backlogLevel.${c.level}`), c.title, `${c.from ? t(`common:backlogStatus.${c.from.status}`) : t('brief:new')} → ${t(`common:backlogStatus.${c.to.status}`)}`, brief.panelLanguage, c.to.progress, 100, day(c.at)]);
  }
  for (const a of brief.answersDue) {
    rows.push(['answer_due', t(`common:backlogLevel.${a.level}`), a.title, a.overdue ? t('brief:overdue') : t(`common:backlogStatus.${a.status}`), brief.panelLanguage, a.contributions, null, day(a.dueDate)]);
  }
  // A byte order mark so that spreadsheet programs read the accents as UTF-8.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
