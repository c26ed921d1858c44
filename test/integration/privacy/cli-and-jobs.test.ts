import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { openMessageErasers } from '../../../src/cli/erasers.js';
import { loadConfig } from '../../../src/config.js';
import { recordOutboundMessage } from '../../../src/core/use-cases/outbound-messages.js';
import { draftSummary, myConsentRequests, openIdeaRound, submitContribution } from '../../../src/core/index.js';
import { startPrivacyJobs } from '../../../src/jobs/index.js';
import { createLogger } from '../../../src/logger.js';
import { testDatabases } from '../../setup/databases.js';
import { usePanelHarness } from '../../support/harness.js';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdin: async () => stdin } };
}

describe('npm run cli -- scan-text', () => {
  it('prints the findings as JSON, from an argument or stdin, without a database', async () => {
    const noDb = async () => {
      throw new Error('scan-text must not open the database');
    };
    const a = io();
    expect(await runCli(['scan-text', '--lang', 'fr', 'Appelez', 'le', '0470 12 34 56'], a.io, noDb)).toBe(0);
    const report = JSON.parse(a.out.join('')) as { language: string; findings: { category: string; text: string; why: string }[]; redacted: string };
    expect(report.language).toBe('fr');
    expect(report.findings).toEqual([expect.objectContaining({ category: 'phone', text: '0470 12 34 56', why: 'phone_be_mobile' })]);
    expect(report.redacted).toBe('Appelez le [numéro de téléphone supprimé]');
    const b = io('nr 85.07.30-033.28');
    expect(await runCli(['scan-text'], b.io, noDb)).toBe(0);
    expect(JSON.parse(b.out.join('')).findings[0].category).toBe('national_register_number');
    expect(await runCli(['nonsense'], io().io, noDb)).toBe(2);
  });
});

describe.each(testDatabases())('npm run cli -- export-member / erase-member, and the scheduled jobs, on $name', ({ makeUrl }) => {
  let now = new Date();
  const setup = usePanelHarness(makeUrl, { experts: 2 }, { clock: { now: () => now } });

  const open = async () => ({ deps: setup.h.deps, close: async () => undefined });

  it('exports and, only with --yes, erases one member', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'Wat helpt?' });
    await submitContribution(h.deps, p.actor('e1'), { roundId: round.id, idea: 'Een vaste huisarts voor iedereen.', attribution: 'anonymous' });
    const exported = io();
    expect(await runCli(['export-member', p.member('e1').id], exported.io, open)).toBe(0);
    expect(JSON.parse(exported.out.join('')).contributions[0].idea).toBe('Een vaste huisarts voor iedereen.');
    const careful = io();
    expect(await runCli(['erase-member', p.member('e1').id], careful.io, open)).toBe(2);
    expect(careful.err.join('')).toMatch(/--yes/);
    const erased = io();
    expect(await runCli(['erase-member', p.member('e1').id, '--yes'], erased.io, open)).toBe(0);
    expect(JSON.parse(erased.out.join(''))).toMatchObject({ pseudonym: p.member('e1').pseudonym, contributions: 1, outboundMessages: [] });
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id));
    expect(audit.find((e) => e.action === 'member.erased')?.details).toMatchObject({ by: 'operator' });
  });

  it('the job expires consent requests past their deadline while the app runs', async () => {
    const { h, p } = setup;
    const round = await openIdeaRound(h.deps, p.actor('fac'), { question: 'En verder?' });
    await submitContribution(h.deps, p.actor('e2'), { roundId: round.id, idea: 'Minder formulieren.', attribution: 'named' });
    await draftSummary(h.deps, p.actor('fac'), { roundId: round.id });
    expect(await myConsentRequests(h.deps, p.actor('e2'))).toHaveLength(1);
    now = new Date(now.getTime() + 8 * 24 * 3600_000);
    const jobs = startPrivacyJobs(h.deps, createLogger('silent'), 3_600_000);
    await jobs.runOnce();
    await jobs.stop();
    expect(await myConsentRequests(h.deps, p.actor('e2'))).toHaveLength(0);
  });
});

describe.each(testDatabases())('npm run cli -- erase-member where Slack and Teams are not configured, on $name', ({ makeUrl }) => {
  const setup = usePanelHarness(makeUrl, { experts: 1 });

  it('erases, says which messages stay and why, and records them for the operator', async () => {
    const { h, p } = setup;
    const e1 = p.member('e1');
    for (const [channel, messageId] of [['slack', '1700000000.0001'], ['slack', '1700000000.0002'], ['teams', '1:act-1']] as const) {
      await recordOutboundMessage(h.deps, { tenantId: p.tenant.id, memberId: e1.id, channel, conversationId: `${channel}-dm`, messageId });
    }
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: setup.url, STEMMEN_SECRET: 'cli-test-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'silent' });
    const erasers = await openMessageErasers(h.deps, config, createLogger('silent'));
    expect(erasers.configured).toEqual([]);
    const open = async () => ({ deps: h.deps, close: async () => undefined, erasers: async () => erasers });
    const run = io();
    expect(await runCli(['erase-member', e1.id, '--yes'], run.io, open)).toBe(0);

    const printed = JSON.parse(run.out.join('')) as { deletedMessages: number; undeletedMessages: { channel: string; reason: string }[] };
    expect(printed.deletedMessages).toBe(0);
    expect(printed.undeletedMessages.map((m) => [m.channel, m.reason])).toEqual([
      ['slack', 'channel_not_running'],
      ['slack', 'channel_not_running'],
      ['teams', 'channel_not_running'],
    ]);
    const said = run.err.join('');
    expect(said).toContain('slack is not configured here: 2 message(s)');
    expect(said).toContain('teams is not configured here: 1 message(s)');
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id, { objectId: e1.pseudonym }));
    expect(audit.find((a) => a.action === 'member.erasure.messages_undeleted')?.details).toMatchObject({ count: 3, reasons: 'channel_not_running' });
  });
});
