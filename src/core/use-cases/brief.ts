import { sameTenant, type CoreDeps } from '../context.js';
import { enforce } from '../policy.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, BacklogItemRecord, ContentTranslationRecord, BacklogLevel, BacklogStatus, Language, MeetingRecord, PollKind, SummaryVersionRecord } from '../types.js';
import { optionalDate } from '../validation.js';
import { isOverdue } from './action-plan.js';
import { MIN_GROUP_SIZE, turnoutByDomain, type PollTurnoutByDomain } from './brief-turnout.js';
import { pollResults } from './poll-results.js';

/** A domain not heard from for this long (before the end of the period) is flagged. */
export const NOT_HEARD_DAYS = 90;
const DAY = 86_400_000;

export interface BriefQuote {
  quote: string;
  /** The language the person wrote in (the quote is verbatim). */
  language: Language | null;
  translation: string | null;
  attributedName: string | null;
}

export interface BriefStatement {
  id: string;
  theme: string;
  text: string;
  quotes: BriefQuote[];
  /** A confirmed translation into the reader's language (never a model's unconfirmed draft), shown beside the original. */
  translation: { theme: string; text: string; lang: Language } | null;
}

export interface BriefSummary {
  summaryId: string;
  title: string;
  versionNumber: number;
  language: Language;
  publishedAt: Date | null;
  statements: BriefStatement[];
}

export interface BriefPoll {
  id: string;
  question: string;
  kind: PollKind;
  closedAt: Date | null;
  turnout: number;
  /** Who the poll asked (its audience). */
  audience: number;
  /** Count per option (or per scale value, or per consent vote: `key` is then the value or the vote code). */
  rows: { key: string; label: string; count: number }[];
  average: number | null;
  /** Turnout per domain of experience, groups smaller than MIN_GROUP_SIZE left out. */
  byDomain: PollTurnoutByDomain;
  /** Objection reasons, with a name only where its author chose so (as `pollResults` gives them to the board). */
  objections: { reason: string; name: string | null }[];
}

export interface BriefDomain {
  key: string;
  labels: Record<Language, string>;
  /** Active experts of the panel with this domain of experience: none, or at least MIN_GROUP_SIZE. */
  members: number;
  /** Live contributions tagged with this domain, in the period. */
  contributions: number;
  lastHeard: Date | null;
  notHeard: boolean;
}

export interface BriefPlanChange {
  itemId: string;
  title: string;
  level: BacklogLevel;
  from: { status: BacklogStatus; progress: number } | null;
  to: { status: BacklogStatus; progress: number };
  at: Date;
}

export interface BriefAnswerDue {
  itemId: string;
  title: string;
  level: BacklogLevel;
  status: BacklogStatus;
  dueDate: Date | null;
  overdue: boolean;
  /** How many contributions of the panel the item is linked to. */
  contributions: number;
}

export interface Brief {
  panelName: string;
  /** The language facilitators and the board write in (poll questions, item titles). */
  panelLanguage: Language;
  meeting: MeetingRecord | null;
  from: Date;
  to: Date;
  generatedAt: Date;
  summaries: BriefSummary[];
  polls: BriefPoll[];
  domains: BriefDomain[];
  /**
   * Domains that only one or two experts of the panel have (fewer than MIN_GROUP_SIZE): named, without
   * figures. How many contributions came from "poverty", and when, tells the board what the one member with
   * that experience said, even where they chose to contribute anonymously.
   */
  domainsHidden: { key: string; labels: Record<Language, string> }[];
  contributions: number;
  changes: BriefPlanChange[];
  answersDue: BriefAnswerDue[];
  /** The smallest group a figure is shown for (turnout per domain). */
  minGroupSize: number;
}

export interface BriefInput {
  meetingId?: unknown;
  from?: unknown;
  to?: unknown;
}

/**
 * The period a brief covers. For a meeting: from the previous meeting (or a month before) to the next one
 * (or now, or a day after the meeting when it lies ahead); what is linked to the meeting comes in whatever
 * its date. Without a meeting: the given dates, by default the last 30 days.
 */
function periodOf(meetings: MeetingRecord[], meeting: MeetingRecord | null, input: BriefInput, now: Date): { from: Date; to: Date } {
  if (meeting) {
    const sorted = meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
    const before = sorted.filter((m) => m.scheduledAt < meeting.scheduledAt).at(-1);
    const after = sorted.find((m) => m.scheduledAt > meeting.scheduledAt);
    const from = before?.scheduledAt ?? new Date(meeting.scheduledAt.getTime() - 31 * DAY);
    const to = after?.scheduledAt ?? new Date(Math.max(now.getTime(), meeting.scheduledAt.getTime() + DAY));
    return { from, to };
  }
  const to = optionalDate(input.to, 'to') ?? now;
  const from = optionalDate(input.from, 'from') ?? new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw new DomainError('invalid_input', { field: 'from' });
  return { from, to };
}

