import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBacklogItem,
  DomainError,
  listContributions,
  listSummaries,
  myConsentRequests,
  respondToBacklogItem,
  updateBacklogItem,
} from '../../../src/core/index.js';
import { BOARD_LINK_PURPOSE, verifySignInToken } from '../../../src/web-ui/sign-in-link.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { cardProblems, unsafePlacements } from '../../support/teams-cards.js';
import { button, buttonsOf, cardOf, cardText, choiceValues, personalChat, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn, type Recorded } from '../../support/teams-standin.js';

const AN_TEXT = 'De bus naar het gezondheidscentrum rijdt maar één keer per uur. [klik hier](https://evil.example) <at>Fien</at>';
const logLines: string[] = [];
let standIn: TeamsStandIn;
let t0: TeamsTestApp;

const fien = teamsUser('Fien', 'nl-BE');
const an = teamsUser('An', 'nl-BE');
const benoit = teamsUser('Benoit', 'fr-BE');
const chris = teamsUser('Chris', 'en-GB');
const dirk = teamsUser('Dirk', 'nl-BE');
const bart = teamsUser('Bart', 'nl-BE');

/** The next message (after `from`) to a conversation whose card shows `text`. */
const next = (conversationId: string, text: string, from = 0) =>
  standIn.waitFor((r) => standIn.sent.indexOf(r) >= from && r.conversationId === conversationId && cardText(r.body).includes(text)).then(cardOf);

/** Every Action.OpenUrl address on a card. */
function openUrls(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(openUrls);
  if (!card || typeof card !== 'object') return [];
  const node = card as Record<string, unknown>;
  return [...(node.type === 'Action.OpenUrl' ? [String(node.url)] : []), ...Object.values(node).flatMap(openUrls)];
}

