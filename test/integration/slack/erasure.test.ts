// Erasure deletes the DMs the bot posted to the member in Slack (chat.delete, through the channel
// contract), and records what Slack would not let it delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseMemberEverywhere } from '../../../src/channels/erasure.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { enrol, openScalePolls, SlackPerson } from '../../support/slack-person.js';

describe('erasure in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let eva: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    [fac, eva] = (await enrol(t, [['UFAC', 'Fien', 'nl-BE'], ['UEVA', 'Eva', 'nl-BE']])) as [SlackPerson, SlackPerson];
    await openScalePolls(t, fac, ['Eerste vraag?', 'Tweede vraag?', 'Derde vraag?']);
  });
  afterAll(async () => t?.close());

  it("deletes the member's DMs, records the one Slack refused, and leaves others' DMs alone", async () => {
    const posted = eva.dms();
    expect(posted).toHaveLength(3);
    const facDms = fac.dms().length;
    // Slack refuses one deletion (e.g. the workspace's retention settings forbid it).
    t.api.failNext('chat.delete', { error: 'cant_delete_message' });
    const actor = await eva.actor();

    const result = await eraseMemberEverywhere(t.app.deps, t.app.channels, actor, actor.memberId);

    expect(t.api.calls.filter((c) => c.method === 'chat.delete').map((c) => c.args.channel)).toEqual(['DUEVA', 'DUEVA', 'DUEVA']);
    expect(eva.dms()).toHaveLength(1); // the refused one is still there
    expect(t.api.deleted).toHaveLength(2);
    expect(fac.dms()).toHaveLength(facDms);
    expect(result.undeletedMessages).toEqual([{ channel: 'slack', conversationId: 'DUEVA', messageId: posted[0]!.ts, reason: 'cant_delete_message' }]);
    const audit = await t.app.deps.store.transaction((r) => r.audit.list(actor.tenantId, { objectId: result.pseudonym }));
    const recorded = audit.find((a) => a.action === 'member.erasure.messages_undeleted');
    expect(recorded?.details).toMatchObject({ count: 1, reasons: 'cant_delete_message', messages: `slack:DUEVA:${posted[0]!.ts}` });
  });
});
