import { describe, expect, it } from 'vitest';
import { exportMember, exportMyData } from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { SENTENCES, usePanelWithInput } from './fixtures.js';

describe.each(testDatabases())('a copy of one\'s data (art. 20) on $name', ({ makeUrl }) => {
  const setup = usePanelWithInput(makeUrl);

  it('gives the member everything about them as JSON, anonymous input included, and nobody else\'s words', async () => {
    const { h, p, s } = setup;
    const data = await exportMyData(h.deps, p.actor('e1'));
    const json = JSON.parse(JSON.stringify(data)) as typeof data;
    expect(json.format).toBe('stemmen-member-export');
    expect(json.member).toMatchObject({ id: p.member('e1').id, pseudonym: p.member('e1').pseudonym });
    expect(json.contributions.map((c) => c.id).sort()).toEqual([s.named.id, s.anonymous.id].sort());
    expect(json.contributions.find((c) => c.id === s.anonymous.id)?.attribution).toBe('anonymous');
    expect(json.ballots.map((b) => b.pollId).sort()).toEqual([s.namedPoll.id, s.anonymousPoll.id].sort());
    expect(json.ballots.find((b) => b.pollId === s.namedPoll.id)).toMatchObject({ reason: SENTENCES.reason, reasonAttribution: 'named' });
    expect(json.quotes.map((q) => q.quote).sort()).toEqual([SENTENCES.named, SENTENCES.anonymous].sort());
    expect(json.actionPlanLinks[0]?.title).toBe('Grotere wachtzaal huisartsenpost');
    expect(json.consentRecords.some((r) => r.purpose === 'summary_quote' && r.decision === 'granted')).toBe(true);
    expect(json.participation.state).toBe('accepted');
    expect(json.identities).toEqual([{ channel: 'web', externalId: p.member('e1').id }]);
    expect(JSON.stringify(json)).not.toContain(SENTENCES.other);
    expect(JSON.stringify(json)).not.toContain(p.member('e2').id);
  });

  it('lets an admin export for a member (audited), and nobody else', async () => {
    const { h, p, s } = setup;
    const data = await exportMember(h.deps, p.actor('admin'), p.member('e2').id);
    expect(data.contributions.map((c) => c.id)).toEqual([s.other.id]);
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id, { actorId: p.member('admin').id }));
    expect(audit.some((e) => e.action === 'identifiable.exported' && e.objectId === p.member('e2').id)).toBe(true);
    await expect(exportMember(h.deps, p.actor('fac'), p.member('e2').id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportMember(h.deps, p.actor('board'), p.member('e2').id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
