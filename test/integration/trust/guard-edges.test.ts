import { describe, expect, it } from 'vitest';
import { openIdeaRound, submitContribution } from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

describe.each(testDatabases())('the guard\'s edges, before storage, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('refuses a street address, a spoken e-mail address, a spaced IBAN and a compound illness of a named person', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat loopt er mis?' });
    const submit = (text: string, extra: Record<string, unknown> = {}) =>
      submitContribution(h.deps, p.actor('e1'), { roundId: round.id, whatHappens: text, attribution: 'named', ...extra });
    const cases: [string, string][] = [
      ['Kom langs in de Kerkstraat 12 bus 3, dan leg ik het uit.', 'address'],
      ['Mail naar naam at gmail punt com als je wil helpen.', 'email'],
      ['Stort het op BE 95 7350 0000 7058 voor de huur.', 'iban'],
      ['Mijn zus Ilse heeft longkanker en niemand helpt.', 'third_party_health'],
      ['Ma voisine Josiane est diabétique et seule.', 'third_party_health'],
    ];
    for (const [text, category] of cases) {
      const error = await submit(text).then(() => null, (e: unknown) => e);
      expect(error, text).toMatchObject({ code: 'sensitive_data_found', params: { categories: category } });
    }
    const address = await submit('Ik woon in de Kerkstraat 12 bus 3.').catch((e: unknown) => e);
    expect(errorMessage('nl', address)).toContain('een adres');
    expect(errorMessage('fr', address)).toContain('une adresse');
    const redacted = await submit('Ik woon in de Kerkstraat 12 bus 3 en de bus komt niet.', { redact: 'on' });
    expect(redacted.whatHappens).toBe('Ik woon in de [adres verwijderd] en de bus komt niet.');
    // An enterprise number is public and names an organisation: it is not a phone number.
    const kept = await submit('Het OCMW (ondernemingsnummer 0403.199.702) stuurde de brief te laat.');
    expect(kept.whatHappens).toContain('0403.199.702');
  });
});
