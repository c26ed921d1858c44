import { describe, expect, it } from 'vitest';
import {
  draftSummary,
  listSummaries,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
  unquotedCount,
  withdrawContribution,
} from '../../../src/core/index.js';
import type { Synthesizer } from '../../../src/core/synthesis.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

/** A model that quotes everyone, the "don't quote me" contribution too (verification must stop that quote). */
const quotesEveryone: Synthesizer = {
  async synthesize(request) {
    return {
      ok: true, generator: 'offline', promptVersion: null, model: null, tokensIn: 0, tokensOut: 0,
      statements: request.sources.map((s) => ({
        theme: s.attribution === 'no_quote' ? 'Discretie' : 'Vervoer',
        text: s.attribution === 'no_quote' ? 'Aan de apotheek is er weinig discretie.' : 'De bus rijdt te weinig.',
        citations: [{ contributionId: s.contributionId, quote: s.whatHappens, authorLabel: null }],
      })),
    };
  },
};

describe.each(testDatabases())('unquotable input counts, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 }, { synthesizer: quotesEveryone });

  it('keeps a statement resting only on "don\'t quote me" input, as a paraphrase with a count, no quote, no name', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat loopt er mis?' });
    await submitContribution(h.deps, p.actor('e1'), { roundId: round.id, whatHappens: 'De bus komt maar één keer per uur.', attribution: 'named' });
    const secret = await submitContribution(h.deps, p.actor('e2'), { roundId: round.id, whatHappens: 'Aan de toog van de apotheek hoort iedereen alles.', attribution: 'no_quote' });
    const { version } = await draftSummary(h.deps, p.actor('fac'), { roundId: round.id });

    const paraphrase = version.statements.find((s) => s.theme === 'Discretie')!;
    expect(paraphrase.text).toBe('Aan de apotheek is er weinig discretie.');
    expect(paraphrase.citations).toEqual([expect.objectContaining({ contributionId: secret.id, quote: '', attributedName: null })]);
    expect(unquotedCount(paraphrase)).toBe(1);
    expect(JSON.stringify(version.statements)).not.toContain('hoort iedereen alles');
    // The author of unquoted input has nothing to approve; the quoted member is asked.
    expect(await myConsentRequests(h.deps, p.actor('e2'))).toEqual([]);
    const [review] = await myConsentRequests(h.deps, p.actor('e1'));
    await respondToConsent(h.deps, p.actor('e1'), review!.request.id, { decision: 'approve' });
    await publishSummary(h.deps, p.actor('fac'), version.id);

    // The board reads it with the count; its author hears what became of it.
    const board = (await listSummaries(h.deps, p.actor('board'))).find((s) => s.summary.id === version.summaryId)!.published!;
    expect(board.statements.map((s) => s.theme).sort()).toEqual(['Discretie', 'Vervoer']);
    const notices = await h.deps.store.transaction((repos) => repos.notifications.listForMember(p.member('e2').id));
    expect(notices.filter((n) => n.kind === 'summary_published' && n.payload.summaryId === version.summaryId)).toHaveLength(1);

    // Withdrawing it takes the paraphrase away too.
    await withdrawContribution(h.deps, p.actor('e2'), secret.id);
    const after = (await listSummaries(h.deps, p.actor('board'))).find((s) => s.summary.id === version.summaryId)!.published!;
    expect(after.statements.map((s) => s.theme)).toEqual(['Vervoer']);
  });
});
