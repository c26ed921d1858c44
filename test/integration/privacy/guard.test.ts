import { describe, expect, it } from 'vitest';
import {
  castBallot,
  createPoll,
  draftSummary,
  editContribution,
  editSummary,
  myConsentRequests,
  openIdeaRound,
  respondToConsent,
  submitContribution,
  type ContributionRecord,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';
import { dumpDatabase } from './dump.js';

const NRN = '85.07.30-033.28';

describe.each(testDatabases())('the sensitive-data guard before storage on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 2 });

  it('refuses a contribution with sensitive data, naming the categories and fields, and stores nothing', async () => {
    const { h, p, url } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat loopt er mis?' });
    const attempt = submitContribution(h.deps, p.actor('e1'), {
      roundId: round.id,
      whatHappens: `Aan het loket vroegen ze mijn nummer ${NRN} en mijn gsm 0470 12 34 56.`,
      idea: 'Mijn buurvrouw Maria heeft kanker en krijgt geen hulp.',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'sensitive_data_found',
      params: { categories: 'national_register_number,phone,third_party_health', fields: 'whatHappens,idea' },
    });
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(JSON.stringify(error)).not.toContain('0470');
    expect(error.message).not.toContain('0470');
    expect(await dumpDatabase(url)).not.toMatch(/0470 12 34 56|85\.07\.30|Maria heeft/);
  });

  it('"let the bot redact" stores the text with placeholders; a register number never reaches the database', async () => {
    const { h, p, url } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat helpt?' });
    const stored: ContributionRecord = await submitContribution(h.deps, p.actor('e1'), {
      roundId: round.id,
      whatHappens: `Ze vroegen mijn rijksregisternummer ${NRN} aan de telefoon.`,
      idea: 'Mijn buurvrouw Maria heeft kanker; een buddy zou haar helpen.',
      attribution: 'named',
      redact: 'on',
    });
    expect(stored.whatHappens).toBe('Ze vroegen mijn rijksregisternummer [rijksregisternummer verwijderd] aan de telefoon.');
    expect(stored.idea).toBe('Mijn buurvrouw [naam verwijderd] heeft kanker; een buddy zou haar helpen.');
    const edited = await editContribution(h.deps, p.actor('e1'), stored.id, { idea: 'Mail me: e1@example.be', redact: true });
    expect(edited.idea).toBe('Mail me: [e-mailadres verwijderd]');
    await expect(editContribution(h.deps, p.actor('e1'), stored.id, { idea: 'IBAN BE68 5390 0754 7034' })).rejects.toMatchObject({ code: 'sensitive_data_found' });
    const dump = await dumpDatabase(url);
    expect(dump).not.toMatch(/85\.?07\.?30|85073003328|BE68|e1@example\.be/);
  });

  it('guards ballot reasons, change requests and a facilitator edit of a summary too', async () => {
    const { h, p } = setup;
    const poll = await createPoll(h.deps, p.actor('fac'), { question: 'Akkoord?', kind: 'consent', anonymity: 'named', resultsVisibility: 'live' });
    await expect(castBallot(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: 'Bel me op 0470 12 34 56', reasonAttribution: 'anonymous' })).rejects.toMatchObject({ code: 'sensitive_data_found', params: { categories: 'phone' } });
    const ballot = await castBallot(h.deps, p.actor('e1'), poll.id, { vote: 'object', reason: 'Bel me op 0470 12 34 56', reasonAttribution: 'anonymous', redact: '1' });
    expect(ballot.reason).toBe('Bel me op [telefoonnummer verwijderd]');

    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Vervoer?' });
    const c = await submitContribution(h.deps, p.actor('e2'), { roundId: round.id, whatHappens: 'De bus rijdt maar één keer per uur.', attribution: 'named' });
    const { version } = await draftSummary(h.deps, p.actor('fac'), { roundId: round.id });
    const [review] = await myConsentRequests(h.deps, p.actor('e2'));
    await expect(respondToConsent(h.deps, p.actor('e2'), review!.request.id, { decision: 'request_change', comment: 'Schrijf naar e2@example.be' })).rejects.toMatchObject({ code: 'sensitive_data_found', params: { categories: 'email' } });
    await expect(
      editSummary(h.deps, p.actor('fac'), version.id, [{ theme: 'Vervoer', text: 'Jef Peeters heeft MS en de bus rijdt zelden.', citations: [{ contributionId: c.id, quote: 'De bus rijdt maar één keer per uur.' }] }]),
    ).rejects.toMatchObject({ code: 'sensitive_data_found', params: { categories: 'third_party_health' } });
  });
});
