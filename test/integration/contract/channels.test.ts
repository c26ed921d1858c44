// The channel contract's first scenario, the same through Slack, Teams and the web channel on both
// databases: a poll past its deadline is closed (by the core's job, as a manual close would) and is
// offered nowhere any more; before its deadline every channel offers it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  closeDuePolls,
  createPoll,
  listWebIdentities,
  NEW_POLL_DEFAULTS,
  resolveActor,
  vote,
  type Actor,
  type ChannelName,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { SlackPerson } from '../../support/slack-person.js';
import { findAction, findActions } from '../../support/slack-requests.js';
import { t as tr } from '../../../src/i18n/index.js';
import { startOutbox } from '../../../src/channels/outbox.js';
import { createLogger } from '../../../src/logger.js';
import { buttonsOf, cardText, teamsUser } from '../../support/teams-client.js';
import { startAllChannels, type AllChannels } from './all-channels.js';

interface ChannelUnderTest {
  name: ChannelName;
  /** What the facilitator's new-poll form pre-selects. */
  pollFormDefaults(): Promise<{ anonymity: string | undefined; resultsVisibility: string | undefined }>;
  facilitator: Actor;
  expert: Actor;
  /** A second expert of the same zone. */
  other: Actor;
  /** The facilitator's "send reminders now", pressed in the channel. */
  remind(): Promise<void>;
  /** Whether the expert's main surface (Home tab, home card, home page) offers to answer this poll. */
  offers(pollId: string): Promise<boolean>;
  /** Whether the poll's results, as the expert opens them, say the poll is closed (and not still open). */
  resultsSayClosed(pollId: string): Promise<boolean>;
  /**
   * Runs what brings the expert their notifications (an outbox round of the channel's own deliverer; the
   * web channel's home page) and returns how many messages the expert's platform received, or for the
   * web, how many of these notifications the home page lists.
   */
  notificationsShown(ids: string[]): Promise<number>;
}

const logger = createLogger('silent');

/** One outbox round through the running channel's own deliverer, outside quiet hours (the app's own are in them). */
async function deliverOnce(t: AllChannels, name: ChannelName): Promise<void> {
  const outbox = startOutbox(t.app.deps, t.app.channels.get(name)!.deliver!, { channel: name, quietHours: { start: '00:00', end: '00:00' }, timeZone: 'UTC', logger, intervalMs: 3_600_000 });
  await outbox.flush();
  await outbox.stop();
}

/** Every element of an Adaptive Card, depth first. */
function elementsOf(node: unknown): { id?: string; value?: string }[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  return [node as { id?: string; value?: string }, ...Object.values(node).flatMap(elementsOf)];
}

async function zoneWith(t: AllChannels, memberName: string): Promise<string> {
  const zone = (await listWebIdentities(t.app.deps)).find((z) => z.members.some((m) => m.displayName === memberName));
  if (!zone) throw new Error(`no zone with ${memberName}`);
  return zone.tenantId;
}

async function slackChannel(t: AllChannels): Promise<ChannelUnderTest> {
  t.slack.api.users.set('UFIEN', { name: 'Fien Slack', locale: 'nl-BE' });
  t.slack.api.users.set('UANNA', { name: 'Anna Slack', locale: 'nl-BE' });
  t.slack.api.users.set('UBEN', { name: 'Ben Slack', locale: 'fr-BE' });
  const fien = new SlackPerson(t.slack, 'UFIEN');
  const anna = new SlackPerson(t.slack, 'UANNA');
  await fien.command('help');
  await anna.command('help');
  await new SlackPerson(t.slack, 'UBEN').command('help');
  const tenantId = await zoneWith(t, 'Anna Slack');
  const as = (externalId: string) => resolveActor(t.app.deps, { tenantId, channel: 'slack', externalId });
  const pollFormDefaults = async () => {
    const { trigger } = await fien.command('poll');
    const form = fien.opened(trigger);
    const initial = (id: string) => (findAction(form.blocks, id).element.initial_option as { value?: string } | undefined)?.value;
    return { anonymity: initial('anonymity'), resultsVisibility: initial('resultsVisibility') };
  };
  const remind = async () => void (await fien.pressInView(await fien.openHome(), 'remind'));
  // The button of a Home tab drawn while the poll was open, pressed after its deadline.
  const resultsSayClosed = async (pollId: string) => {
    const trigger = `trig-${randomUUID()}`;
    const sent = await t.slack.slack.blockAction('UANNA', { action_id: 'poll_open', block_id: 'home', value: pollId }, { view: await anna.openHome() }, {}, { triggerId: trigger });
    expect(sent.status).toBe(200);
    await t.slack.settle();
    const text = JSON.stringify(anna.opened(trigger).blocks);
    return text.includes(tr('nl', 'slack:poll.finalResults')) && !text.includes(tr('nl', 'slack:poll.liveResults'));
  };
  const notificationsShown = async () => {
    const before = t.slack.api.of('chat.postMessage').length;
    await deliverOnce(t, 'slack');
    return t.slack.api.of('chat.postMessage').length - before;
  };
  return { name: 'slack', pollFormDefaults, remind, resultsSayClosed, notificationsShown, facilitator: await as('UFIEN'), expert: await as('UANNA'), other: await as('UBEN'), offers: async (pollId) => findActions((await anna.openHome()).blocks, 'poll_open').some((a) => a.value === pollId) };
}

