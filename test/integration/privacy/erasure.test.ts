import { describe, expect, it } from 'vitest';
import {
  draftSummary,
  editSummary,
  eraseMember,
  linkIdentity,
  listSummaries,
  memberHome,
  myConsentRequests,
  openIdeaRound,
  pollResults,
  requestSupport,
  resolveActor,
  respondToConsent,
  submitContribution,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { makePanel, usePanelHarness } from '../../support/harness.js';
import { dumpDatabase } from './dump.js';
import { panelWithInput, SENTENCES } from './fixtures.js';

const NAME = 'Wendelien Vercauteren';
const SLACK_ID = 'U0WENDELIEN9';
const COMMENT = 'Graag zonder de naam van mijn straat erbij.';
const SECOND = 'Op zondag is er niemand om mijn verband te verversen.';

describe.each(testDatabases())('erasure (art. 17) on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('leaves neither their ids nor any sentence they wrote, only the consent proof under their pseudonym', async () => {
    const { h, p, url } = setup;
    const { deps } = h;
    const e1 = p.member('e1');
    await deps.store.transaction((repos) => repos.members.update(e1.id, { displayName: NAME }));
    const s = await panelWithInput(deps, p);
    const actor = { ...p.actor('e1'), displayName: NAME };
    await linkIdentity(deps, p.actor('admin'), { memberId: e1.id, channel: 'slack', externalId: SLACK_ID });
    await deps.store.transaction((repos) =>
      repos.outbound.record({ tenantId: p.tenant.id, memberId: e1.id, channel: 'slack', conversationId: 'D0WENDELIEN', messageId: '1700000000.000100' }),
    );
    await requestSupport(deps, actor);
    await deps.store.transaction((repos) =>
      repos.llmExchanges.record({ tenantId: p.tenant.id, summaryId: s.published.summaryId, contributionIds: [s.named.id, s.other.id], request: `${SENTENCES.named}\n${SENTENCES.other}`, response: SENTENCES.named, model: 'm', tokensIn: 1, tokensOut: 1 }),
    );
    // A facilitator's statement that repeats e1's words, and a change request e1 wrote.
    await editSummary(deps, p.actor('fac'), s.published.id, [
      { theme: 'Toegang', text: `Iemand schreef: ${SENTENCES.named}`, citations: [{ contributionId: s.named.id, quote: SENTENCES.named }, { contributionId: s.other.id, quote: SENTENCES.other }] },
    ]);
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'En in het weekend?' });
    await submitContribution(deps, actor, { roundId: round.id, whatHappens: SECOND, attribution: 'named' });
    await draftSummary(deps, p.actor('fac'), { roundId: round.id });
    const review = (await myConsentRequests(deps, actor)).find((r) => r.version.statements.some((st) => st.citations.some((c) => c.quote === SECOND)))!;
    await respondToConsent(deps, actor, review.request.id, { decision: 'request_change', comment: COMMENT });

    const before = await dumpDatabase(url);
    for (const trace of [e1.id, SLACK_ID, NAME, SENTENCES.anonymous, SENTENCES.reason, COMMENT, SECOND]) expect(before).toContain(trace);

    const result = await eraseMember(deps, p.actor('admin'), e1.id);
    expect(result.pseudonym).toBe(e1.pseudonym);
    expect(result.outboundMessages).toEqual([expect.objectContaining({ channel: 'slack', conversationId: 'D0WENDELIEN', messageId: '1700000000.000100' })]);
    expect(result.contributions).toBe(3);

    const after = await dumpDatabase(url);
    const gone = [e1.id, SLACK_ID, NAME, SENTENCES.named, SENTENCES.anonymous, SENTENCES.reason, COMMENT, SECOND, s.named.id, s.anonymous.id, 'D0WENDELIEN'];
    for (const trace of gone) expect(after.includes(trace), `still in the database: ${trace}`).toBe(false);
    expect(after).toContain(e1.pseudonym);
    expect(after).toContain(SENTENCES.other); // e2's words stay

    // The summary (edited, so awaiting consent again) was re-issued without e1; e2 is asked about it.
    const [overview] = (await listSummaries(deps, p.actor('fac'))).filter((o) => o.summary.id === s.published.summaryId);
    expect(overview!.latest!.statements.flatMap((st) => st.citations.map((c) => c.quote))).toEqual([SENTENCES.other]);
    expect(overview!.latest!.removals.filter((r) => r.reason === 'erased').every((r) => r.contributionId === null)).toBe(true);
    expect((await myConsentRequests(deps, p.actor('e2'))).some((r) => r.version.id === overview!.latest!.id)).toBe(true);
    // e1's anonymous ballot in the open poll is gone, e2's still counts.
    expect((await pollResults(deps, p.actor('fac'), s.anonymousPoll.id)).turnout).toBe(1);
    // The identity no longer resolves.
    await expect(resolveActor(deps, { tenantId: p.tenant.id, channel: 'slack', externalId: SLACK_ID })).rejects.toMatchObject({ code: 'not_found' });
    const proof = await deps.store.transaction((repos) => repos.consent.listRecords(p.tenant.id, e1.pseudonym));
    expect(proof.at(-1)).toMatchObject({ objectType: 'member_erasure', decision: 'withdrawn' });
  });

  it('only the member or an admin of the zone may erase', async () => {
    const { h, p } = setup;
    await expect(eraseMember(h.deps, p.actor('fac'), p.member('e2').id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(eraseMember(h.deps, p.actor('board'), p.member('e2').id)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makePanel(h.deps, { experts: 1 });
    await expect(eraseMember(h.deps, other.actor('admin'), p.member('e2').id)).rejects.toMatchObject({ code: 'not_found' });
    const self = await eraseMember(h.deps, p.actor('e2'), p.member('e2').id);
    expect(self.pseudonym).toBe(p.member('e2').pseudonym);
  });

  it('re-issues a published summary at once and tells the board that it changed', async () => {
    const { h } = setup;
    const { deps } = h;
    const q = await makePanel(deps, { experts: 2 });
    const s = await panelWithInput(deps, q);
    await eraseMember(deps, q.actor('e1'), q.member('e1').id);
    const [overview] = await listSummaries(deps, q.actor('board'));
    expect(overview!.published!.number).toBe(s.published.number + 1);
    expect(overview!.published!.statements.flatMap((st) => st.citations.map((c) => c.quote))).toEqual([SENTENCES.other]);
    expect((await memberHome(deps, q.actor('board'))).notifications.some((n) => n.kind === 'summary_changed')).toBe(true);
  });
});
