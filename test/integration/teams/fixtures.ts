import type {
  Actor,
  BacklogItemRecord,
  BallotRecord,
  ConsentReview,
  ContributionRecord,
  DomainRecord,
  IdeaRoundRecord,
  Language,
  MemberHome,
  MemberRecord,
  PollRecord,
  PollResults,
  Role,
  SummaryOverview,
  SummaryVersionRecord,
} from '../../../src/core/index.js';
import type { View } from '../../../src/channels/teams/cards/view.js';
import { translator } from '../../../src/i18n/index.js';

/** Records as the core returns them, with person-written text that tries Markdown links and mentions. */
export const SNEAKY = '[klik hier](https://evil.example) <at>Fien</at> **vet** \u202Egnp.exe';
const now = new Date('2026-11-12T10:00:00Z');

export function viewOf(role: Role, language: Language): View {
  const actor: Actor = { memberId: 'm-self', tenantId: 't1', panelId: 'p1', role, language, displayName: `Name ${SNEAKY}`, channel: 'teams' };
  return { actor, language, t: translator(language), timeZone: 'Europe/Brussels', boardUrl: 'https://stemmen.example.org/board' };
}

export function poll(kind: PollRecord['kind'], status: PollRecord['status'] = 'open'): PollRecord {
  return {
    id: `poll-${kind}`,
    audience: 'experts',
    tenantId: 't1',
    panelId: 'p1',
    meetingId: null,
    question: `Welk thema eerst? ${SNEAKY}`,
    kind,
    anonymity: 'confidential',
    resultsVisibility: 'live',
    maxChoices: kind === 'multiple' ? 2 : null,
    deadline: new Date('2026-12-01T18:00:00Z'),
    status,
    createdById: 'm-fac',
    createdAt: now,
    closedAt: status === 'closed' ? now : null,
    options: kind === 'single' || kind === 'multiple' ? ['Vervoer', `Wachttijden ${SNEAKY}`].map((label, position) => ({ id: `o${position}`, position, label })) : [],
  };
}

export function ballot(p: PollRecord): BallotRecord {
  const choice: BallotRecord['choice'] =
    p.kind === 'scale' ? { kind: 'scale', value: 4 } : p.kind === 'consent' ? { kind: 'consent', vote: 'object' } : { kind: 'options', optionIds: ['o0'] };
  return { id: 'b1', pollId: p.id, memberId: 'm-self', voterKey: null, choice, reason: p.kind === 'consent' ? `Te duur ${SNEAKY}` : null, reasonAttribution: p.kind === 'consent' ? 'named' : null, updatedAt: now };
}

export function results(p: PollRecord): PollResults {
  return {
    poll: p,
    open: p.status === 'open',
    closedAt: p.closedAt,
    visible: true,
    turnout: 3,
    eligible: 6,
    options: p.options.map((o, i) => ({ optionId: o.id, label: o.label, count: i + 1 })),
    scale: p.kind === 'scale' ? [1, 2, 3, 4, 5].map((value) => ({ value, count: value % 2 })) : [],
    scaleAverage: p.kind === 'scale' ? 3.3 : null,
    consent: p.kind === 'consent' ? [{ vote: 'agree', count: 1 }, { vote: 'live_with', count: 1 }, { vote: 'object', count: 1 }] : [],
    objections: p.kind === 'consent' ? [{ reason: `Te duur ${SNEAKY}`, name: `An ${SNEAKY}` }, { reason: `Te laat ${SNEAKY}`, name: null }] : [],
    voters: [{ memberId: 'm2', displayName: `An ${SNEAKY}`, choice: p.kind === 'consent' ? 'object' : 'Vervoer' }],
  };
}

export const round: IdeaRoundRecord = {
  id: 'r1', tenantId: 't1', panelId: 'p1', meetingId: null, question: `Wat maakt de weg naar zorg moeilijk? ${SNEAKY}`,
  description: `Denk aan vervoer ${SNEAKY}`, status: 'open', closesAt: new Date('2026-12-01T18:00:00Z'), createdById: 'm-fac', createdAt: now,
};

export const domains: DomainRecord[] = ['chronic_illness', 'poverty'].map((key, position) => ({
  id: `d-${key}`, panelId: 'p1', key, labels: { nl: `nl ${key}`, fr: `fr ${key}`, en: `en ${key}` }, archived: false, position,
}));