const within = (date: Date | null, from: Date, to: Date) => date !== null && date >= from && date < to;

async function consentedSummaries(repos: Repositories, actor: Actor, meeting: MeetingRecord | null, from: Date, to: Date): Promise<BriefSummary[]> {
  const rounds = meeting ? new Set((await repos.rounds.listByPanel(actor.panelId)).filter((r) => r.meetingId === meeting.id).map((r) => r.id)) : new Set<string>();
  const out: BriefSummary[] = [];
  for (const summary of await repos.summaries.listByPanel(actor.panelId)) {
    // Only what every quoted person approved reaches the board: the published version, nothing else.
    const published: SummaryVersionRecord | undefined = (await repos.summaries.listVersions(summary.id)).find((v) => v.status === 'published');
    if (!published) continue;
    const linked = meeting !== null && (summary.meetingId === meeting.id || (summary.roundId !== null && rounds.has(summary.roundId)));
    const otherMeeting = meeting !== null && summary.meetingId !== null && summary.meetingId !== meeting.id;
    if (!linked && (otherMeeting || !within(published.publishedAt, from, to))) continue;
    const cited = published.statements.flatMap((s) => s.citations.map((c) => c.contributionId)).filter((id): id is string => !!id);
    const languages = new Map((await repos.contributions.findManyByIds(cited)).map((c) => [c.id, c.language]));
    const translated = published.language === actor.language ? [] : await confirmedTranslations(repos, actor, published.statements.map((s) => s.id));
    const translationOf = (statementId: string, field: string) => translated.find((t) => t.objectId === statementId && t.field === field)?.text;
    out.push({
      summaryId: summary.id,
      title: summary.title,
      versionNumber: published.number,
      language: published.language,
      publishedAt: published.publishedAt,
      statements: [...published.statements]
        .sort((a, b) => a.position - b.position)
        .map((s) => ({
          id: s.id,
          theme: s.theme,
          text: s.text,
          quotes: s.citations
            .filter((c) => c.quote.trim() !== '')
            .map((c) => ({ quote: c.quote, language: (c.contributionId && languages.get(c.contributionId)) || null, translation: c.translation, attributedName: c.attributedName })),
          translation: translationOf(s.id, 'text') ? { theme: translationOf(s.id, 'theme') ?? s.theme, text: translationOf(s.id, 'text')!, lang: actor.language } : null,
        })),
    });
  }
  return out;
}

/** Translations of statements into the reader's language that a person wrote or confirmed: the brief leaves the building. */
async function confirmedTranslations(repos: Repositories, actor: Actor, statementIds: string[]): Promise<ContentTranslationRecord[]> {
  return (await repos.translations.listFor('statement', statementIds)).filter((t) => t.tenantId === actor.tenantId && t.language === actor.language && (t.source === 'person' || t.confirmedAt));
}

type Representation = Pick<Brief, 'domains' | 'domainsHidden' | 'contributions'>;

/**
 * The panel's make-up per domain beside the domains contributions came from. The same small-group rule as
 * turnout per domain: a domain one or two experts have is named without figures (a domain nobody has
 * identifies nobody, and the board should see that it is missing).
 */
async function representation(repos: Repositories, actor: Actor, from: Date, to: Date): Promise<Representation> {
  const domains = (await repos.panels.listDomains(actor.panelId)).filter((d) => !d.archived).sort((a, b) => a.position - b.position);
  const experts = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active && !m.erasedAt && m.role === 'expert');
  const contributions = (await repos.contributions.listByPanel(actor.panelId, { liveOnly: true })).filter((c) => c.createdAt < to);
  const inPeriod = contributions.filter((c) => c.createdAt >= from);
  const out: Representation = { contributions: inPeriod.length, domains: [], domainsHidden: [] };
  for (const d of domains) {
    const members = experts.filter((m) => m.domainIds.includes(d.id)).length;
    if (members > 0 && members < MIN_GROUP_SIZE) {
      out.domainsHidden.push({ key: d.key, labels: d.labels });
      continue;
    }
    const tagged = contributions.filter((c) => c.domainIds.includes(d.id));
    const lastHeard = tagged.reduce<Date | null>((last, c) => (!last || c.createdAt > last ? c.createdAt : last), null);
    out.domains.push({
      key: d.key,
      labels: d.labels,
      members,
      contributions: inPeriod.filter((c) => c.domainIds.includes(d.id)).length,
      lastHeard,
      notHeard: !lastHeard || to.getTime() - lastHeard.getTime() > NOT_HEARD_DAYS * DAY,
    });
  }
  return out;
}

