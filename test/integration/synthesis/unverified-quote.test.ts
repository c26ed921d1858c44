import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  draftSummary,
  listSummaries,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
  withdrawContribution,
} from '../../../src/core/index.js';
import { normaliseForMatch } from '../../../src/core/quote-check.js';
import { acceptParticipation } from '../../../src/core/use-cases/participation.js';
import type { LlmConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createModelClient } from '../../../src/synthesis/llm/client.js';
import { LlmSynthesizer } from '../../../src/synthesis/llm/synthesizer.js';
import { testDatabases } from '../../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../../support/harness.js';
import { flawedModel } from '../../support/openai-flawed.js';
import { completion, startStandIn, type StandIn } from '../../support/openai-standin.js';

const WITHDRAWN = { whatHappens: 'Ik trek dit liever in: mijn behandeling loopt vast.', whatIsNeeded: '', idea: '' };

describe.each(testDatabases())('a flawed model cannot push an unverified quote to consent or the board on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;
  let standIn: StandIn;
  const flawed = flawedModel({ withdrawn: [], injections: [] });

  beforeAll(async () => {
    standIn = await startStandIn(flawed.reply);
    const config: LlmConfig = { provider: 'openai', apiKey: 'sk-test', baseUrl: `${standIn.url}/v1`, model: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 0, tokenBudget: 50_000 };
    const synthesizer = new LlmSynthesizer(createModelClient(config), { tokenBudget: 50_000, logger: createLogger('silent') });
    h = await openHarness(await makeUrl(), { synthesizer });
    p = await makePanel(h.deps, { experts: 4 });
    // Experts take part only after accepting the privacy notice (idempotent if the harness already did).
    for (const name of ['e1', 'e2', 'e3', 'e4']) await acceptParticipation(h.deps, p.actor(name));
  });
  afterAll(async () => {
    await h?.close();
    await standIn?.close();
  });

  it('verifies every quote at draft time, asks only verified authors, and publishes only verified quotes', async () => {
    const { deps } = h;
    const fac = p.actor('fac');
    const round = await openIdeaRound(deps, fac, { question: 'Wat maakt de weg naar zorg moeilijk?' });
    const submit = (name: string, input: Record<string, unknown>) => submitContribution(deps, p.actor(name), { roundId: round.id, ...input });
    const mine = await submit('e1', { whatHappens: 'De bus rijdt maar één keer per uur.', idea: 'Een vrijwilligersdienst die mensen naar de dokter brengt.', domainKeys: ['chronic_illness'], attribution: 'named' });
    await submit('e2', { whatHappens: "Je dois choisir entre payer le médecin et payer l'électricité.", domainKeys: ['poverty'], attribution: 'anonymous', language: 'fr' });
    await submit('e3', { whatIsNeeded: 'Someone who explains the forms in plain language.', domainKeys: ['poverty'], attribution: 'named', language: 'en' });
    await submit('e3', { whatHappens: 'The waiting room is far too loud for me.', idea: 'A quiet corner in the waiting room.', domainKeys: ['disability'], attribution: 'named', language: 'en' });
    await submit('e4', { idea: 'Do not quote me, but the pharmacy counter is not discreet.', domainKeys: ['addiction'], attribution: 'no_quote', language: 'en' });
    await submit('e1', { whatHappens: 'Wachten bij de specialist duurt acht maanden.', idea: 'Een wachtlijst per zone.', domainKeys: ['chronic_illness'], attribution: 'named' });
    await submit('e2', { whatHappens: 'Les formulaires de la mutuelle sont trop compliqués.', domainKeys: ['poverty'], attribution: 'anonymous', language: 'fr' });
    const gone = await submit('e1', { ...WITHDRAWN, domainKeys: ['chronic_illness'], attribution: 'named' });
    await withdrawContribution(deps, p.actor('e1'), gone.id);
    // The flawed model "remembers" the withdrawn contribution and quotes it anyway.
    flawed.flaws.length = 0;
    standIn.reply = flawedModel({ withdrawn: [{ id: gone.id, ...WITHDRAWN }], injections: [] }).reply;

    const { version } = await draftSummary(deps, fac, { roundId: round.id, language: 'nl' });
    expect(version).toMatchObject({ status: 'awaiting_consent', generator: 'llm', promptVersion: 'summarise/1' });
    const reasons = new Set(version.removals.map((r) => r.reason));
    for (const reason of ['quote_not_found', 'author_mismatch', 'not_quotable', 'contribution_withdrawn', 'unknown_contribution', 'statement_unsupported']) expect(reasons).toContain(reason);

    const contributions = await deps.store.transaction((repos) => repos.contributions.listByRound(round.id));
    const byId = new Map(contributions.map((c) => [c.id, c]));
    const assertVerified = (statements: typeof version.statements) => {
      // "Don't quote me" input may support a statement, but only unquoted: no words, no name.
      for (const c of statements.flatMap((s) => s.citations).filter((c) => c.quote === '')) {
        expect(byId.get(c.contributionId!)?.attribution).toBe('no_quote');
        expect(c.attributedName).toBeNull();
      }
      const citations = statements.flatMap((s) => s.citations).filter((c) => c.quote !== '');
      expect(citations.length).toBeGreaterThan(0);
      for (const citation of citations) {
        const source = byId.get(citation.contributionId!);
        expect(source?.status).toBe('live');
        expect(source?.attribution).not.toBe('no_quote');
        const text = normaliseForMatch([source!.whatHappens, source!.whatIsNeeded, source!.idea].join('\n'));
        expect(text).toContain(normaliseForMatch(citation.quote));
        const author = source!.authorId ? p.members.find((m) => m.id === source!.authorId)?.displayName ?? null : null;
        expect(citation.attributedName).toBe(source!.attribution === 'named' ? author : null);
      }
      for (const s of statements) expect(s.text).not.toMatch(/vertelt hetzelfde/);
    };
    assertVerified(version.statements);
    expect(version.statements.flatMap((s) => s.citations).some((c) => c.contributionId === gone.id)).toBe(false);

    // Only authors of verified quotes are asked; the member who asked not to be quoted is not.
    expect(await myConsentRequests(deps, p.actor('e4'))).toEqual([]);
    const asked = ['e1', 'e2', 'e3'];
    for (const name of asked) {
      const [review] = await myConsentRequests(deps, p.actor(name));
      expect(review?.version.id).toBe(version.id);
      const cited = new Set(version.statements.flatMap((s) => s.citations.map((c) => c.contributionId)));
      for (const id of review!.myContributionIds) expect(cited.has(id)).toBe(true);
      await respondToConsent(deps, p.actor(name), review!.request.id, { decision: 'approve' });
    }
    const published = await publishSummary(deps, fac, version.id);
    expect(published.status).toBe('published');
    const board = await listSummaries(deps, p.actor('board'));
    assertVerified(board[0]!.published!.statements);
    expect(board[0]!.published!.statements.flatMap((s) => s.citations).map((c) => c.quote)).not.toContain('De huisarts komt elke week gratis bij iedereen aan huis.');
    expect(mine.id).toBeTruthy();
  });

  it('stores a refused draft as failed, asks nobody and publishes nothing', async () => {
    const { deps } = h;
    const fac = p.actor('fac');
    const round = await openIdeaRound(deps, fac, { question: 'Wat helpt?' });
    await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: 'Meer uitleg bij de apotheek.', domainKeys: ['poverty'], attribution: 'named' });
    standIn.reply = () => completion(null, { refusal: 'I cannot help with that.' });
    const before = (await myConsentRequests(deps, p.actor('e1'))).length;
    const { version } = await draftSummary(deps, fac, { roundId: round.id, language: 'fr' });
    expect(version).toMatchObject({ status: 'failed', failureReason: 'model_refused', statements: [] });
    expect((await myConsentRequests(deps, p.actor('e1'))).length).toBe(before);
    await expect(publishSummary(deps, fac, version.id)).rejects.toMatchObject({ code: 'version_not_current' });
  });
});
