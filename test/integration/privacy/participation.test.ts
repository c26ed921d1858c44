import { describe, expect, it } from 'vitest';
import {
  acceptParticipation,
  castBallot,
  consentHistory,
  createPoll,
  currentPrivacyNotice,
  declineParticipation,
  draftSummary,
  exportMyData,
  listSummaries,
  openIdeaRound,
  participationStatus,
  PRIVACY_NOTICE_VERSION,
  submitContribution,
  withdrawParticipation,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

describe.each(testDatabases())('explicit consent to take part on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 3, participation: false });

  it('asks an expert to accept the privacy text before a first contribution or vote; staff are not asked', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Wat kan beter?' });
    const poll = await createPoll(deps, p.actor('fac'), { question: 'Welke dag?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['ma', 'di'] });
    const e1 = p.actor('e1');
    expect((await participationStatus(deps, e1)).state).toBe('none');
    await expect(submitContribution(deps, e1, { roundId: round.id, idea: 'Meer bussen.' })).rejects.toMatchObject({ code: 'participation_consent_required' });
    await expect(castBallot(deps, e1, poll.id, { optionIds: [poll.options[0]!.id] })).rejects.toMatchObject({ code: 'participation_consent_required' });
    // Staff are not asked to contribute, but a vote is personal data too: whoever votes accepted the text.
    await expect(castBallot(deps, p.actor('board'), poll.id, { optionIds: [poll.options[0]!.id] })).rejects.toMatchObject({ code: 'participation_consent_required' });

    // Saying "not now" is recorded, and never counts as yes.
    expect((await declineParticipation(deps, e1)).state).toBe('refused');
    await expect(submitContribution(deps, e1, { roundId: round.id, idea: 'Meer bussen.' })).rejects.toMatchObject({ code: 'participation_consent_required' });

    // Accepting a notice that is not the one on screen any more is refused.
    await expect(acceptParticipation(deps, e1, { version: '1999-01.1' })).rejects.toMatchObject({ code: 'version_not_current' });
    const accepted = await acceptParticipation(deps, e1, { version: PRIVACY_NOTICE_VERSION });
    expect(accepted.state).toBe('accepted');
    await submitContribution(deps, e1, { roundId: round.id, idea: 'Meer bussen naar het dienstencentrum.', attribution: 'named' });
    await castBallot(deps, e1, poll.id, { optionIds: [poll.options[1]!.id] });
  });

  it('keeps an append-only record with pseudonym, purpose, object and hash, text version, language, decision, channel and time', async () => {
    const { h, p } = setup;
    const e2 = p.actor('e2');
    const before = Date.now();
    await acceptParticipation(h.deps, e2);
    const [record] = await consentHistory(h.deps, e2);
    const notice = currentPrivacyNotice(h.deps, e2.language);
    expect(record).toMatchObject({
      pseudonym: p.member('e2').pseudonym,
      purpose: 'participation',
      objectType: 'privacy_notice',
      objectId: PRIVACY_NOTICE_VERSION,
      objectHash: notice.hash,
      textVersion: PRIVACY_NOTICE_VERSION,
      language: e2.language,
      decision: 'granted',
      channel: 'web',
    });
    expect(record!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.stringify(record)).not.toContain(p.member('e2').id);
    // The notice text is plain, in the member's language, and names what is stored, who sees it and how to withdraw.
    expect(currentPrivacyNotice(h.deps, 'fr').paragraphs.join(' ')).toMatch(/retirer/);
    expect(currentPrivacyNotice(h.deps, 'nl').paragraphs.join(' ')).toMatch(/intrekken/);
  });

  it('asks again when the text changes', async () => {
    const { h, p } = setup;
    const e3 = p.actor('e3');
    await h.deps.store.transaction((repos) =>
      repos.consent.appendRecord({
        tenantId: e3.tenantId, pseudonym: p.member('e3').pseudonym, purpose: 'participation', objectType: 'privacy_notice',
        objectId: '2020-01.1', objectHash: 'old', textVersion: '2020-01.1', language: 'en', decision: 'granted', channel: 'web',
      }),
    );
    expect((await participationStatus(h.deps, e3)).state).toBe('outdated');
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'En nu?' });
    await expect(submitContribution(h.deps, e3, { roundId: round.id, idea: 'Something.' })).rejects.toMatchObject({ code: 'participation_consent_required' });
    await acceptParticipation(h.deps, e3);
    await submitContribution(h.deps, e3, { roundId: round.id, idea: 'Something else.', attribution: 'anonymous' });
  });

  it('withdraws in one step: participation ends, all input is withdrawn, summaries are re-issued, the grant gets its withdrawal time', async () => {
    const { h, p } = setup;
    const { deps } = h;
    const e2 = p.actor('e2');
    const round = await openIdeaRound(deps, p.actor('fac'), { question: 'Waar wacht je op?' });
    await submitContribution(deps, e2, { roundId: round.id, whatHappens: 'Ik wacht al maanden op een rolstoel.', attribution: 'named' });
    await submitContribution(deps, e2, { roundId: round.id, whatIsNeeded: 'Een vast aanspreekpunt bij de mutualiteit.', attribution: 'anonymous' });
    await submitContribution(deps, p.actor('e1'), { roundId: round.id, idea: 'Een wachtlijst die je online kunt volgen.', attribution: 'named' });
    const { version } = await draftSummary(deps, p.actor('fac'), { roundId: round.id });
    expect(version.statements.flatMap((s) => s.citations)).toHaveLength(3);

    const result = await withdrawParticipation(deps, e2);
    expect(result.status.state).toBe('withdrawn');
    expect(result.withdrawn).toBe(2);
    const latest = (await listSummaries(deps, p.actor('fac'))).find((s) => s.summary.id === version.summaryId)!.latest!;
    expect(latest.number).toBe(2);
    expect(latest.statements.flatMap((s) => s.citations.map((c) => c.quote))).toEqual(['Een wachtlijst die je online kunt volgen.']);
    await expect(submitContribution(deps, e2, { roundId: round.id, idea: 'Nog iets.' })).rejects.toMatchObject({ code: 'participation_consent_required' });

    const exported = await exportMyData(deps, e2);
    const grant = exported.consentRecords.find((r) => r.objectType === 'privacy_notice' && r.decision === 'granted')!;
    const withdrawal = exported.consentRecords.find((r) => r.withdrawsId === grant.id)!;
    expect(withdrawal.decision).toBe('withdrawn');
    expect(grant.withdrawnAt).toBe(withdrawal.createdAt.toISOString());
  });
});
