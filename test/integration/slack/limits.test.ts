// Block Kit limits, escaping of member text, rate limits and paging, seen from what reaches Slack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  privacyNotice,
  resolveActor,
  submitContribution,
  LANGUAGES,
  type ConsentReview,
  type ContributionRecord,
  type IdeaRoundRecord,
  type PollRecord,
  type StatementRecord,
} from '../../../src/core/index.js';
import { DEFAULT_DOMAINS } from '../../../src/core/seed-demo.js';
import { changeModal } from '../../../src/channels/slack/views/consent.js';
import { contributionModal, withdrawModal } from '../../../src/channels/slack/views/contribution.js';
import { pollModal, roundModal } from '../../../src/channels/slack/views/forms.js';
import { privacyFullModal, privacyModal } from '../../../src/channels/slack/views/privacy.js';
import { translator } from '../../../src/channels/slack/i18n.js';
import { splitEscaped, unescapeText } from '../../../src/channels/slack/text.js';
import { consentMessage, consentModal } from '../../../src/channels/slack/views/consent.js';
import { pollMessage, voteModal, type PollView } from '../../../src/channels/slack/views/poll.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { checkBlocks, checkView } from '../../support/slack-blockkit.js';
import { blockText, input, SlackPerson } from '../../support/slack-person.js';
import { findAction, findActions } from '../../support/slack-requests.js';

const tr = translator('nl', 'Europe/Brussels');
const HOSTILE = 'Hallo <!channel> en @here, klik <https://evil.example|www.bank.be> of <@U0BOSS> & co';

function review(statements: number, quotesEach: number, mine: string): ConsentReview {
  const list: StatementRecord[] = Array.from({ length: statements }, (_, s) => ({
    id: `s${s}`,
    originId: null,
    position: s,
    theme: `Thema ${s} ${HOSTILE}`,
    text: `Uitspraak ${s}: ${'lange tekst & meer '.repeat(260)}`, // about 5,000 characters
    citations: Array.from({ length: quotesEach }, (_, c) => ({ id: `c${s}-${c}`, contributionId: s === statements - 1 && c === 0 ? mine : `other-${s}-${c}`, quote: `${HOSTILE} ${'woord '.repeat(300)}`, attributedName: c % 2 ? null : 'Anna <@U1>', translation: null })),
  }));
  return {
    request: { id: 'req-1', tenantId: 't', versionId: 'v', memberId: 'm', status: 'pending', comment: null, deadline: null, createdAt: new Date(), respondedAt: null },
    version: { id: 'v', summaryId: 'sum', number: 3, contentHash: 'h', language: 'nl', generator: 'offline', promptVersion: null, model: null, status: 'awaiting_consent', failureReason: null, removals: [], facts: { contributions: 0, contributors: 0, themes: [], domainsRepresented: [], domainsMissing: [] }, tokensIn: 0, tokensOut: 0, createdAt: new Date(), publishedAt: null, statements: list },
    myContributionIds: [mine],
  } as unknown as ConsentReview;
}

describe('Block Kit limits and escaping (renderers)', () => {
  it('splits long member text over several text objects without losing or changing a character', () => {
    const text = `${'a&b<c> '.repeat(900)}end`;
    const pieces = splitEscaped(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2900);
    expect(pieces.map(unescapeText).join('')).toBe(text);
  });

  it('keeps a consent DM under 50 blocks with the member’s own statement, and pages the whole version', () => {
    const r = review(30, 3, 'mine');
    const dm = consentMessage(tr, r);
    const blocks = checkBlocks(dm.blocks, 'message');
    expect(blockText(blocks)).toContain('Jouw woorden');
    expect(blockText(blocks)).toContain('&lt;!channel&gt;');
    expect(findAction(blocks, 'consent_read').value).toBe('req-1');
    expect(findAction(blocks, 'consent_withdraw').element.confirm).toBeTruthy();
    const first = checkView(consentModal(tr, r, 0));
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    const next = findAction(first.blocks, 'consent_page').value!;
    const pages = Number(/van (\d+)/.exec(blockText(first.blocks))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const last = checkView(consentModal(tr, r, pages - 1));
    expect(findActions(last.blocks, 'consent_page').map((a) => a.value)).toEqual([`req-1:${pages - 2}`]);
    expect(next).toBe('req-1:1');
  });

  it('cuts long poll options visibly at 75 characters and lists them in full above', () => {
    const label = (i: number) => `Optie ${i}: ${'heel lang '.repeat(19)}`.slice(0, 200);
    const poll = { id: 'p1', question: HOSTILE, kind: 'single', anonymity: 'anonymous', resultsVisibility: 'after_close', maxChoices: null, deadline: null, status: 'open', options: Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, position: i, label: label(i) })) } as unknown as PollRecord;
    const view: PollView = { results: { poll, open: true, closedAt: null, visible: false, turnout: 0, eligible: 12, options: [], scale: [], scaleAverage: null, consent: [], objections: [], voters: null }, ballot: null, closed: false };
    const blocks = checkBlocks(pollMessage(tr, view).blocks, 'message');
    const options = findAction(blocks, 'poll_choice').element.options as { text: { text: string } }[];
    expect(options).toHaveLength(10);
    expect(options.every((o) => o.text.text.length <= 75 && o.text.text.endsWith('…'))).toBe(true);
    expect(blockText(blocks)).toContain(label(9).trim().slice(0, 150));
    expect(blockText(blocks)).toContain('De resultaten worden getoond als de stemming sluit.');
  });
});

