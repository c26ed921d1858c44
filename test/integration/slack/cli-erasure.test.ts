// Erasure from the operator's command line deletes the bot's Slack DMs to the member with the channel's own
// erasure code (chat.delete with the workspace's token), as an erasure from a channel does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openMessageErasers } from '../../../src/cli/erasers.js';
import { runCli } from '../../../src/cli/run.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { enrol, openScalePolls, SlackPerson } from '../../support/slack-person.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdin: async () => '' } };
}

describe('npm run cli -- erase-member, with Slack configured', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let eva: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    [fac, eva] = (await enrol(t, [['UFAC', 'Fien', 'nl-BE'], ['UEVA', 'Eva', 'nl-BE']])) as [SlackPerson, SlackPerson];
    await openScalePolls(t, fac, ['Eerste vraag?', 'Tweede vraag?', 'Derde vraag?']);
  });
  afterAll(async () => t?.close());

  it("deletes the member's DMs through the Slack channel's erasure code and reports what Slack refused", async () => {
    const posted = eva.dms();
    expect(posted).toHaveLength(3);
    const facDms = fac.dms().length;
    const { memberId, tenantId } = await eva.actor();
    t.api.failNext('chat.delete', { error: 'cant_delete_message' });

    const run = io();
    const open = async () => ({
      deps: t.app.deps,
      close: async () => undefined,
      erasers: () => openMessageErasers(t.app.deps, t.app.config, pino({ level: 'silent' })),
    });
    expect(await runCli(['erase-member', memberId, '--yes'], run.io, open)).toBe(0);

    expect(t.api.calls.filter((c) => c.method === 'chat.delete').map((c) => c.args.channel)).toEqual(['DUEVA', 'DUEVA', 'DUEVA']);
    expect(eva.dms()).toHaveLength(1);
    expect(fac.dms()).toHaveLength(facDms);
    const printed = JSON.parse(run.out.join('')) as { deletedMessages: number; undeletedMessages: unknown[]; pseudonym: string };
    expect(printed.deletedMessages).toBe(2);
    expect(printed.undeletedMessages).toEqual([{ channel: 'slack', conversationId: 'DUEVA', messageId: posted[0]!.ts, reason: 'cant_delete_message' }]);
    expect(run.err.join('')).toContain('1 message(s) could not be deleted on their platform');
    expect(run.err.join('')).not.toContain('not configured');
    const audit = await t.app.deps.store.transaction((r) => r.audit.list(tenantId, { objectId: printed.pseudonym }));
    expect(audit.find((a) => a.action === 'member.erasure.messages_undeleted')?.details).toMatchObject({ count: 1, reasons: 'cant_delete_message' });
  });
});
