import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, type Role } from '../../../src/core/index.js';
import { consentAnswered, consentCard } from '../../../src/channels/teams/cards/consent.js';
import { contributionForm, contributionSaved, outcomesCard } from '../../../src/channels/teams/cards/contribution.js';
import type { AdaptiveCard } from '../../../src/channels/teams/cards/elements.js';
import { facilitatorCard, membersCard, pollForm, roundForm } from '../../../src/channels/teams/cards/facilitator.js';
import { fitCard, MESSAGE_BUDGET_BYTES, utf16Bytes } from '../../../src/channels/teams/cards/fit.js';
import { helpCard, noticeCard, sentPrivately, welcomeCard } from '../../../src/channels/teams/cards/help.js';
import { homeCard } from '../../../src/channels/teams/cards/home.js';
import { pollCard, resultsCard } from '../../../src/channels/teams/cards/poll.js';
import { privacyCard, supportListCard } from '../../../src/channels/teams/cards/privacy.js';
import { privacyNotice } from '../../../src/core/index.js';
import { answersCard, versionCard } from '../../../src/channels/teams/cards/summary.js';
import { cardProblems, unsafePlacements } from '../../support/teams-cards.js';
import { cardText } from '../../support/teams-client.js';
import * as f from './fixtures.js';

const problem = { kind: 'attention' as const, message: 'Something is not right.' };
const good = { kind: 'good' as const, message: 'Saved.' };

/** Every card the bot can send, for one viewer, in every state worth showing. */
function everyCard(role: Role, language: Language): [string, AdaptiveCard][] {
  const view = f.viewOf(role, language);
  const cards: [string, AdaptiveCard][] = [
    ['home', homeCard(view, f.home(view), good)],
    ['home-empty', homeCard(view, { ...f.home(view), openPolls: [], openRounds: [], myContributions: [], consentRequests: [], outcomes: [], nextMeeting: null })],
    ['help', helpCard(view, problem)],
    ['welcome', welcomeCard(view.t, { facilitator: role === 'facilitator' })],
    ['notice', noticeCard(view, good)],
    ['sent-privately', sentPrivately(view)],
    ['contribute', contributionForm(view, f.round, f.domains, problem, { whatHappens: 'typed', attribution: 'anonymous', domainKeys: 'poverty' })],
    ['contribute-guard', contributionForm(view, f.round, f.domains, { ...problem, code: 'sensitive_data_found' }, { redact: 'true' })],
    ['support-list', supportListCard(view, [{ id: 's1', tenantId: 't1', memberId: 'm2', channel: 'teams', createdAt: new Date(), handledAt: null, handledById: null, displayName: `Jean ${f.SNEAKY}`, language: 'fr' }], good)],
    ['support-none', supportListCard(view, [])],
    ['contribution-saved', contributionSaved(view, f.contribution(), good)],
    ['outcomes', outcomesCard(view, [{ contributionId: 'c1', items: [f.backlogItem, { ...f.backlogItem, id: 'i2', boardResponse: '' }] }], [f.contribution()])],
    ['outcomes-none', outcomesCard(view, [], [])],
    ['consent', consentCard(view, f.review(), problem, 'typed comment')],
    ['consent-answered', consentAnswered(view, good)],
    ['facilitator', facilitatorCard(view, { polls: [{ poll: f.poll('single'), open: true, canClose: true }], rounds: [{ round: f.round, open: true, canClose: true }, { round: { ...f.round, id: 'r2', status: 'closed' }, open: false, canClose: false }], summaries: [f.overview], openChanges: new Map([['s1', 2]]) }, good)],
    ['poll-form', pollForm(view, problem, { question: 'q', kind: 'multiple', options: 'a\nb' })],
    ['round-form', roundForm(view, problem, { question: 'q' })],
    ['members', membersCard(view, f.members, good)],
    ['version', versionCard(view, f.version(), f.overview, f.domains, good, [
      { requestId: 'q1', versionNumber: 1, displayName: `An ${f.SNEAKY}`, comment: `Andere woorden ${f.SNEAKY}`, respondedAt: new Date() },
      { requestId: 'q2', versionNumber: 2, displayName: `Jean ${f.SNEAKY}`, comment: null, respondedAt: new Date() },
    ])],
    ['answers', answersCard(view, 'v1', [
      { requestId: 'q1', memberId: 'm2', displayName: `An ${f.SNEAKY}`, status: 'change_requested', comment: `Andere woorden ${f.SNEAKY}`, respondedAt: new Date(), anonymousAuthor: false },
      { requestId: 'q2', memberId: '', displayName: '', status: 'approved_anonymous', comment: null, respondedAt: null, anonymousAuthor: true },
    ])],
    ['answers-none', answersCard(view, 'v1', [])],
    ['version-failed', versionCard(view, f.version('failed', '', 0), undefined, f.domains)],
    ['version-published', versionCard(view, f.version('published'), { ...f.overview, latest: { ...f.version(), id: 'v2' } }, f.domains)],
  ];
  for (const state of ['none', 'accepted', 'outdated', 'refused', 'withdrawn'] as const) {
    const status = { state, version: '2026-11.1', acceptedAt: state === 'accepted' ? new Date() : null, currentVersion: '2026-11.1', grantId: null };
    cards.push([`privacy-${state}`, privacyCard(view, privacyNotice(language), status, { problem, next: { verb: 'poll.show', data: { pollId: 'p1' } } })]);
  }
  for (const kind of ['single', 'multiple', 'scale', 'consent'] as const) {
    const open = f.poll(kind);
    const closed = f.poll(kind, 'closed');
    const screen = (poll: typeof open, ballot: ReturnType<typeof f.ballot> | null) => ({
      results: f.results(poll),
      ballot,
      closed: poll.status === 'closed',
      canVote: poll.status === 'open',
      canClose: poll.status === 'open' && role === 'facilitator',
    });
    cards.push([`poll-${kind}`, pollCard(view, screen(open, null))], [`poll-${kind}-voted`, pollCard(view, screen(open, f.ballot(open)), good, { reason: 'typed' })]);
    cards.push([`poll-${kind}-closed`, pollCard(view, screen(closed, f.ballot(open)))], [`results-${kind}`, resultsCard(view, f.results(open), good)]);
    cards.push([`results-${kind}-hidden`, resultsCard(view, { ...f.results(open), visible: false, voters: null })]);
  }
  return cards;
}