describe('every modal in every language', () => {
  it('keeps titles and buttons within 24 characters and all blocks within limits', () => {
    for (const lang of LANGUAGES) {
      const l = translator(lang, 'Europe/Brussels');
      const round = { id: 'r1', question: HOSTILE, description: '', status: 'open', closesAt: null } as unknown as IdeaRoundRecord;
      const contribution = { id: 'c1', whatHappens: HOSTILE, whatIsNeeded: '', idea: '', attribution: 'named', domainIds: [], status: 'live', roundId: null } as unknown as ContributionRecord;
      const domains = DEFAULT_DOMAINS.map((d, i) => ({ id: `d${i}`, panelId: 'p', key: d.key, labels: d.labels, archived: false, position: i }));
      const poll = { id: 'p1', question: 'Q', kind: 'consent', anonymity: 'named', resultsVisibility: 'live', maxChoices: null, deadline: null, status: 'open', options: [] } as unknown as PollRecord;
      const views = [
        pollModal(l),
        roundModal(l),
        contributionModal(l, { meta: { r: 'r1' }, round, openRounds: [round], domains, guard: 'x' }),
        contributionModal(l, { meta: {}, round: null, openRounds: [round], domains, current: contribution }),
        withdrawModal(l, [contribution]),
        withdrawModal(l, [contribution], contribution),
        changeModal(l, { q: 'req-1', c: 'D1', t: '1.2' }),
        privacyModal(l, privacyNotice(lang)),
        privacyFullModal(l, privacyNotice(lang)),
        consentModal(l, review(2, 2, 'mine'), 0),
        voteModal(l, { results: { poll, open: true, closedAt: null, visible: true, turnout: 1, eligible: 3, options: [], scale: [], scaleAverage: null, consent: [{ vote: 'object', count: 1 }], objections: [{ reason: HOSTILE, name: 'Eva <!here>' }, { reason: HOSTILE, name: null }], voters: [{ memberId: 'm', displayName: 'Eva <!here>', choice: 'object' }] }, ballot: null, closed: false }),
      ];
      for (const view of views) checkView(view);
    }
  });
});

describe('Slack limits seen through the app', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let eva: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UEVA', { name: 'Eva <!here>', locale: 'nl-NL' });
    fac = new SlackPerson(t, 'UFAC');
    eva = new SlackPerson(t, 'UEVA');
    await fac.command('help');
    await eva.command('help');
  });
  afterAll(async () => t?.close());

  it('waits for Retry-After on a 429 and posts once', async () => {
    t.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await t.slack.event({ type: 'message', channel_type: 'im', channel: eva.dmChannel, user: 'UEVA', text: 'hoi', ts: '2.000001', event_ts: '2.000001' });
    await t.settle();
    const attempts = t.api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === eva.dmChannel);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(eva.dms()).toHaveLength(1);
  });

  it('never lets member text ping a channel or disguise a link', async () => {
    const { trigger } = await fac.command('stemming');
    await fac.submit(fac.opened(trigger), {
      question: { question: input.text(HOSTILE) },
      kind: { kind: input.radio('consent') },
      options: { options: input.text('') },
      anonymity: { anonymity: input.radio('named') },
      resultsVisibility: { resultsVisibility: input.radio('live') },
    });
    const dm = eva.lastDm('poll_submit'); // checkBlocks: no "<" anywhere, no bare @here
    expect(blockText(dm.blocks)).toContain('&lt;!channel&gt;');
    expect(blockText(dm.blocks)).toContain('&lt;https://evil.example|www.bank.be&gt;');
    expect(dm.text).toBe('Een stemming wacht op je antwoord.'); // the notification text carries no member text
    const home = await eva.openHome();
    expect(blockText(home.blocks)).toContain('Dag Eva &lt;!here&gt;');
  });

  it('keeps a long Home tab within 100 blocks and says how much is not shown', async () => {
    const tenant = await t.app.deps.store.transaction((r) => r.tenants.findBySlug(`slack-${t.api.team.id}`.toLowerCase()));
    const actor = await resolveActor(t.app.deps, { tenantId: tenant!.id, channel: 'slack', externalId: 'UEVA' });
    await acceptParticipation(t.app.deps, actor);
    for (let i = 0; i < 60; i += 1) await submitContribution(t.app.deps, actor, { whatHappens: `Ervaring ${i}`, attribution: i % 2 ? 'anonymous' : 'named' });
    const home = await eva.openHome();
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    expect(blockText(home.blocks)).toMatch(/Meer punten die hier niet getoond worden: \d+\./);
  });
});