async function teamsChannel(t: AllChannels): Promise<ChannelUnderTest> {
  const fien = teamsUser('Fien Teams', 'nl-BE');
  const an = teamsUser('An Teams', 'nl-BE');
  const ben = teamsUser('Ben Teams', 'en-GB');
  await t.teams.say(fien, 'start');
  await t.teams.say(an, 'start');
  await t.teams.say(ben, 'start');
  const tenantId = await zoneWith(t, 'An Teams');
  const as = (user: typeof fien) => resolveActor(t.app.deps, { tenantId, channel: 'teams', externalId: user.aadObjectId });
  const pollFormDefaults = async () => {
    const form = await t.teams.press(fien, 'poll.new');
    const initial = (id: string) => elementsOf(form).find((e) => e.id === id)?.value;
    return { anonymity: initial('anonymity'), resultsVisibility: initial('resultsVisibility') };
  };
  const remind = async () => void (await t.teams.press(fien, 'reminders.send'));
  const resultsSayClosed = async (pollId: string) => {
    const text = cardText(await t.teams.press(an, 'poll.results', { pollId }));
    return text.includes(tr('nl', 'teams:results.closed', { date: '' }).split(' ')[0]!) && !text.includes(tr('nl', 'teams:results.stillOpen'));
  };
  const notificationsShown = async () => {
    const before = t.teamsStandIn.sent.length;
    await deliverOnce(t, 'teams');
    return t.teamsStandIn.sent.length - before;
  };
  return { name: 'teams', pollFormDefaults, remind, resultsSayClosed, notificationsShown, facilitator: await as(fien), expert: await as(an), other: await as(ben), offers: async (pollId) => buttonsOf(await t.teams.say(an, 'start'), 'poll.show').some((b) => JSON.stringify(b).includes(pollId)) };
}

