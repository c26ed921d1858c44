import { describe, expect, it } from 'vitest';
import { authorKey, voterKey } from '../../../src/core/context.js';
import {
  closePoll,
  editContribution,
  getSummaryVersion,
  listBacklog,
  listContributions,
  listSummaries,
  myContributions,
  pollResults,
  versionConsent,
  withdrawContribution,
  type Actor,
} from '../../../src/core/index.js';
import { testDatabases } from '../../setup/databases.js';
import { dumpDatabase, rowsOf } from './dump.js';
import { usePanelWithInput } from './fixtures.js';

const isMidnight = (value: unknown) => new Date(value as string | number | Date).getTime() % (24 * 3600_000) === 0;

/**
 * Tries to join e1's anonymous contribution and anonymous ballot to e1, with every query a facilitator
 * or a board member can make, and then with the database itself (without the server secret).
 */
describe.each(testDatabases())('anonymity in storage on $name', ({ makeUrl }) => {
  const setup = usePanelWithInput(makeUrl);

  /** Anything that would point at e1 from a result about the anonymous contribution or ballot. */
  const traces = () => [setup.p.member('e1').id, setup.p.member('e1').pseudonym];

  it('no facilitator or board query links them to their author', async () => {
    const { h, p, s } = setup;
    const { deps } = h;
    const staff: Actor[] = [p.actor('fac'), p.actor('board'), p.actor('admin')];
    const fac = p.actor('fac');
    const listed = (await listContributions(deps, fac)).find((c) => c.id === s.anonymous.id)!;
    expect(listed.authorId).toBeNull();
    expect(JSON.stringify(listed)).not.toMatch(new RegExp(traces().join('|')));
    const citation = s.published.statements.flatMap((st) => st.citations).find((c) => c.contributionId === s.anonymous.id)!;
    expect(citation.attributedName).toBeNull();
    for (const actor of staff) {
      const version = await getSummaryVersion(deps, actor, s.published.id);
      const anonymousStatements = version.statements.filter((st) => st.citations.some((c) => c.contributionId === s.anonymous.id));
      const anonymousCitation = anonymousStatements.flatMap((st) => st.citations).find((c) => c.contributionId === s.anonymous.id);
      expect(anonymousCitation?.attributedName).toBeNull();
      expect(JSON.stringify(await listSummaries(deps, actor))).not.toContain(p.member('e1').id);
      expect(JSON.stringify(await listBacklog(deps, actor))).not.toContain(p.member('e1').id);
    }
    // e1 is quoted by name too, so the consent list names e1 once, for the named quote only.
    const consent = await versionConsent(deps, fac, s.published.id);
    expect(consent.filter((c) => c.memberId === p.member('e1').id)).toHaveLength(1);
    const results = await pollResults(deps, fac, s.anonymousPoll.id);
    expect(results.voters).toBeNull();
    await closePoll(deps, fac, s.anonymousPoll.id);
    const closed = await pollResults(deps, fac, s.anonymousPoll.id);
    expect(closed.voters).toBeNull();
    expect(closed.scale.find((v) => v.value === 2)?.count).toBe(1);
  });

  it('an author who is quoted only anonymously is not named in the consent list', async () => {
    const { h, p, s } = setup;
    const { deps } = h;
    const version = await h.deps.store.transaction((repos) => repos.summaries.findVersion(s.published.id));
    const consent = await versionConsent(deps, p.actor('fac'), version!.id);
    // e2 and e1 (named quote) are named; no entry names a member for the anonymous quote alone.
    expect(consent.every((c) => c.anonymousAuthor === false)).toBe(true);
    await withdrawContribution(deps, p.actor('e1'), s.named.id);
    const [overview] = await listSummaries(deps, p.actor('fac'));
    const after = await versionConsent(deps, p.actor('fac'), overview!.latest!.id);
    expect(JSON.stringify(after)).not.toContain(p.member('e1').id);
  });

  it('the database holds no link that can be followed without the server secret', async () => {
    const { h, p, s, url } = setup;
    const [contribution] = (await rowsOf(url, 'Contribution')).filter((r) => r.id === s.anonymous.id);
    expect(contribution!.authorId).toBeNull();
    expect(String(contribution!.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/); // random, not a time-ordered cuid
    expect(isMidnight(contribution!.createdAt) && isMidnight(contribution!.updatedAt)).toBe(true);
    const [key] = (await rowsOf(url, 'ContributionAuthorKey')).filter((r) => r.contributionId === s.anonymous.id);
    expect(key!.authorKey).toBe(authorKey(h.deps.secret, s.anonymous.id, p.member('e1').id));
    expect(key!.authorKey).not.toBe(authorKey('a-guess-at-the-secret', s.anonymous.id, p.member('e1').id));

    const ballots = (await rowsOf(url, 'Ballot')).filter((r) => r.pollId === s.anonymousPoll.id);
    expect(ballots).toHaveLength(2);
    for (const ballot of ballots) {
      expect(ballot.memberId).toBeNull();
      expect(ballot.voterKey).toBeNull(); // cleared when the poll closed
      expect(isMidnight(ballot.createdAt) && isMidnight(ballot.updatedAt)).toBe(true);
    }
    const marks = (await rowsOf(url, 'PollParticipation')).filter((r) => r.pollId === s.anonymousPoll.id);
    expect(marks.every((m) => isMidnight(m.createdAt))).toBe(true);

    // No other row names the anonymous contribution next to e1 (audit, consent proofs, notifications).
    const dump = await dumpDatabase(url);
    for (const table of dump.split('\n## ')) {
      if (table.startsWith('Contribution') || !table.includes(s.anonymous.id)) continue;
      for (const trace of traces()) expect(table.includes(trace), `${table.slice(0, 30)} links the anonymous contribution`).toBe(false);
    }
    const audit = await h.deps.store.transaction((repos) => repos.audit.list(p.tenant.id));
    expect(audit.some((e) => e.objectId === s.anonymous.id)).toBe(false);
    expect(voterKey(h.deps.secret, s.anonymousPoll.id, p.member('e1').id)).not.toBe(voterKey('guess', s.anonymousPoll.id, p.member('e1').id));
  });

  it('the author still finds, edits and withdraws it; the withdrawal proof does not name it', async () => {
    const { h, p, s, url } = setup;
    const { deps } = h;
    const e1 = p.actor('e1');
    expect((await myContributions(deps, e1)).map((c) => c.id)).toContain(s.anonymous.id);
    await expect(editContribution(deps, p.actor('e2'), s.anonymous.id, { idea: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await editContribution(deps, e1, s.anonymous.id, { whatHappens: 'Ik durf niet te vragen wie mijn medicatie betaalt.' });
    await withdrawContribution(deps, e1, s.anonymous.id);
    const records = (await rowsOf(url, 'ConsentRecord')).filter((r) => r.pseudonym === p.member('e1').pseudonym);
    expect(records.some((r) => r.objectType === 'anonymous_contribution' && r.decision === 'withdrawn')).toBe(true);
    expect(JSON.stringify(records)).not.toContain(s.anonymous.id);
    const [row] = (await rowsOf(url, 'Contribution')).filter((r) => r.id === s.anonymous.id);
    expect(isMidnight(row!.withdrawnAt) && isMidnight(row!.updatedAt)).toBe(true);
  });
});