describe('every Teams card', () => {
  for (const language of LANGUAGES) {
    for (const role of ['expert', 'facilitator'] as const) {
      it(`parses with Microsoft's adaptivecards package without errors (${role}, ${language})`, () => {
        for (const [name, card] of everyCard(role, language)) {
          expect(card.version, name).toBe('1.5');
          expect(cardProblems(card), `${name} (${language})`).toEqual([]);
          expect(utf16Bytes(card), name).toBeLessThan(MESSAGE_BUDGET_BYTES);
        }
      });
    }
  }

  it('shows person-written text only literally: never as Markdown, a link or a mention', () => {
    for (const [name, card] of everyCard('facilitator', 'nl')) {
      expect(unsafePlacements(card, 'evil.example'), name).toEqual([]);
      expect(JSON.stringify(card), name).not.toContain('"mention"');
      expect(JSON.stringify(card), name).not.toContain('\u202E'); // right-to-left override removed
    }
  });

  it('offers withdrawal on the privacy card whenever the member agreed, also to a text that changed since', () => {
    const view = f.viewOf('expert', 'en');
    const verbs = (state: 'none' | 'accepted' | 'outdated' | 'withdrawn') => {
      const status = { state, version: '2020-01.1', acceptedAt: state === 'accepted' ? new Date() : null, currentVersion: '2026-11.1', grantId: null };
      const json = JSON.stringify(privacyCard(view, privacyNotice('en'), status));
      return ['participation.accept', 'participation.withdraw', 'input.withdrawAll'].filter((verb) => json.includes(`"verb":"${verb}"`));
    };
    expect(verbs('none')).toEqual(['participation.accept']);
    expect(verbs('accepted')).toEqual(['participation.withdraw', 'input.withdrawAll']);
    expect(verbs('outdated')).toEqual(['participation.accept', 'participation.withdraw', 'input.withdrawAll']);
    expect(verbs('withdrawn')).toEqual(['participation.accept']);
  });

  it('speaks the member’s language', () => {
    const text = (language: Language) => cardText(homeCard(f.viewOf('expert', language), f.home(f.viewOf('expert', language))));
    expect(text('nl')).toContain('Mijn overzicht');
    expect(text('fr')).toContain('Mon aperçu');
    expect(text('en')).toContain('My overview');
  });

  it('gives every form a refresh-free body and every view a refresh, so forms keep what was typed', () => {
    const cards = Object.fromEntries(everyCard('facilitator', 'en'));
    for (const form of ['contribute', 'poll-form', 'round-form']) expect(cards[form]!.refresh, form).toBeUndefined();
    for (const view of ['home', 'poll-single', 'results-single', 'consent', 'version', 'outcomes']) expect(cards[view]!.refresh?.action.verb, view).toBeTruthy();
  });

  it('shortens a card that would pass Teams’ size limit, keeps the buttons, says so, and still parses', () => {
    const long = 'Een heel lang verhaal over de weg naar de dokter. '.repeat(40); // about 2000 characters
    const big = f.version('awaiting_consent', long, 60);
    const view = f.viewOf('expert', 'nl');
    const card = consentCard(view, f.review(big));
    expect(utf16Bytes(card)).toBeGreaterThan(MESSAGE_BUDGET_BYTES);
    const fitted = fitCard(card, view.t('teams:card.shortened'));
    expect(utf16Bytes(fitted)).toBeLessThanOrEqual(MESSAGE_BUDGET_BYTES);
    expect(fitted.actions).toEqual(card.actions);
    expect(cardText(fitted)).toContain(view.t('teams:card.shortened'));
    expect(cardProblems(fitted)).toEqual([]);
    expect(fitCard(f.review() && consentCard(view, f.review()), 'x')).toEqual(consentCard(view, f.review())); // small cards are untouched
  });
});
