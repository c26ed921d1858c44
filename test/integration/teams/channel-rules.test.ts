import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  listContributions,
  listWebIdentities,
  myContributions,
} from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t } from '../../../src/i18n/index.js';
import { APP_ID, button, buttonsOf, cardOf, cardText, CHANNEL_ID, personalChat, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;
const fien = teamsUser('Fien', 'nl-BE');
const eva = teamsUser('Eva', 'nl-BE');
const jean = teamsUser('Jean', 'fr-FR');

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

const countTo = (conversationId: string) => standIn.sent.filter((r) => r.conversationId === conversationId).length;

/** Any turn runs the outbox; this waits for what it delivers to a conversation. */
const next = (conversationId: string, text: string, from = 0) =>
  standIn.waitFor((r) => standIn.sent.indexOf(r) >= from && r.conversationId === conversationId && cardText(r.body).includes(text)).then(cardOf);

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
  const { client } = t0;
  await client.say(fien, 'start'); // first member: facilitator
  for (const user of [eva, jean]) {
    await client.say(user, 'start');
    await client.press(user, 'participation.accept', button(await client.press(user, 'privacy.show'), 'participation.accept'));
  }
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('Teams: the same rules as every channel', () => {
  it('handles a redelivered activity once', async () => {
    const { client } = t0;
    const message = client.message(eva, 'hulp');
    const before = countTo(personalChat(eva));
    expect((await client.post(message)).status).toBe(200);
    expect((await client.post(message)).status).toBe(200);
    await client.say(eva, 'start'); // a later message is answered, so the duplicate had its chance
    expect(countTo(personalChat(eva))).toBe(before + 2);

    const round = await client.press(fien, 'round.create', { question: 'Hoe raak je bij de huisarts?' });
    expect(cardText(round)).toContain(t('nl', 'teams:done.round'));
    const roundId = button(await client.press(eva, 'home'), 'round.contribute').roundId;
    const submit = client.invoke(eva, 'contribution.submit', { roundId, idea: 'Een buurtbus.', attribution: 'anonymous' });
    await client.press(eva, 'contribution.submit', {}, { activity: submit });
    const again = await client.press(eva, 'contribution.submit', {}, { activity: submit });
    expect(cardText(again)).toContain(t('nl', 'teams:card.duplicate'));
    expect(await myContributions(t0.app.deps, await actorOf(eva))).toHaveLength(1);
    expect((await listContributions(t0.app.deps, await actorOf(fien))).every((c) => c.authorId === null)).toBe(true);
  });

  it('posts a poll created in a channel to the channel, seen as a member sees it, and personalised by refresh', async () => {
    const { client } = t0;
    const mark = standIn.sent.length;
    const own = await client.press(fien, 'poll.create', { question: 'Dinsdag of donderdag?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: 'Dinsdag\nDonderdag' }, { scope: 'channel' });
    expect(buttonsOf(own, 'poll.close')).toHaveLength(1); // the facilitator's own view
    const posted = await next(CHANNEL_ID, 'Dinsdag of donderdag?', mark);
    expect(buttonsOf(posted, 'poll.close')).toHaveLength(0); // what everyone in the channel sees first
    expect(JSON.stringify(posted)).not.toContain('/auth/link'); // never anyone's personal sign-in link
    expect(posted.refresh).toMatchObject({ action: { verb: 'poll.show' } });
    const pollId = button(posted, 'poll.vote').pollId;
    const jeanView = await client.press(jean, 'poll.show', { pollId }, { scope: 'channel', trigger: 'automatic' });
    expect(cardText(jeanView)).toContain(t('fr', 'teams:poll.notYet'));
    // Someone who never used the bot only sees the card as posted: a refresh enrols nobody.
    const stranger = teamsUser('Stranger', 'en-US');
    const kept = await (await client.post(client.invoke(stranger, 'poll.show', { pollId }, { scope: 'channel', trigger: 'automatic' }))).json();
    expect(kept).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect((await listWebIdentities(t0.app.deps))[0]!.members.map((m) => m.displayName)).not.toContain('Stranger');
  });

  it('answers an unknown button with a 400 in the member’s language', async () => {
    const res = await t0.client.post(t0.client.invoke(jean, 'drop.tables'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; value: { message: string } };
    expect(body.statusCode).toBe(400);
    expect(body.value.message).toBe(errorMessage('fr', new DomainError('invalid_input', { field: 'verb' })));
  });

  it('refuses details we may not keep, and redacts them only when the member ticks it', async () => {
    const { client } = t0;
    const roundId = button(await client.press(jean, 'home'), 'round.contribute').roundId;
    const story = 'Appelez-moi au 0470 12 34 56 pour en parler.';
    const refused = await client.press(jean, 'contribution.submit', { roundId, whatHappens: story, attribution: 'named' });
    expect(cardText(refused)).toContain(t('fr', 'privacy:category.phone'));
    expect(cardText(refused)).toContain(t('fr', 'privacy:guard.redact'));
    const before = (await myContributions(t0.app.deps, await actorOf(jean))).length;
    expect(before).toBe(0); // nothing stored
    await client.press(jean, 'contribution.submit', { roundId, whatHappens: story, attribution: 'named', redact: 'true' });
    const [stored] = await myContributions(t0.app.deps, await actorOf(jean));
    expect(stored?.whatHappens).toContain('Appelez-moi');
    expect(stored?.whatHappens).not.toContain('0470');
  });

  it('switches language on request and keeps it', async () => {
    const { client } = t0;
    expect(cardText(await client.say(eva, 'taal en'))).toContain(t('en', 'teams:done.language'));
    expect(cardText(await client.say(eva, 'help'))).toContain(t('en', 'teams:help.title'));
  });

  it('lets an expert ask for support privately; only facilitators see who asked', async () => {
    const { client } = t0;
    const mark = standIn.sent.length;
    expect(cardText(await client.press(jean, 'support.request'))).toContain(t('fr', 'privacy:done.support_requested'));
    const told = await next(personalChat(fien), t('nl', 'common:notification.support_requested'), mark);
    expect(cardText(told)).not.toContain('Jean');
    const list = await client.press(fien, 'support.list');
    expect(cardText(list)).toContain('Jean');
    expect(cardText(await client.press(fien, 'support.handled', button(list, 'support.handled')))).toContain(t('nl', 'privacy:support.none'));
    expect(cardText(await client.press(jean, 'support.list'))).toContain(t('fr', 'errors:forbidden'));
  });

  it('withdraws participation and all input in one step', async () => {
    const { client } = t0;
    const privacy = await client.press(eva, 'privacy.show');
    // The first press asks to confirm and changes nothing; only "yes" withdraws.
    const confirm = await client.press(eva, 'participation.withdraw', button(privacy, 'participation.withdraw'));
    expect(cardText(confirm)).toContain(t('en', 'common:confirm.withdraw_participation.body'));
    expect((await myContributions(t0.app.deps, await actorOf(eva))).some((c) => c.status === 'live')).toBe(true);
    const withdrawn = await client.press(eva, 'participation.withdraw', button(confirm, 'participation.withdraw'));
    expect(cardText(withdrawn)).toContain(t('en', 'privacy:done.withdrawn'));
    expect((await myContributions(t0.app.deps, await actorOf(eva))).every((c) => c.status === 'withdrawn')).toBe(true);
    expect(buttonsOf(withdrawn, 'participation.accept')).toHaveLength(1); // agreeing again stays possible
  });

  it('keeps a message that Teams keeps refusing (429) and delivers it on a later round, once', async () => {
    const { client } = t0;
    standIn.failNext(personalChat(jean), 429, '0', 4); // more than one round of back-off
    const mark = standIn.sent.length;
    await client.press(fien, 'poll.create', { question: 'Zaterdag ook?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: 'Ja\nNee' });
    await next(personalChat(eva), 'Zaterdag ook?', mark); // the round ran; Jean's message failed four times
    await client.say(fien, 'start'); // the next round
    await next(personalChat(jean), 'Zaterdag ook?', mark);
    expect(standIn.sent.filter((r) => r.conversationId === personalChat(jean) && cardText(r.body).includes('Zaterdag ook?'))).toHaveLength(1);
  });

  it('greets an installation once, even when Teams announces it twice', async () => {
    const { client } = t0;
    const gert = teamsUser('Gert', 'nl-BE');
    await client.post(client.installed(gert));
    await client.post(client.activity(gert, 'conversationUpdate', 'personal', { membersAdded: [{ id: `28:${APP_ID}` }] }));
    await client.say(gert, 'start');
    expect(standIn.sent.filter((r) => r.conversationId === personalChat(gert) && cardText(r.body).includes(t('nl', 'teams:welcome.title')))).toHaveLength(1);
  });
});
