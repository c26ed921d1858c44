// Erasure deletes the DMs the bot posted to the member in Slack (chat.delete, through the channel
// contract), and records what Slack would not let it delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../../src/core/index.js';
import { eraseMemberEverywhere } from '../../../src/channels/erasure.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { input, SlackPerson } from '../../support/slack-person.js';

describe('erasure in Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let eva: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UEVA', { name: 'Eva', locale: 'nl-BE' });
    fac = new SlackPerson(t, 'UFAC');
    eva = new SlackPerson(t, 'UEVA');
    await fac.command('help');
    await eva.command('help');
    for (const question of ['Eerste vraag?', 'Tweede vraag?', 'Derde vraag?']) {
      const { trigger } = await fac.command('poll');
      await fac.submit(fac.opened(trigger), {
        question: { question: input.text(question) },
        kind: { kind: input.radio('scale') },
        anonymity: { anonymity: input.radio('confidential') },
        resultsVisibility: { resultsVisibility: input.radio('after_close') },
      });
    }
    await t.runtime.flushOutbox();
  });
  afterAll(async () => t?.close());

  it("deletes the member's DMs, records the one Slack refused, and leaves others' DMs alone", async () => {
    const posted = eva.dms();
    expect(posted).toHaveLength(3);
    const facDms = fac.dms().length;
    // Slack refuses one deletion (e.g. the workspace's retention settings forbid it).
    t.api.failNext('chat.delete', { error: 'cant_delete_message' });
    const tenant = await t.app.deps.store.transaction((r) => r.tenants.findBySlug(`slack-${t.api.team.id}`.toLowerCase()));
    const actor = await resolveActor(t.app.deps, { tenantId: tenant!.id, channel: 'slack', externalId: 'UEVA' });

    const result = await eraseMemberEverywhere(t.app.deps, t.app.channels, actor, actor.memberId);

    expect(t.api.calls.filter((c) => c.method === 'chat.delete').map((c) => c.args.channel)).toEqual(['DUEVA', 'DUEVA', 'DUEVA']);
    expect(eva.dms()).toHaveLength(1); // the refused one is still there
    expect(t.api.deleted).toHaveLength(2);
    expect(fac.dms()).toHaveLength(facDms);
    expect(result.undeletedMessages).toEqual([{ channel: 'slack', conversationId: 'DUEVA', messageId: posted[0]!.ts, reason: 'cant_delete_message' }]);
    const audit = await t.app.deps.store.transaction((r) => r.audit.list(tenant!.id, { objectId: result.pseudonym }));
    const recorded = audit.find((a) => a.action === 'member.erasure.messages_undeleted');
    expect(recorded?.details).toMatchObject({ count: 1, reasons: 'cant_delete_message', messages: `slack:DUEVA:${posted[0]!.ts}` });
  });
});
