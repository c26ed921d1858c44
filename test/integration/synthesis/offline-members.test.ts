import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSummary, openIdeaRound, submitContribution } from '../../../src/core/index.js';
import { acceptParticipation } from '../../../src/core/use-cases/participation.js';
import { testDatabases } from '../../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../../support/harness.js';

describe.each(testDatabases())('an offline summary counts members, not contributions, on $name', ({ makeUrl }) => {
  let h: Harness;
  let p: TestPanel;

  beforeAll(async () => {
    h = await openHarness(await makeUrl());
    p = await makePanel(h.deps, { experts: 3 });
    for (const name of ['e1', 'e2', 'e3']) await acceptParticipation(h.deps, p.actor(name));
  });
  afterAll(async () => h?.close());

  it('counts two anonymous answers of one member once, and an unquotable member without quoting them', async () => {
    const { deps } = h;
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat maakt de weg naar zorg moeilijk?' });
    const submit = (name: string, input: Record<string, unknown>) => submitContribution(deps, p.actor(name), { roundId: round.id, domainKeys: ['chronic_illness'], ...input });
    await submit('e1', { whatHappens: 'Ik sta al acht maanden op de wachtlijst voor de neuroloog.', whatIsNeeded: 'Sneller een afspraak.', attribution: 'anonymous' });
    await submit('e1', { whatHappens: 'De wachttijd voor de kinesist is drie maanden.', whatIsNeeded: 'Iemand die belt zolang je wacht.', attribution: 'anonymous' });
    await submit('e2', { whatHappens: "Ma fille est sur une liste d'attente depuis un an.", whatIsNeeded: 'Un suivi pendant l’attente.', attribution: 'named', language: 'fr' });
    await submit('e3', { whatHappens: 'The waiting list for a psychologist is six months.', whatIsNeeded: 'A call while you wait.', attribution: 'no_quote', language: 'en' });

    const { version } = await draftSummary(deps, p.actor('fac'), { roundId: round.id, language: 'en' });
    expect(version.generator).toBe('offline');
    expect(version.statements).toHaveLength(1);
    const [statement] = version.statements;
    expect(statement!.theme).toBe('Waiting lists and waiting times');
    expect(statement!.text).toMatch(/^3 members \(NL 1, FR 1, EN 1\) describe /);
    expect(statement!.text).toContain('What they ask for:');
    expect(statement!.citations).toHaveLength(3);
    expect(statement!.citations.map((c) => c.quote).join(' ')).not.toContain('psychologist');
  });
});
