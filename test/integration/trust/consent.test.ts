import { describe, expect, it } from 'vitest';
import {
  draftSummary,
  editSummary,
  getSummaryVersion,
  handleChangeRequest,
  listSummaries,
  myConsentRequests,
  openChangeRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
  type CoreDeps,
} from '../../../src/core/index.js';
import type { Synthesizer } from '../../../src/core/synthesis.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness, type TestPanel } from '../../support/harness.js';

/** One statement per contribution, quoting its first field whole (so which quote is whose is known). */
export const onePerContribution: Synthesizer = {
  async synthesize(request) {
    return {
      ok: true, generator: 'offline', promptVersion: null, model: null, tokensIn: 0, tokensOut: 0,
      statements: request.sources.map((s, i) => ({
        theme: `Thema ${i + 1}`,
        text: 'Leden vertellen hierover.',
        citations: [{ contributionId: s.contributionId, quote: s.whatHappens, authorLabel: s.authorLabel }],
      })),
    };
  },
};

const TEXTS = { e1: 'De bus komt maar één keer per uur.', e2: 'Mijn huisarts heeft nooit tijd.', e3: 'De formulieren zijn te moeilijk.' };

async function draftWithThree(deps: CoreDeps, p: TestPanel) {
  const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat loopt er mis?' });
  await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: TEXTS.e1, attribution: 'named' });
  await submitContribution(deps, p.actor('e2'), { roundId: round.id, whatHappens: TEXTS.e2, attribution: 'named' });
  await submitContribution(deps, p.actor('e3'), { roundId: round.id, whatHappens: TEXTS.e3, attribution: 'anonymous' });
  return (await draftSummary(deps, p.actor('fac'), { roundId: round.id })).version;
}

const review = async (deps: CoreDeps, p: TestPanel, name: string, summaryId: string) => (await pending(deps, p, name, summaryId))[0]!;
const pending = async (deps: CoreDeps, p: TestPanel, name: string, summaryId: string) => (await myConsentRequests(deps, p.actor(name))).filter((r) => r.version.summaryId === summaryId);
const shown = (statements: { citations: { quote: string; attributedName: string | null }[] }[]) =>
  Object.fromEntries(statements.flatMap((s) => s.citations.map((c) => [c.quote, c.attributedName])));
const notices = async (deps: CoreDeps, p: TestPanel, name: string) =>
  deps.store.transaction(async (repos) => (await repos.notifications.listForMember(p.member(name).id)).filter((n) => n.kind === 'consent_requested').length);

