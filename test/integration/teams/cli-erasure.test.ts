// Erasure from the operator's command line deletes the bot's Teams activities to the member with the
// channel's own erasure code (delete activity through the Agents SDK).
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWebIdentities, resolveActor } from '../../../src/core/index.js';
import { openMessageErasers } from '../../../src/cli/erasers.js';
import { runCli } from '../../../src/cli/run.js';
import { personalChat, startTeamsApp, teamsUser, type TeamsTestApp } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

let standIn: TeamsStandIn;
let t0: TeamsTestApp;

beforeAll(async () => {
  standIn = await TeamsStandIn.start();
  t0 = await startTeamsApp(standIn);
});
afterAll(async () => {
  await t0?.app.close();
  await standIn?.close();
});

describe('npm run cli -- erase-member, with Teams configured', () => {
  it("deletes the bot's activities in the member's chat", async () => {
    const an = teamsUser('An', 'nl-BE');
    const fien = teamsUser('Fien', 'nl-BE');
    await t0.client.say(fien, 'start');
    await t0.client.say(an, 'start');
    await t0.client.say(an, 'help');
    const chat = personalChat(an);
    const posted = standIn.activities.get(chat)?.size ?? 0;
    expect(posted).toBeGreaterThanOrEqual(2);
    const fienChat = standIn.activities.get(personalChat(fien))!.size;
    const [zone] = await listWebIdentities(t0.app.deps);
    const { memberId } = await resolveActor(t0.app.deps, { tenantId: zone!.tenantId, channel: 'teams', externalId: an.aadObjectId });

    const out: string[] = [];
    const err: string[] = [];
    const open = async () => ({ deps: t0.app.deps, close: async () => undefined, erasers: () => openMessageErasers(t0.app.deps, t0.app.config, pino({ level: 'silent' })) });
    expect(await runCli(['erase-member', memberId, '--yes'], { out: (t) => void out.push(t), err: (t) => void err.push(t), stdin: async () => '' }, open)).toBe(0);

    expect(standIn.activities.get(chat)?.size).toBe(0);
    expect(standIn.activities.get(personalChat(fien))!.size).toBe(fienChat);
    expect(JSON.parse(out.join(''))).toMatchObject({ deletedMessages: posted, undeletedMessages: [] });
    expect(err.join('')).toBe('');
  });
});
