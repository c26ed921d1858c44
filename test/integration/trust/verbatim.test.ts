import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSummary, listSummaries, myConsentRequests, openIdeaRound, publishSummary, respondToConsent, submitContribution } from '../../../src/core/index.js';
import type { LlmConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createModelClient } from '../../../src/synthesis/llm/client.js';
import { LlmSynthesizer } from '../../../src/synthesis/llm/synthesizer.js';
import { testDatabases } from '../../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../../support/harness.js';
import { answer, isMerge, honestMerge, readContributions } from '../../support/openai-model.js';
import { startStandIn, type StandIn } from '../../support/openai-standin.js';

const FR = 'Il faut des consultations plus longues pour les familles.';
const NL = 'Ik  wacht “altijd” lang — soms… twee uur.';

/**
 * A model that "tidies" quotes: capitals, straight quote marks, hyphens for dashes, three dots for an
 * ellipsis. Only the last statement's quote differs from the member's text in whitespace and composition.
 */
function tidyingModel(): StandIn['reply'] {
  return (request) => {
    if (isMerge(request)) return answer(request, { statements: honestMerge(request) });
    const [fr, nl] = ['fr', 'nl'].map((lang) => readContributions(request).find((c) => c.language === lang)!);
    const cite = (id: string, author: string | null, quote: string, theme: string) => ({ theme, text: 'Leden vertellen hierover.', citations: [{ contributionId: id, quote, author, translation: null }] });
    return answer(request, {
      statements: [
        cite(fr!.id, fr!.author, 'Des consultations PLUS LONGUES pour les familles.', 'caps'),
        cite(nl!.id, nl!.author, 'Ik wacht "altijd" lang', 'straight quotes'),
        cite(nl!.id, nl!.author, 'lang - soms... twee uur.', 'dash and dots'),
        cite(nl!.id, nl!.author, 'ik wacht “altijd” lang', 'lower case'),
        cite(fr!.id, fr!.author, 'des consultations   plus longues\npour les familles.'.normalize('NFD'), 'verbatim'),
      ],
    });
  };
}

describe.each(testDatabases())('verbatim means the member\'s characters, through the model path, on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;
  let standIn: StandIn;

  beforeAll(async () => {
    standIn = await startStandIn(tidyingModel());
    const config: LlmConfig = { provider: 'openai', apiKey: 'sk-test', baseUrl: `${standIn.url}/v1`, model: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 0, tokenBudget: 50_000 };
    const synthesizer = new LlmSynthesizer(createModelClient(config), { tokenBudget: 50_000, logger: createLogger('silent') });
    h = await openHarness(await makeUrl(), { synthesizer });
    p = await makePanel(h.deps, { experts: 2 });
  });
  afterAll(async () => {
    await h?.close();
    await standIn?.close();
  });

  it('refuses re-cased, re-punctuated and re-quoted quotes and stores the member\'s exact span', async () => {
    const { deps } = h;
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat helpt?' });
    await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: FR, domainKeys: ['poverty'], attribution: 'named', language: 'fr' });
    await submitContribution(deps, p.actor('e2'), { roundId: round.id, whatHappens: NL, domainKeys: ['poverty'], attribution: 'named', language: 'nl' });

    const { version } = await draftSummary(deps, p.actor('fac'), { roundId: round.id, language: 'nl' });
    expect(version.statements.map((s) => s.theme)).toEqual(['verbatim']);
    expect(version.statements[0]!.citations.map((c) => c.quote)).toEqual(['des consultations plus longues pour les familles.']);
    expect(version.removals.filter((r) => r.reason === 'quote_not_found')).toHaveLength(4);

    // What the consent request and the board show is exactly that span.
    expect(await myConsentRequests(deps, p.actor('e2'))).toEqual([]);
    const [review] = await myConsentRequests(deps, p.actor('e1'));
    const shown = review!.version.statements.flatMap((s) => s.citations.map((c) => c.quote));
    expect(shown).toEqual(['des consultations plus longues pour les familles.']);
    await respondToConsent(deps, p.actor('e1'), review!.request.id, { decision: 'approve' });
    await publishSummary(deps, p.actor('fac'), version.id);
    const [board] = await listSummaries(deps, p.actor('board'));
    const quotes = board!.published!.statements.flatMap((s) => s.citations.map((c) => c.quote));
    expect(quotes).toEqual(['des consultations plus longues pour les familles.']);
    for (const q of quotes) expect(FR).toContain(q);
  });
});