describe.each(testDatabases())('consent that shows only what is yours and stays stable, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 3 }, { synthesizer: onePerContribution });

  it('a reviewer sees other members\' quotes without names until those members approved; the board sees nothing before', async () => {
    const { h, p } = setup;
    const version = await draftWithThree(h.deps, p);
    const first = await review(h.deps, p, 'e1', version.summaryId);
    expect(shown(first.version.statements)).toEqual({ [TEXTS.e1]: 'e1', [TEXTS.e2]: null, [TEXTS.e3]: null });
    // The same rule when the version is opened directly (a link in a notice).
    expect(shown((await getSummaryVersion(h.deps, p.actor('e1'), version.id)).statements)).toEqual({ [TEXTS.e1]: 'e1', [TEXTS.e2]: null, [TEXTS.e3]: null });
    expect((await listSummaries(h.deps, p.actor('board'))).filter((s) => s.summary.id === version.summaryId)).toEqual([]);
    await expect(getSummaryVersion(h.deps, p.actor('board'), version.id)).rejects.toMatchObject({ code: 'not_found' });

    await respondToConsent(h.deps, p.actor('e2'), (await review(h.deps, p, 'e2', version.summaryId)).request.id, { decision: 'approve' });
    expect(shown((await review(h.deps, p, 'e1', version.summaryId)).version.statements)).toEqual({ [TEXTS.e1]: 'e1', [TEXTS.e2]: 'e2', [TEXTS.e3]: null });
    expect((await listSummaries(h.deps, p.actor('board'))).filter((s) => s.summary.id === version.summaryId)).toEqual([]);
  });

  it('keeps approvals of unchanged quotes when another member withdraws, with no new notice, and publishes with the real count', async () => {
    const { h, p } = setup;
    const version = await draftWithThree(h.deps, p);
    const before = { e1: await notices(h.deps, p, 'e1'), e2: await notices(h.deps, p, 'e2') };
    await respondToConsent(h.deps, p.actor('e1'), (await review(h.deps, p, 'e1', version.summaryId)).request.id, { decision: 'approve' });
    await respondToConsent(h.deps, p.actor('e2'), (await review(h.deps, p, 'e2', version.summaryId)).request.id, { decision: 'approve_anonymous' });
    const { reissued } = await respondToConsent(h.deps, p.actor('e3'), (await review(h.deps, p, 'e3', version.summaryId)).request.id, { decision: 'withdraw' });
    const next = reissued[0]!;
    expect(next.number).toBe(version.number + 1);
    expect(await pending(h.deps, p, 'e1', version.summaryId)).toEqual([]);
    expect(await pending(h.deps, p, 'e2', version.summaryId)).toEqual([]);
    expect({ e1: await notices(h.deps, p, 'e1'), e2: await notices(h.deps, p, 'e2') }).toEqual(before);

    const published = await publishSummary(h.deps, p.actor('fac'), next.id);
    // "Approve without my name" carried over too.
    expect(shown(published.statements)).toEqual({ [TEXTS.e1]: 'e1', [TEXTS.e2]: null });
    const overview = (await listSummaries(h.deps, p.actor('fac'))).find((s) => s.summary.id === version.summaryId)!;
    expect(overview.consent).toEqual({ pending: 0, approved: 2, other: 0 });
  });

  it('asks again only the member whose own quote changed, and refuses an edit that blanks a theme or a statement', async () => {
    const { h, p } = setup;
    const version = await draftWithThree(h.deps, p);
    for (const name of ['e1', 'e2']) await respondToConsent(h.deps, p.actor(name), (await review(h.deps, p, name, version.summaryId)).request.id, { decision: 'approve' });
    const edited = version.statements.map((s) => ({ statementId: s.id, theme: s.theme, text: s.text, citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote })) }));
    await expect(editSummary(h.deps, p.actor('fac'), version.id, edited.map((s, i) => (i === 0 ? { ...s, theme: '  ' } : s)))).rejects.toMatchObject({ code: 'text_empty', params: { field: 'theme' } });
    await expect(editSummary(h.deps, p.actor('fac'), version.id, edited.map((s, i) => (i === 1 ? { ...s, text: '' } : s)))).rejects.toMatchObject({ code: 'text_empty', params: { field: 'text' } });
    await expect(editSummary(h.deps, p.actor('fac'), version.id, [])).rejects.toMatchObject({ code: 'text_empty' });
    expect(await pending(h.deps, p, 'e1', version.summaryId)).toEqual([]);

    // e2's quote shortened: only e2 is asked again.
    const e2Index = version.statements.findIndex((s) => s.citations[0]!.quote === TEXTS.e2);
    const next = await editSummary(h.deps, p.actor('fac'), version.id, edited.map((s, i) => (i === e2Index ? { ...s, citations: [{ ...s.citations[0]!, quote: 'Mijn huisarts' }] } : s)));
    expect(next.number).toBe(version.number + 1);
    expect(await pending(h.deps, p, 'e1', version.summaryId)).toEqual([]);
    expect((await pending(h.deps, p, 'e2', version.summaryId)).map((r) => r.version.id)).toEqual([next.id]);
  });

  it('keeps a change request before the facilitator across new versions until it is handled, with one notice', async () => {
    const { h, p } = setup;
    const version = await draftWithThree(h.deps, p);
    await respondToConsent(h.deps, p.actor('e1'), (await review(h.deps, p, 'e1', version.summaryId)).request.id, { decision: 'request_change', comment: 'Liever zonder de bus.' });
    // Another member's withdrawal makes a new version; the request does not vanish with the old one.
    await respondToConsent(h.deps, p.actor('e3'), (await review(h.deps, p, 'e3', version.summaryId)).request.id, { decision: 'withdraw' });
    const open = await openChangeRequests(h.deps, p.actor('fac'), version.summaryId);
    expect(open).toEqual([expect.objectContaining({ displayName: 'e1', comment: 'Liever zonder de bus.', versionNumber: version.number })]);
    const notices = await h.deps.store.transaction((repos) => repos.notifications.listForMember(p.member('fac').id));
    expect(notices.filter((n) => n.kind === 'change_requested' && n.payload.requestId === open[0]!.requestId)).toHaveLength(1);
    await expect(openChangeRequests(h.deps, p.actor('e2'), version.summaryId)).rejects.toMatchObject({ code: 'forbidden' });
    await handleChangeRequest(h.deps, p.actor('fac'), open[0]!.requestId);
    expect(await openChangeRequests(h.deps, p.actor('fac'), version.summaryId)).toEqual([]);
  });
});