export function contribution(text = `De bus rijdt maar één keer per uur. ${SNEAKY}`): ContributionRecord {
  return {
    id: 'c1', tenantId: 't1', panelId: 'p1', roundId: 'r1', authorId: 'm-self', whatHappens: text, whatIsNeeded: 'Vervoer op maat.', idea: '',
    language: 'nl', attribution: 'named', status: 'live', channel: 'teams', createdAt: now, updatedAt: now, withdrawnAt: null, domainIds: ['d-poverty'],
  };
}

export const backlogItem: BacklogItemRecord = {
  id: 'i1', tenantId: 't1', panelId: 'p1', level: 'action', parentId: 'g1', title: `Vervoer op maat ${SNEAKY}`, description: '', status: 'in_progress',
  owner: 'ELZ', dueDate: null, progress: 40, boardResponse: `We starten in januari. ${SNEAKY}`, respondedAt: now, position: 0, createdAt: now, updatedAt: now, links: [],
};

export function version(status: SummaryVersionRecord['status'] = 'awaiting_consent', quote = `De bus rijdt maar één keer per uur. ${SNEAKY}`, statements = 2): SummaryVersionRecord {
  return {
    id: 'v1', summaryId: 's1', number: 2, contentHash: 'h', language: 'nl', generator: 'offline', promptVersion: null, model: null, status,
    failureReason: status === 'failed' ? 'timeout' : null,
    removals: [{ contributionId: 'c9', reason: 'consent_withdrawn' }, { contributionId: null, reason: 'quote_not_found' }],
    facts: { contributions: 4, contributors: 4, themes: [{ theme: 'Vervoer', contributors: 2 }], domainsRepresented: ['poverty'], domainsMissing: ['chronic_illness', 'gone_domain'] },
    tokensIn: 0, tokensOut: 0, createdAt: now, publishedAt: null,
    statements: Array.from({ length: statements }, (_, i) => ({
      id: `st${i}`, originId: null, position: i, theme: `Vervoer ${SNEAKY}`, text: `Mensen raken moeilijk bij de dokter. ${SNEAKY}`,
      citations: [
        { id: `ci${i}a`, contributionId: 'c1', quote, attributedName: `An ${SNEAKY}`, translation: null },
        { id: `ci${i}b`, contributionId: 'c2', quote: `Je dois choisir. ${SNEAKY}`, attributedName: null, translation: `Ik moet kiezen. ${SNEAKY}` },
      ],
    })),
  };
}

export const review = (v = version()): ConsentReview => ({
  request: { id: 'q1', tenantId: 't1', versionId: v.id, memberId: 'm-self', status: 'pending', comment: null, deadline: null, createdAt: now, respondedAt: null },
  version: v,
  myContributionIds: ['c1'],
});

export const overview: SummaryOverview = {
  summary: { id: 's1', tenantId: 't1', panelId: 'p1', roundId: 'r1', meetingId: null, title: `Weg naar zorg ${SNEAKY}`, createdById: 'm-fac', createdAt: now },
  latest: version(), published: null, consent: { pending: 1, approved: 2, other: 1 },
};

export function home(view: View): MemberHome {
  const open = poll('single');
  return {
    actor: view.actor,
    openPolls: [{ poll: open, myBallot: ballot(open) }, { poll: poll('scale'), myBallot: null }],
    openRounds: [round],
    nextMeeting: { id: 'mt1', tenantId: 't1', panelId: 'p1', title: `Maandelijkse sessie ${SNEAKY}`, scheduledAt: new Date('2026-12-10T18:00:00Z'), agenda: '', decisions: '', status: 'planned', createdById: 'm-fac', currentStep: 0, currentPollId: null },
    myContributions: [contribution()],
    consentRequests: [review()],
    outcomes: [{ contributionId: 'c1', items: [backlogItem] }],
    notifications: [],
  };
}

export const members: MemberRecord[] = (['facilitator', 'expert', 'board', 'admin'] as Role[]).map((role, i) => ({
  id: i === 0 ? 'm-self' : `m${i}`, tenantId: 't1', panelId: 'p1', displayName: `Member ${i} ${SNEAKY}`, role, language: 'nl', pseudonym: `p_${i}`, active: true, erasedAt: null, domainIds: [],
}));
