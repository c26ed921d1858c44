import type { Brief, BriefPoll, Language } from '../../core/index.js';
import { formatDate, translator } from '../../i18n/index.js';

/**
 * The brief as a sequence of blocks, written once in the reader's language and rendered by each format
 * (the page, PDF, Markdown), so that every format carries the same content.
 */
export type Chart = { labels: string[]; series: { name: string; values: number[] }[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; lang?: Language; id?: string }
  | { kind: 'para'; text: string; lang?: Language; muted?: boolean }
  | { kind: 'quote'; text: string; lang: Language | null; by: string; translation: string | null; translationLabel: string }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][]; chart?: Chart; rowLang?: Language };

export interface BriefDocument {
  title: string;
  lang: Language;
  blocks: Block[];
}

const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0);

/** Who of each domain of experience took part in one poll; the core already left out groups too small to show. */
function domainTurnout(p: BriefPoll, lang: Language, min: number): Block[] {
  const t = translator(lang);
  const { shown, hidden } = p.byDomain;
  const blocks: Block[] = [];
  if (shown.length) {
    const labels = shown.map((d) => d.labels[lang]);
    blocks.push({
      kind: 'table',
      caption: t('brief:domainTurnoutTable', { question: p.question }),
      head: [t('brief:col.domain'), t('brief:col.voted'), t('brief:col.asked'), t('brief:col.share')],
      rows: shown.map((d, i) => [labels[i]!, String(d.voted), String(d.members), `${pct(d.voted, d.members)}%`]),
      chart: {
        labels,
        series: [
          { name: t('brief:col.asked'), values: shown.map((d) => d.members) },
          { name: t('brief:col.voted'), values: shown.map((d) => d.voted) },
        ],
      },
    });
  }
  if (hidden.length) blocks.push({ kind: 'para', text: t('brief:domainsHidden', { min, domains: hidden.map((d) => d.labels[lang]).join(', ') }), muted: true });
  return blocks;
}