async function webChannel(t: AllChannels): Promise<ChannelUnderTest> {
  const [zone] = (await listWebIdentities(t.app.deps)).filter((z) => z.members.some((m) => m.role === 'facilitator' && m.displayName.includes('facilitator')));
  const fac = zone!.members.find((m) => m.role === 'facilitator')!;
  const [expert, other] = zone!.members.filter((m) => m.role === 'expert');
  const login = await fetch(`${t.base}/session`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.base },
    body: `tenant=${zone!.tenantId}&member=${expert!.id}`,
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const as = (id: string) => resolveActor(t.app.deps, { tenantId: zone!.tenantId, channel: 'web', externalId: id });
  const facLogin = await fetch(`${t.base}/session`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.base },
    body: `tenant=${zone!.tenantId}&member=${fac.id}`,
  });
  const facCookie = facLogin.headers.get('set-cookie')!.split(';')[0]!;
  const pollFormDefaults = async () => {
    const page = await (await fetch(`${t.base}/panel`, { headers: { cookie: facCookie } })).text();
    const checked = (name: string) => new RegExp(`name="${name}" value="([a-z_]+)" checked`).exec(page)?.[1];
    return { anonymity: checked('anonymity'), resultsVisibility: checked('resultsVisibility') };
  };
  const remind = async () => {
    const res = await fetch(`${t.base}/panel/reminders`, { method: 'POST', redirect: 'manual', headers: { cookie: facCookie, origin: t.base, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(res.status).toBe(303);
  };
  return {
    name: 'web',
    pollFormDefaults,
    remind,
    facilitator: await as(fac.id),
    expert: await as(expert!.id),
    other: await as(other!.id),
    offers: async (pollId) => (await (await fetch(`${t.base}/home`, { headers: { cookie } })).text()).includes(`action="/polls/${pollId}/vote"`),
    notificationsShown: async (ids) => {
      const page = await (await fetch(`${t.base}/home`, { headers: { cookie } })).text();
      return ids.filter((id) => page.includes(`name="ids" value="${id}"`)).length;
    },
    resultsSayClosed: async (pollId) => {
      const page = await (await fetch(`${t.base}/polls/${pollId}`, { headers: { cookie } })).text();
      return page.includes(`· ${tr('nl', 'web:results.closed', { date: '' })}`) && !page.includes(`· ${tr('nl', 'web:results.open')}`);
    },
  };
}

describe.each(testDatabases())('the channel contract on $name', ({ makeUrl }) => {
  let t: AllChannels;
  let channels: ChannelUnderTest[];

  beforeAll(async () => {
    t = await startAllChannels(await makeUrl());
    channels = [await slackChannel(t), await teamsChannel(t), await webChannel(t)];
    for (const c of channels) await acceptParticipation(t.app.deps, c.expert);
  });
  afterAll(async () => t?.close());

  it("pre-selects the core's new-poll defaults in every channel's form", async () => {
    for (const c of channels) {
      expect(await c.pollFormDefaults(), c.name).toEqual({ anonymity: NEW_POLL_DEFAULTS.anonymity, resultsVisibility: NEW_POLL_DEFAULTS.resultsVisibility });
    }
  });

  it('offers an open poll in every channel, and a poll past its deadline in none', async () => {
    const polls = new Map<ChannelName, string>();
    for (const c of channels) {
      const poll = await createPoll(t.app.deps, c.facilitator, {
        question: `Welk thema eerst (${c.name})?`,
        kind: 'single',
        options: ['Vervoer', 'Wachttijden'],
        anonymity: 'confidential',
        resultsVisibility: 'after_close',
        deadline: new Date(t.clock.now.getTime() + 3_600_000),
      });
      polls.set(c.name, poll.id);
    }
    for (const c of channels) expect(await c.offers(polls.get(c.name)!), c.name).toBe(true);
    for (const c of channels) expect(await c.resultsSayClosed(polls.get(c.name)!), c.name).toBe(false);

    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000);
    // Past the deadline, before the scheduled close ran: closed by the core's rule (status or deadline),
    // though the stored status still says open.
    for (const c of channels) {
      expect(await c.offers(polls.get(c.name)!), c.name).toBe(false);
      expect(await c.resultsSayClosed(polls.get(c.name)!), c.name).toBe(true);
    }
    const closed = await closeDuePolls(t.app.deps);
    expect(closed.map((p) => p.id).sort()).toEqual([...polls.values()].sort());

    for (const c of channels) expect(await c.offers(polls.get(c.name)!), c.name).toBe(false);
  });

  it('reminds, from every channel, only the members an open poll still waits for', async () => {
    const waiting = async (member: Actor) => {
      const all = await t.app.deps.store.transaction((repos) => repos.notifications.listForMember(member.memberId, { limit: 50 }));
      const reminder = all.find((n) => n.kind === 'reminder');
      return reminder ? Number(reminder.payload.polls ?? 0) : 0;
    };
    for (const c of channels) {
      const poll = await createPoll(t.app.deps, c.facilitator, { question: `Hoe tevreden (${c.name})?`, kind: 'scale' });
      await vote(t.app.deps, c.expert, poll.id, { value: 4 });
      await c.remind();
      // The demo zone may have other open polls that both experts left open: this one waits for one of them.
      expect((await waiting(c.other)) - (await waiting(c.expert)), c.name).toBe(1);
      // An experts' poll waits for no facilitator.
      expect(await waiting(c.facilitator), c.name).toBe(0);
    }
  });

  it('settles, in every channel, a notification whose poll, round or request is gone: not sent, not retried, not listed', async () => {
    // 03:00:30 UTC the next day: the app's own outboxes keep their quiet hours (03:00-03:01), so only
    // this test's rounds deliver, and what they send can be counted.
    const quiet = new Date(t.clock.now.getTime() + 86_400_000);
    quiet.setUTCHours(3, 0, 30, 0);
    t.clock.now = quiet;
    const gone = [
      { kind: 'poll_opened', payload: { pollId: 'cgonepoll000000000000000' } },
      { kind: 'round_opened', payload: { roundId: 'cgoneround00000000000000' } },
      { kind: 'consent_requested', payload: { requestId: 'cgonerequest000000000000' } },
    ] as const;
    for (const c of channels) {
      await c.notificationsShown([]); // whatever waited from earlier tests goes out first
      const ids = await t.app.deps.store.transaction(async (repos) => {
        const made = [];
        for (const n of gone) made.push((await repos.notifications.create({ tenantId: c.expert.tenantId, memberId: c.expert.memberId, kind: n.kind, payload: n.payload })).id);
        return made;
      });
      expect(await c.notificationsShown(ids), c.name).toBe(0);
      if (c.name === 'web') continue; // nothing to deliver: the home page lists unread notifications
      const pending = await t.app.deps.store.transaction((repos) => repos.notifications.listUndelivered([c.expert.memberId], 50));
      expect(pending.map((n) => n.id).filter((id) => ids.includes(id)), c.name).toEqual([]);
    }
  });
});