/** Whom a board link signs in (null when it is not a valid sign-in link at the public address). */
function signInOf(link: string): { tenantId: string; memberId: string } | null {
  const url = new URL(link);
  if (`${url.origin}${url.pathname}` !== 'https://stemmen.example.org/auth/link') return null;
  const verified = verifySignInToken(t0.app.deps.secret, BOARD_LINK_PURPOSE, url.searchParams.get('t'), new Date());
  return verified.ok ? { tenantId: verified.claims.tenantId, memberId: verified.claims.memberId } : null;
}

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn, { logger: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) }) });
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('the whole panel cycle from Teams surfaces', () => {
  it('runs enrolment, a poll, the question of the month, a consented summary, the board and feedback', async () => {
    const { client } = t0;
    const nl = (key: string, params?: Record<string, unknown>) => t('nl', key, params);

    // Fien installs the app: the first member of a new zone facilitates it.
    await client.post(client.installed(fien));
    expect(cardText(await next(personalChat(fien), nl('teams:welcome.title')))).toContain(nl('teams:welcome.facilitator'));
    for (const [user, word] of [[an, 'start'], [benoit, 'accueil'], [chris, 'home'], [bart, 'start']] as const) await client.say(user, word);
    // Dirk first writes in the team channel: the channel gets a neutral note, his overview goes to a private chat.
    expect(cardText(await client.say(dirk, 'start', 'channel'))).toContain(nl('teams:channel.sentPrivately'));
    const dirkChat = `a:opened-${dirk.id}`;
    await next(dirkChat, nl('teams:home.title'));
    expect(standIn.sent.find((r) => r.kind === 'create')?.body).toMatchObject({ members: [{ id: dirk.id }], tenantId: standIn.tenantId });

    // Experts take part only after reading and accepting the privacy text (An meets it when she first votes).
    const inDirkChat = (activity: Record<string, unknown>) => ({ ...activity, conversation: { id: dirkChat, conversationType: 'personal', tenantId: standIn.tenantId } });
    for (const user of [benoit, chris, dirk]) {
      const privacy = await client.press(user, 'privacy.show', {}, user === dirk ? { activity: inDirkChat(client.invoke(dirk, 'privacy.show')) } : {});
      const accept = button(privacy, 'participation.accept');
      await client.press(user, 'participation.accept', accept, user === dirk ? { activity: inDirkChat(client.invoke(dirk, 'participation.accept', accept)) } : {});
    }

    // Fien makes Bart a board member.
    const bartId = (await actorOf(bart)).memberId;
    const roles = await client.press(fien, 'members');
    const makeBoard = buttonsOf(roles, 'member.role').find((d) => d.memberId === bartId && d.role === 'board')!;
    expect(cardText(await client.press(fien, 'member.role', makeBoard))).toContain(nl('teams:done.role'));
    // Board members and facilitators open the board pages with a personal sign-in link, made for each card.
    const bartLinks = openUrls(await client.press(bart, 'home'));
    expect(bartLinks).toHaveLength(1);
    expect(signInOf(bartLinks[0]!)).toEqual({ tenantId: (await actorOf(bart)).tenantId, memberId: bartId });
    expect(openUrls(await client.press(bart, 'home'))[0]).not.toBe(bartLinks[0]);
    const fienLinks = openUrls(await client.press(fien, 'facilitator'));
    expect(fienLinks.length).toBeGreaterThan(0);
    for (const link of fienLinks) expect(signInOf(link)?.memberId).toBe((await actorOf(fien)).memberId);
    expect(openUrls(await client.press(an, 'home'))).toEqual([]);

    // A poll: created from a card, announced 1:1 to everyone, in their own language.
    const poll = await client.press(fien, 'poll.create', { question: 'Welk thema eerst?', kind: 'single', anonymity: 'confidential', resultsVisibility: 'after_close', options: 'Vervoer\nWachttijden\nDigitale drempels' });
    expect(cardText(poll)).toContain(nl('teams:done.poll'));
    const pollId = button(poll, 'poll.close').pollId as string;
    // The facilitator's card offers no vote (the poll asks experts); the experts' cards do.
    expect(choiceValues(poll, 'optionIds').size).toBe(0);
    const options = choiceValues(await next(personalChat(an), 'Welk thema eerst?'), 'optionIds');
    for (const user of [chris, bart]) await next(personalChat(user), 'Welk thema eerst?');
    await next(dirkChat, 'Welk thema eerst?');
    expect(cardText(await next(personalChat(benoit), 'Welk thema eerst?'))).toContain(t('fr', 'teams:poll.submit'));

    const notYet = await client.press(an, 'poll.vote', { pollId, optionIds: options.get('Vervoer') });
    expect(cardText(notYet)).toContain(errorMessage('nl', new DomainError('participation_consent_required')));
    const backToPoll = await client.press(an, 'participation.accept', button(notYet, 'participation.accept'));
    expect(cardText(backToPoll)).toContain(nl('teams:done.participating'));
    expect(button(backToPoll, 'poll.vote').pollId).toBe(pollId);
    expect(cardText(await client.press(an, 'poll.vote', { pollId, optionIds: options.get('Vervoer') }))).toContain(nl('teams:poll.yourAnswer'));
    await client.press(benoit, 'poll.vote', { pollId, optionIds: options.get('Wachttijden') });
    await client.press(benoit, 'poll.vote', { pollId, optionIds: options.get('Vervoer') }); // she changes her mind
    expect(cardText(await client.press(chris, 'poll.vote', { pollId }))).toContain(errorMessage('en', new DomainError('invalid_input', { field: 'optionIds' })));
    // A refresh shows each member their own state, and never changes anything.
    expect(cardText(await client.press(chris, 'poll.show', { pollId }, { trigger: 'automatic' }))).toContain(t('en', 'teams:poll.notYet'));
    const sneaky = await (await client.post(client.invoke(chris, 'poll.vote', { pollId, optionIds: options.get('Vervoer') }, { trigger: 'automatic' }))).json();
    expect(sneaky).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    const confirm = await client.press(fien, 'poll.close', { pollId });
    expect(cardText(confirm)).toContain(nl('common:confirm.close_poll.body'));
    const results = await client.press(fien, 'poll.close', { pollId, confirm: 'yes' });
    expect(cardText(results)).toMatch(/2 van de \d+ ervaringsdeskundigen antwoordden\./);
    expect(cardText(results)).toContain('2 (100%)');

    // The question of the month, and contributions in three languages.
    expect(cardText(await client.press(fien, 'round.create', { question: 'Wat maakt de weg naar zorg moeilijk?' }))).toContain(nl('teams:done.round'));
    const form = await next(personalChat(an), 'Wat maakt de weg naar zorg moeilijk?');
    const roundId = button(form, 'contribution.submit').roundId as string;
    const submit = (user: TeamsUser, data: Record<string, unknown>) => client.press(user, 'contribution.submit', { roundId, ...data });
    expect(cardText(await submit(an, { attribution: 'named' }))).toContain(errorMessage('nl', new DomainError('text_empty', { field: 'contribution' })));
    const noChoice = await submit(an, { whatHappens: 'Mijn tekst blijft staan.' });
    expect(cardText(noChoice)).toContain(errorMessage('nl', new DomainError('attribution_required', { field: 'attribution' })));
    expect(cardText(noChoice)).toContain('Mijn tekst blijft staan.'); // what was typed is kept
    expect(cardText(await submit(an, { idea: 'x'.repeat(2001), attribution: 'named' }))).toContain(errorMessage('nl', new DomainError('text_too_long', { field: 'idea', max: 2000 })));
    expect(cardText(await submit(an, { whatHappens: AN_TEXT, whatIsNeeded: 'Vervoer op maat.', domainKeys: 'chronic_illness', attribution: 'named' }))).toContain(nl('teams:done.contributed'));
    await submit(benoit, { whatHappens: "Je dois choisir entre payer le médecin et payer l'électricité.", domainKeys: 'poverty', attribution: 'anonymous' });
    await submit(chris, { whatIsNeeded: 'Someone who explains the forms in plain language.', attribution: 'named' });
    await client.press(dirk, 'contribution.submit', {}, { activity: inDirkChat(client.invoke(dirk, 'contribution.submit', { roundId, idea: 'Do not quote me: the waiting room is far too loud.', attribution: 'no_quote' })) });
    const stored = await listContributions(t0.app.deps, await actorOf(fien), roundId);
    expect(stored).toHaveLength(4); // nothing half-stored from the refused attempts
    expect(stored.find((c) => c.attribution === 'anonymous')?.authorId).toBeNull();

    // A summary; consent requests go 1:1, even when Teams asks us once to slow down (429).
    standIn.failNext(personalChat(chris), 429, '0');
    let mark = standIn.sent.length;
    expect(cardText(await client.press(fien, 'summary.draft', { roundId }))).toContain(nl('teams:done.drafted'));
    const consentTo = (user: TeamsUser, number: number, lang: 'nl' | 'fr' | 'en') => next(personalChat(user), t(lang, 'teams:consent.title', { number }), mark);
    const [anAsk, benoitAsk, chrisAsk] = await Promise.all([consentTo(an, 1, 'nl'), consentTo(benoit, 1, 'fr'), consentTo(chris, 1, 'en')]);
    expect(standIn.sent.filter((r) => r.conversationId === personalChat(chris) && cardText(r.body).includes('version 1'))).toHaveLength(1);
    expect(unsafePlacements(anAsk, 'evil.example')).toEqual([]);
    expect(cardText(anAsk)).toContain(nl('teams:consent.yourWords'));
    const answer = (user: TeamsUser, ask: unknown, decision: string, comment?: string) =>
      client.press(user, 'consent.respond', { ...buttonsOf(ask, 'consent.respond').find((d) => d.decision === decision), ...(comment ? { comment } : {}) });
    expect(cardText(await answer(an, anAsk, 'approve'))).toContain(nl('teams:consent.done.approve'));
    await answer(benoit, benoitAsk, 'approve_anonymous');
    await answer(chris, chrisAsk, 'request_change', 'Please use my words about the forms.');
    const changeAsked = await next(personalChat(fien), nl('common:notification.change_requested'));
    expect(cardText(await client.press(fien, 'summary.answers', button(changeAsked, 'summary.answers')))).toContain('Please use my words about the forms.');
    const v1 = button(await client.press(fien, 'facilitator'), 'summary.show').versionId as string;
    expect(cardText(await client.press(fien, 'summary.publish', { versionId: v1 }))).toContain(errorMessage('nl', new DomainError('consent_missing', { count: 1 })));

    // Chris withdraws his contribution (after a confirm step); the summary is made again, and An's and Benoit's
    // answers carry over, since their own quotes did not change.
    mark = standIn.sent.length;
    const chrisHome = await client.press(chris, 'home');
    const confirmWithdraw = await client.press(chris, 'contribution.withdraw', button(chrisHome, 'contribution.withdraw'));
    expect(cardText(confirmWithdraw)).toContain(t('en', 'common:confirm.withdraw.body'));
    expect(cardText(await client.press(chris, 'contribution.withdraw', button(confirmWithdraw, 'contribution.withdraw')))).toContain(t('en', 'teams:done.withdrawn'));
    expect(await myConsentRequests(t0.app.deps, await actorOf(an))).toEqual([]);
    expect(await myConsentRequests(t0.app.deps, await actorOf(benoit))).toEqual([]);
    const v2 = button(await client.press(fien, 'facilitator'), 'summary.show').versionId as string;
    expect(cardText(await client.press(fien, 'summary.publish', { versionId: v2 }))).toContain(nl('teams:done.published'));
    await next(personalChat(bart), nl('common:notification.summary_published'));

    // The board works on its own pages (here: the same use cases); "you said, we did" reaches the authors in Teams.
    const board = await actorOf(bart);
    const published = (await listSummaries(t0.app.deps, board))[0]!.published!;
    const quotes = published.statements.flatMap((s) => s.citations.map((c) => c.quote)).join(' ');
    expect(quotes).toContain('gezondheidscentrum');
    expect(quotes).toContain('électricité');
    expect(published.statements.flatMap((s) => s.citations).find((c) => c.quote.includes('électricité'))?.attributedName).toBeNull();
    const item = await createBacklogItem(t0.app.deps, board, { level: 'pillar', title: 'Vervoer op maat', statementIds: published.statements.map((s) => s.id) });
    await respondToBacklogItem(t0.app.deps, board, item.id, 'We starten in januari met een vervoersdienst.');
    await client.say(an, 'start'); // any turn delivers what is waiting
    expect(cardText(await next(personalChat(an), 'We starten in januari'))).toContain(nl('teams:outcomes.title'));
    // Benoit wrote anonymously: the core still finds him (by his author key) to tell him, in French.
    expect(cardText(await next(personalChat(benoit), 'We starten in januari'))).toContain(t('fr', 'teams:outcomes.title'));
    // A status change comes with its own title and says the new status, in the member's language.
    await updateBacklogItem(t0.app.deps, board, item.id, { status: 'planned' });
    await client.say(benoit, 'accueil');
    const changed = await next(personalChat(benoit), 'Une action à laquelle vous avez contribué a changé');
    expect(cardText(changed)).toContain(t('fr', 'common:notification.item_status_changed', { status: t('fr', 'common:backlogStatus.planned') }));
    expect(cardText(changed)).not.toContain(t('fr', 'common:notification.input_outcome'));

    // Reminders for what still waits (a new open poll), never twice.
    await client.press(fien, 'poll.create', { question: 'Maandag of woensdag?', kind: 'single', anonymity: 'anonymous', resultsVisibility: 'live', options: 'Maandag\nWoensdag' });
    expect(cardText(await client.press(fien, 'reminders.send'))).toMatch(/herinnering/);
    expect(cardText(await next(personalChat(chris), 'A friendly reminder'))).toContain(t('en', 'teams:home.title'));
  });

  it('sends only cards Microsoft’s parser accepts, within Teams’ size limit, and records them for erasure', async () => {
    const messages = standIn.sent.filter((r: Recorded) => Array.isArray(r.body.attachments));
    expect(messages.length).toBeGreaterThan(30);
    for (const card of [...messages.map(cardOf), ...t0.client.seen]) expect(cardProblems(card)).toEqual([]);
    for (const r of messages) expect(JSON.stringify(r.body).length * 2).toBeLessThan(100 * 1024);
    const anId = (await actorOf(an)).memberId;
    const recorded = await t0.app.deps.store.transaction((repos) => repos.outbound.listByMember(anId));
    expect(recorded.length).toBeGreaterThan(3);
    expect(recorded.every((m) => m.channel === 'teams' && m.messageId !== '')).toBe(true);
  });

  it('logs ids and codes, never what people wrote or their names', () => {
    const logs = logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['gezondheidscentrum', 'électricité', 'explains the forms', 'Fien', 'Benoit', 'Welk thema']) expect(logs).not.toContain(secret);
  });
});