async function planChanges(repos: Repositories, actor: Actor, items: BacklogItemRecord[], from: Date, to: Date): Promise<BriefPlanChange[]> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const changes = new Map<string, BriefPlanChange>();
  // One line per item: where it stood before the period, where it stands at its end.
  for (const c of await repos.backlogHistory.listForPanel(actor.panelId, { since: from, until: to })) {
    const item = byId.get(c.itemId);
    if (!item) continue;
    const first = changes.get(c.itemId);
    const before = c.previousStatus !== null ? { status: c.previousStatus, progress: c.previousProgress ?? 0 } : null;
    changes.set(c.itemId, {
      itemId: item.id,
      title: item.title,
      level: item.level,
      from: first ? first.from : before,
      to: { status: c.status, progress: c.progress },
      at: c.createdAt,
    });
  }
  return [...changes.values()].filter((c) => !c.from || c.from.status !== c.to.status || c.from.progress !== c.to.progress);
}

function answersDue(items: BacklogItemRecord[], now: Date): BriefAnswerDue[] {
  return items
    .filter((i) => i.boardResponse.trim() === '' && i.status !== 'dropped' && i.links.some((l) => l.contributionId || l.statementId))
    .map((i) => ({
      itemId: i.id,
      title: i.title,
      level: i.level,
      status: i.status,
      dueDate: i.dueDate,
      overdue: isOverdue(i, now),
      contributions: new Set(i.links.map((l) => l.contributionId).filter(Boolean)).size,
    }))
    .sort((a, b) => (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity));
}

/** The board brief: what the panel said (consented), voted, who was heard, and what the board did and owes. */
export async function boardBrief(deps: CoreDeps, actor: Actor, input: BriefInput = {}): Promise<Brief> {
  enforce(actor, 'board.read');
  const now = deps.clock.now();
  const gathered = await deps.store.transaction(async (repos) => {
    const panel = sameTenant(actor, await repos.panels.findById(actor.panelId));
    const meetings = await repos.meetings.listByPanel(actor.panelId);
    const meeting = typeof input.meetingId === 'string' && input.meetingId ? sameTenant(actor, await repos.meetings.findById(input.meetingId)) : null;
    const { from, to } = periodOf(meetings, meeting, input, now);
    const polls = (await repos.polls.listByPanel(actor.panelId, 'closed')).filter((p) =>
      meeting && p.meetingId ? p.meetingId === meeting.id : within(p.closedAt, from, to),
    );
    const items = await repos.backlog.listByPanel(actor.panelId);
    const domains = (await repos.panels.listDomains(actor.panelId)).filter((d) => !d.archived).sort((a, b) => a.position - b.position);
    const members = (await repos.members.listByPanel(actor.panelId)).filter((m) => m.active && !m.erasedAt);
    return {
      byDomain: await turnoutByDomain(repos, polls, domains, members),
      panel,
      meeting,
      from,
      to,
      pollIds: polls.map((p) => p.id),
      summaries: await consentedSummaries(repos, actor, meeting, from, to),
      ...(await representation(repos, actor, from, to)),
      changes: await planChanges(repos, actor, items, from, to),
      answersDue: answersDue(items, now),
    };
  });
  const polls: BriefPoll[] = [];
  for (const pollId of gathered.pollIds) {
    const r = await pollResults(deps, actor, pollId);
    const rows =
      r.poll.kind === 'scale'
        ? r.scale.map((s) => ({ key: String(s.value), label: String(s.value), count: s.count }))
        : r.poll.kind === 'consent'
          ? r.consent.map((c) => ({ key: c.vote, label: c.vote, count: c.count }))
          : r.options.map((o) => ({ key: o.optionId, label: o.label, count: o.count }));
    const byDomain = gathered.byDomain.get(pollId) ?? { shown: [], hidden: [] };
    polls.push({ id: r.poll.id, question: r.poll.question, kind: r.poll.kind, closedAt: r.poll.closedAt, turnout: r.turnout, audience: r.eligible, rows, average: r.scaleAverage, byDomain, objections: r.objections });
  }
  const { panel, pollIds: _ids, byDomain: _byDomain, ...rest } = gathered;
  return { ...rest, panelName: panel.name, panelLanguage: panel.defaultLanguage, generatedAt: now, polls, minGroupSize: MIN_GROUP_SIZE };
}
