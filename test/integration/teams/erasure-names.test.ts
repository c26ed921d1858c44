// Teams under the channel contract: a member's display name follows what Teams shows (the install event
// names nobody), and erasure deletes the bot's activities in their personal chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eraseMemberEverywhere } from '../../../src/channels/erasure.js';
import { t } from '../../../src/i18n/index.js';
import { cardText, personalChat, startTeamsApp, teamsActor, type TeamsTestApp, teamsUser, type TeamsUser } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;

const actorOf = (user: TeamsUser) => teamsActor(t0.app, user);

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('Teams under the channel contract', () => {
  const fien = teamsUser('Fien', 'nl-BE');
  const an = teamsUser('An', 'nl-BE');

  it('greets a member enrolled by the install event by name once Teams names them', async () => {
    const { client } = t0;
    // Teams' installationUpdate often carries no name for the installer.
    const install = client.installed(fien);
    (install.from as { name?: string }).name = undefined;
    await client.post(install);
    await standIn.waitFor((r) => r.conversationId === personalChat(fien) && cardText(r.body).includes(t('nl', 'teams:welcome.title')));
    expect((await actorOf(fien)).displayName).toBe('Member');

    await client.say(fien, 'start');
    expect((await actorOf(fien)).displayName).toBe('Fien');
    // A later activity with a changed name (renamed in Entra) follows it too; one without a name keeps it.
    await client.say({ ...fien, name: 'Fien Peeters' }, 'start');
    expect((await actorOf(fien)).displayName).toBe('Fien Peeters');
    await client.say({ ...fien, name: '' }, 'start');
    expect((await actorOf(fien)).displayName).toBe('Fien Peeters');
  });

  it("erasure deletes the bot's activities in the member's chat; one already gone counts as deleted", async () => {
    const { client } = t0;
    await client.say(an, 'start');
    await client.say(an, 'help');
    const chat = personalChat(an);
    const posted = [...(standIn.activities.get(chat) ?? [])];
    expect(posted.length).toBeGreaterThanOrEqual(2);
    // An deleted the first one in Teams herself.
    standIn.activities.get(chat)!.delete(posted[0]!);
    const fienChat = standIn.activities.get(personalChat(fien))!.size;
    const actor = await actorOf(an);

    const result = await eraseMemberEverywhere(t0.app.deps, t0.app.channels, actor, actor.memberId);

    expect(result.undeletedMessages).toEqual([]);
    expect(standIn.activities.get(chat)?.size).toBe(0);
    const deletes = standIn.sent.filter((r) => r.kind === 'delete');
    expect(deletes.map((r) => r.conversationId)).toEqual(posted.slice(1).map(() => chat));
    expect(deletes.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
    expect(standIn.activities.get(personalChat(fien))!.size).toBe(fienChat);
  });
});