export function briefDocument(brief: Brief, lang: Language, timeZone: string): BriefDocument {
  const t = translator(lang);
  const day = (d: Date | null) => (d ? formatDate(lang, d, timeZone, false) : '–');
  const title = brief.meeting ? t('brief:titleMeeting', { title: brief.meeting.title }) : t('brief:title');
  const blocks: Block[] = [
    { kind: 'para', text: t('brief:period', { panel: brief.panelName, from: day(brief.from), to: day(brief.to) }) },
    { kind: 'para', text: t('brief:generated', { date: formatDate(lang, brief.generatedAt, timeZone) }), muted: true },
  ];
  if (brief.meeting) blocks.push({ kind: 'para', text: t('brief:meetingOn', { date: formatDate(lang, brief.meeting.scheduledAt, timeZone) }) });

  blocks.push({ kind: 'heading', level: 2, text: t('brief:statements'), id: 'statements' });
  blocks.push({ kind: 'para', text: t('brief:statementsIntro'), muted: true });
  if (brief.summaries.length === 0) blocks.push({ kind: 'para', text: t('brief:noStatements') });
  for (const s of brief.summaries) {
    blocks.push({ kind: 'heading', level: 3, text: s.title, lang: s.language });
    blocks.push({ kind: 'para', text: t('brief:version', { number: s.versionNumber, date: day(s.publishedAt) }), muted: true });
    s.statements.forEach((st, i) => {
      blocks.push({ kind: 'para', text: `${i + 1}. ${st.theme ? `${st.theme}: ` : ''}${st.text}`, lang: s.language });
      if (st.translation) blocks.push({ kind: 'para', text: `${t('brief:translation')} ${st.translation.theme ? `${st.translation.theme}: ` : ''}${st.translation.text}`, lang: st.translation.lang, muted: true });
      for (const q of st.quotes) {
        blocks.push({
          kind: 'quote',
          text: q.quote,
          lang: q.language,
          by: q.attributedName ?? t('brief:anonymous'),
          translation: q.translation,
          translationLabel: t('brief:translation'),
        });
      }
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: t('brief:polls'), id: 'polls' });
  if (brief.polls.length === 0) blocks.push({ kind: 'para', text: t('brief:noPolls') });
  for (const p of brief.polls) {
    blocks.push({ kind: 'heading', level: 3, text: p.question, lang: brief.panelLanguage });
    blocks.push({ kind: 'para', text: t('brief:turnout', { turnout: p.turnout, audience: p.audience, pct: pct(p.turnout, p.audience) }) });
    const labels = p.rows.map((r) => (p.kind === 'consent' ? t(`common:consentVote.${r.key}`) : r.label));
    blocks.push({
      kind: 'table',
      caption: t('brief:pollTable', { question: p.question }),
      head: [t('brief:col.answer'), t('brief:col.votes'), t('brief:col.share')],
      rows: p.rows.map((r, i) => [labels[i]!, String(r.count), `${pct(r.count, p.turnout)}%`]),
      chart: { labels, series: [{ name: t('brief:col.votes'), values: p.rows.map((r) => r.count) }] },
      ...(p.kind === 'single' || p.kind === 'multiple' ? { rowLang: brief.panelLanguage } : {}),
    });
    if (p.average !== null) blocks.push({ kind: 'para', text: t('brief:average', { value: p.average }) });
    blocks.push(...domainTurnout(p, lang, brief.minGroupSize));
    if (p.objections.length > 0) blocks.push({ kind: 'para', text: t('brief:objections') });
    for (const o of p.objections) {
      blocks.push({ kind: 'quote', text: o.reason, lang: null, by: o.name ?? t('brief:anonymous'), translation: null, translationLabel: t('brief:translation') });
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: t('brief:representation'), id: 'representation' });
  blocks.push({ kind: 'para', text: t('brief:representationIntro', { count: brief.contributions }) });
  const domainLabels = brief.domains.map((d) => d.labels[lang]);
  blocks.push({
    kind: 'table',
    caption: t('brief:domainTable'),
    head: [t('brief:col.domain'), t('brief:col.members'), t('brief:col.contributions'), t('brief:col.lastHeard')],
    rows: brief.domains.map((d, i) => [domainLabels[i]!, String(d.members), String(d.contributions), d.lastHeard ? day(d.lastHeard) : t('brief:never')]),
    chart: {
      labels: domainLabels,
      series: [
        { name: t('brief:col.members'), values: brief.domains.map((d) => d.members) },
        { name: t('brief:col.contributions'), values: brief.domains.map((d) => d.contributions) },
      ],
    },
  });
  if (brief.domainsHidden.length) {
    blocks.push({ kind: 'para', text: t('brief:representationHidden', { min: brief.minGroupSize, domains: brief.domainsHidden.map((d) => d.labels[lang]).join(', ') }), muted: true });
  }
  const quiet = brief.domains.filter((d) => d.notHeard).map((d) => d.labels[lang]);
  // With some domains left out, "every domain was heard" would speak for the ones not shown.
  const allHeard = brief.domainsHidden.length ? t('brief:allShownHeard') : t('brief:allHeard');
  blocks.push({ kind: 'para', text: quiet.length ? t('brief:notHeard', { domains: quiet.join(', ') }) : allHeard });

  blocks.push({ kind: 'heading', level: 2, text: t('brief:changes'), id: 'changes' });
  const state = (s: { status: string; progress: number } | null) => (s ? `${t(`common:backlogStatus.${s.status}`)} (${s.progress}%)` : t('brief:new'));
  if (brief.changes.length === 0) blocks.push({ kind: 'para', text: t('brief:noChanges') });
  else
    blocks.push({
      kind: 'table',
      caption: t('brief:changes'),
      head: [t('brief:col.item'), t('brief:col.before'), t('brief:col.now'), t('brief:col.date')],
      rows: brief.changes.map((c) => [`${t(`common:backlogLevel.${c.level}`)}: ${c.title}`, state(c.from), state(c.to), day(c.at)]),
    });

  blocks.push({ kind: 'heading', level: 2, text: t('brief:answersDue'), id: 'answers' });
  if (brief.answersDue.length === 0) blocks.push({ kind: 'para', text: t('brief:noAnswersDue') });
  else
    blocks.push({
      kind: 'table',
      caption: t('brief:answersDue'),
      head: [t('brief:col.item'), t('brief:col.status'), t('brief:col.due'), t('brief:col.contributions')],
      rows: brief.answersDue.map((a) => [
        `${t(`common:backlogLevel.${a.level}`)}: ${a.title}`,
        t(`common:backlogStatus.${a.status}`),
        a.dueDate ? `${day(a.dueDate)}${a.overdue ? ` (${t('brief:overdue')})` : ''}` : '–',
        String(a.contributions),
      ]),
    });
  return { title, lang, blocks };
}
