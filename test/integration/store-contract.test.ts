import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DomainError } from '../../src/core/errors.js';
import type { Repositories, Store } from '../../src/core/ports.js';
import type { DomainRecord, MemberRecord, PanelRecord, Role, TenantRecord } from '../../src/core/types.js';
import { openDatabase, type Db } from '../../src/store/client.js';
import { createPrismaStore } from '../../src/store/prisma-store.js';
import { providerOf } from '../../src/store/repositories/shared.js';
import { testDatabases } from '../setup/databases.js';

interface Fixture {
  tenant: TenantRecord;
  panel: PanelRecord;
  domains: DomainRecord[];
  alice: MemberRecord;
  bob: MemberRecord;
  facilitator: MemberRecord;
}

const labels = (word: string) => ({ nl: `${word}-nl`, fr: `${word}-fr`, en: `${word}-en` });
const uid = () => randomUUID().slice(0, 8);
const at = (iso: string) => new Date(iso);

async function newMember(r: Repositories, f: Pick<Fixture, 'tenant' | 'panel'>, name: string, role: Role = 'expert', domainIds: string[] = []) {
  return r.members.create({
    tenantId: f.tenant.id,
    panelId: f.panel.id,
    displayName: name,
    role,
    language: 'nl',
    pseudonym: `ps-${uid()}`,
    domainIds,
  });
}

/** A tenant with one panel, three domains (created out of position order) and three members. */
async function seed(store: Store): Promise<Fixture> {
  return store.transaction(async (r) => {
    const tenant = await r.tenants.create({ slug: `t-${uid()}`, name: 'Tenant' });
    const panel = await r.panels.create({ tenantId: tenant.id, name: 'Panel', defaultLanguage: 'fr' });
    const base = { tenantId: tenant.id, panelId: panel.id };
    const care = await r.panels.createDomain({ ...base, key: 'care', labels: labels('care'), position: 2 });
    const poverty = await r.panels.createDomain({ ...base, key: 'poverty', labels: labels('poverty'), position: 0 });
    const youth = await r.panels.createDomain({ ...base, key: 'youth', labels: labels('youth'), position: 1 });
    const f = { tenant, panel };
    const alice = await newMember(r, f, 'Alice', 'expert', [care.id, poverty.id]);
    const bob = await newMember(r, f, 'Bob', 'expert', [youth.id]);
    const facilitator = await newMember(r, f, 'Fien', 'facilitator');
    return { tenant, panel, domains: [poverty, youth, care], alice, bob, facilitator };
  });
}

const sqliteConflict = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

for (const database of testDatabases()) {
  describe(`store contract on ${database.name}`, () => {
    let db: Db;
    let store: Store & { close(): Promise<void> };
    let f: Fixture;
    const tx = <T>(work: (r: Repositories) => Promise<T>) => store.transaction(work);

    beforeAll(async () => {
      db = await openDatabase(await database.makeUrl());
      store = createPrismaStore(db);
      f = await seed(store);
    }, 120_000);

    afterAll(async () => {
      await store?.close();
    });

    it('stores tenants, panels, domains, members and identities', async () => {
      await tx(async (r) => {
        expect(await r.tenants.findBySlug(f.tenant.slug)).toEqual(f.tenant);
        expect(await r.tenants.findById(f.tenant.id)).toEqual(f.tenant);
        expect((await r.tenants.list()).map((t) => t.id)).toContain(f.tenant.id);
        expect(await r.panels.findById(f.panel.id)).toEqual({ ...f.panel, defaultLanguage: 'fr' });
        expect(await r.panels.listByTenant(f.tenant.id)).toEqual([f.panel]);

        const domains = await r.panels.listDomains(f.panel.id);
        expect(domains.map((d) => d.key)).toEqual(['poverty', 'youth', 'care']);
        expect(domains[2]).toMatchObject({ labels: labels('care'), archived: false, position: 2 });
        const care = await r.panels.updateDomain(f.domains[2]!.id, { archived: true, labels: labels('zorg') });
        expect(care).toMatchObject({ key: 'care', archived: true, labels: labels('zorg') });
        await r.panels.updateDomain(care.id, { archived: false });
        expect((await r.panels.listDomains(f.panel.id))[2]).toMatchObject({ archived: false, labels: labels('zorg') });

        // Domain ids come back in domain position order (poverty 0, care 2).
        expect(f.alice.domainIds).toEqual([f.domains[0]!.id, f.domains[2]!.id]);
        expect(f.alice).toMatchObject({ role: 'expert', language: 'nl', active: true, erasedAt: null });
        expect(await r.members.findById(f.alice.id)).toEqual(f.alice);
        expect((await r.members.listByPanel(f.panel.id)).map((m) => m.displayName)).toEqual(['Alice', 'Bob', 'Fien']);
        expect(await r.members.countByTenant(f.tenant.id)).toBe(3);

        const updated = await r.members.update(f.bob.id, { language: 'en', domainIds: [f.domains[2]!.id, f.domains[1]!.id] });
        expect(updated).toMatchObject({ displayName: 'Bob', language: 'en', domainIds: [f.domains[1]!.id, f.domains[2]!.id] });
        const renamed = await r.members.update(f.bob.id, { displayName: 'Bobby', active: false });
        expect(renamed).toMatchObject({ displayName: 'Bobby', active: false, language: 'en', domainIds: updated.domainIds });
        await r.members.update(f.bob.id, { displayName: 'Bob', active: true, language: 'nl', domainIds: [f.domains[1]!.id] });

        const identity = await r.members.addIdentity({ tenantId: f.tenant.id, memberId: f.alice.id, channel: 'slack', externalId: 'U1' });
        expect(identity).toMatchObject({ channel: 'slack', externalId: 'U1', address: null });
        expect(await r.members.findIdentity(f.tenant.id, 'slack', 'U1')).toEqual(identity);
        expect(await r.members.findIdentity(f.tenant.id, 'teams', 'U1')).toBeNull();
        await r.members.addIdentity({ tenantId: f.tenant.id, memberId: f.alice.id, channel: 'teams', externalId: 'T1', address: '{"a":1}' });
        await r.members.setIdentityAddress(identity.id, '{"conversation":"c1"}');
        const identities = await r.members.listIdentities(f.alice.id);
        expect(identities.map((i) => [i.channel, i.address])).toEqual([
          ['slack', '{"conversation":"c1"}'],
          ['teams', '{"a":1}'],
        ]);
      });
    });

    it('stores meetings', async () => {
      await tx(async (r) => {
        const base = { tenantId: f.tenant.id, panelId: f.panel.id, createdById: f.facilitator.id, agenda: 'a' };
        const late = await r.meetings.create({ ...base, title: 'Late', scheduledAt: at('2030-03-01T10:00:00Z') });
        const early = await r.meetings.create({ ...base, title: 'Early', scheduledAt: at('2030-01-01T10:00:00Z') });
        expect(late).toMatchObject({ status: 'planned', decisions: '', agenda: 'a' });
        const held = await r.meetings.update(early.id, { status: 'held', decisions: 'We decided.' });
        expect(held).toMatchObject({ title: 'Early', status: 'held', decisions: 'We decided.', agenda: 'a' });
        expect(await r.meetings.findById(late.id)).toEqual(late);
        expect((await r.meetings.listByPanel(f.panel.id)).map((m) => m.title)).toEqual(['Early', 'Late']);
      });
    });

    it('stores polls, ballots, participations and clears anonymous voter keys', async () => {
      await tx(async (r) => {
        const base = {
          tenantId: f.tenant.id,
          panelId: f.panel.id,
          meetingId: null,
          resultsVisibility: 'after_close' as const,
          maxChoices: null,
          deadline: null,
          createdById: f.facilitator.id,
        };
        const poll = await r.polls.create({ ...base, question: 'Which?', kind: 'multiple', anonymity: 'named', options: ['A', 'B', 'C'] });
        expect(poll.options.map((o) => [o.position, o.label])).toEqual([[0, 'A'], [1, 'B'], [2, 'C']]);
        expect(poll).toMatchObject({ status: 'open', closedAt: null, kind: 'multiple', anonymity: 'named' });
        const anon = await r.polls.create({ ...base, question: 'Agree?', kind: 'consent', anonymity: 'anonymous', options: [] });
        const scale = await r.polls.create({ ...base, question: 'How much?', kind: 'scale', anonymity: 'confidential', options: [] });

        const choice = { kind: 'options' as const, optionIds: [poll.options[2]!.id, poll.options[0]!.id] };
        const named = await r.polls.createBallot({ pollId: poll.id, memberId: f.alice.id, voterKey: null, choice, reason: 'because' });
        expect(await r.polls.findBallot(poll.id, { memberId: f.alice.id })).toEqual(named);
        expect(named.choice).toEqual(choice);
        const changed = await r.polls.updateBallot(named.id, { choice: { kind: 'options', optionIds: [poll.options[1]!.id] }, reason: null });
        expect(changed).toMatchObject({ reason: null, choice: { kind: 'options', optionIds: [poll.options[1]!.id] } });
        await r.polls.createBallot({ pollId: poll.id, memberId: f.bob.id, voterKey: null, choice: { kind: 'options', optionIds: [] }, reason: null });

        const secret = await r.polls.createBallot({ pollId: anon.id, memberId: null, voterKey: 'vk-1', choice: { kind: 'consent', vote: 'live_with' }, reason: null });
        await r.polls.createBallot({ pollId: anon.id, memberId: null, voterKey: 'vk-2', choice: { kind: 'consent', vote: 'object' }, reason: 'no' });
        expect(await r.polls.findBallot(anon.id, { voterKey: 'vk-1' })).toEqual(secret);
        expect(await r.polls.findBallot(anon.id, { memberId: f.alice.id })).toBeNull();
        const scaled = await r.polls.createBallot({ pollId: scale.id, memberId: f.alice.id, voterKey: null, choice: { kind: 'scale', value: 4 }, reason: null });
        expect((await r.polls.findBallot(scale.id, { memberId: f.alice.id }))?.choice).toEqual({ kind: 'scale', value: 4 });
        expect(scaled.memberId).toBe(f.alice.id);

        await r.polls.markParticipation(anon.id, f.alice.id);
        await r.polls.markParticipation(anon.id, f.alice.id);
        await r.polls.markParticipation(anon.id, f.bob.id);
        expect((await r.polls.listParticipants(anon.id)).sort()).toEqual([f.alice.id, f.bob.id].sort());

        const closed = await r.polls.close(anon.id, at('2030-01-02T00:00:00Z'));
        expect(closed).toMatchObject({ status: 'closed', closedAt: at('2030-01-02T00:00:00Z') });
        await r.polls.clearVoterKeys(anon.id);
        expect(await r.polls.findBallot(anon.id, { voterKey: 'vk-1' })).toBeNull();
        const left = await r.polls.listBallots(anon.id);
        expect(left.map((b) => [b.voterKey, b.memberId, b.choice])).toEqual([
          [null, null, { kind: 'consent', vote: 'live_with' }],
          [null, null, { kind: 'consent', vote: 'object' }],
        ]);

        expect((await r.polls.listByPanel(f.panel.id, 'open')).map((p) => p.id)).toEqual([poll.id, scale.id]);
        expect((await r.polls.listByPanel(f.panel.id, 'closed')).map((p) => p.id)).toEqual([anon.id]);
        expect(await r.polls.findById(poll.id)).toEqual(poll);
        expect(await r.polls.deleteBallotsOfMember(f.alice.id)).toBe(2);
        expect((await r.polls.listBallots(poll.id)).map((b) => b.memberId)).toEqual([f.bob.id]);
      });
    });

    it('stores rounds and contributions with domains and author keys', async () => {
      await tx(async (r) => {
        const round = await r.rounds.create({
          tenantId: f.tenant.id, panelId: f.panel.id, meetingId: null, question: 'Q?', description: '', closesAt: null, createdById: f.facilitator.id,
        });
        expect(round).toMatchObject({ status: 'open', question: 'Q?' });
        const base = { tenantId: f.tenant.id, panelId: f.panel.id, roundId: round.id, language: 'nl' as const, channel: 'web' as const };
        const fields = { whatHappens: 'w', whatIsNeeded: 'n', idea: 'i' };
        const named = await r.contributions.create({ ...base, ...fields, authorId: f.alice.id, attribution: 'named', domainIds: [f.domains[2]!.id, f.domains[0]!.id] });
        expect(named).toMatchObject({ status: 'live', withdrawnAt: null, attribution: 'named', domainIds: [f.domains[0]!.id, f.domains[2]!.id] });
        const anon = await r.contributions.create({ ...base, ...fields, idea: 'secret', authorId: null, attribution: 'anonymous', domainIds: [] });
        const other = await r.contributions.create({ ...base, ...fields, roundId: null, authorId: f.bob.id, attribution: 'no_quote', domainIds: [f.domains[1]!.id] });

        await r.contributions.setAuthorKey(anon.id, 'ak-1');
        expect(await r.contributions.listAuthorKeys([anon.id, named.id])).toEqual([{ contributionId: anon.id, authorKey: 'ak-1' }]);
        expect(await r.contributions.listAnonymousIds(f.panel.id)).toEqual([anon.id]);
        await r.contributions.deleteAuthorKey(anon.id);
        await r.contributions.deleteAuthorKey(anon.id);
        expect(await r.contributions.listAuthorKeys([anon.id])).toEqual([]);

        const edited = await r.contributions.update(named.id, { idea: 'better', domainIds: [f.domains[1]!.id] });
        expect(edited).toMatchObject({ idea: 'better', whatHappens: 'w', domainIds: [f.domains[1]!.id], authorId: f.alice.id });
        const unlinked = await r.contributions.update(named.id, { authorId: null, attribution: 'anonymous' });
        expect(unlinked).toMatchObject({ authorId: null, attribution: 'anonymous', idea: 'better', domainIds: [f.domains[1]!.id] });
        await r.contributions.update(named.id, { authorId: f.alice.id, attribution: 'named' });

        const withdrawn = await r.contributions.withdraw(anon.id, at('2030-02-01T00:00:00Z'));
        expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnAt: at('2030-02-01T00:00:00Z') });
        expect((await r.contributions.listByRound(round.id)).map((c) => c.id)).toEqual([named.id, anon.id]);
        expect((await r.contributions.listByRound(round.id, { liveOnly: true })).map((c) => c.id)).toEqual([named.id]);
        expect((await r.contributions.listByPanel(f.panel.id, { liveOnly: true })).map((c) => c.id)).toEqual([named.id, other.id]);
        expect((await r.contributions.listByAuthor(f.bob.id)).map((c) => c.id)).toEqual([other.id]);
        expect((await r.contributions.findManyByIds([other.id, 'missing', named.id])).map((c) => c.id)).toEqual([other.id, named.id]);
        expect(await r.contributions.findById(other.id)).toEqual(other);

        const closed = await r.rounds.close(round.id, at('2030-03-01T00:00:00Z'));
        expect(closed.status).toBe('closed');
        expect(await r.rounds.listByPanel(f.panel.id, 'open')).toEqual([]);
        expect(await r.rounds.listByPanel(f.panel.id, 'closed')).toEqual([closed]);
        expect(await r.rounds.findById(round.id)).toEqual(closed);
      });
    });

    it('stores summary versions with ordered statements and citations', async () => {
      await tx(async (r) => {
        const c = await r.contributions.create({
          tenantId: f.tenant.id, panelId: f.panel.id, roundId: null, authorId: f.alice.id, language: 'nl', attribution: 'named',
          channel: 'web', domainIds: [], whatHappens: 'x', whatIsNeeded: 'y', idea: 'z',
        });
        const d = await r.contributions.create({
          tenantId: f.tenant.id, panelId: f.panel.id, roundId: null, authorId: f.bob.id, language: 'nl', attribution: 'named',
          channel: 'web', domainIds: [], whatHappens: 'x', whatIsNeeded: 'y', idea: 'z',
        });
        const summary = await r.summaries.create({
          tenantId: f.tenant.id, panelId: f.panel.id, roundId: null, meetingId: null, title: 'Sum', createdById: f.facilitator.id,
        });
        expect(await r.summaries.findById(summary.id)).toEqual(summary);
        expect(await r.summaries.listByPanel(f.panel.id)).toEqual([summary]);

        // Twelve citations: their order must survive more than ten (lexicographic "10" < "2" traps).
        const many = Array.from({ length: 12 }, (_, i) => ({ contributionId: i % 2 ? c.id : d.id, quote: `q${i}`, attributedName: i % 2 ? 'Alice' : 'Bob' }));
        const statements = [
          { position: 2, theme: 'T2', text: 'second', citations: [{ contributionId: null, quote: 'free', attributedName: null }] },
          { position: 1, theme: 'T1', text: 'first', citations: many },
        ];
        const facts = { contributions: 2, contributors: 2, themes: [{ theme: 'T1', contributors: 2 }], domainsRepresented: ['care'], domainsMissing: [] };
        const removals = [{ contributionId: d.id, reason: 'quote_not_found' as const, statementPosition: 1 }];
        const versionInput = {
          summaryId: summary.id, number: 1, contentHash: 'h1', language: 'nl' as const, generator: 'offline' as const, promptVersion: null,
          model: null, status: 'awaiting_consent' as const, failureReason: null, removals, facts, tokensIn: 0, tokensOut: 0, statements,
        };
        const v1 = await r.summaries.createVersion(versionInput);
        expect(v1.statements.map((s) => s.text)).toEqual(['first', 'second']);
        expect(v1.statements[0]!.citations.map((x) => x.quote)).toEqual(many.map((m) => m.quote));
        expect(v1).toMatchObject({ number: 1, removals, facts, publishedAt: null, status: 'awaiting_consent' });
        expect(await r.summaries.findVersion(v1.id)).toEqual(v1);

        const v2 = await r.summaries.createVersion({
          ...versionInput, number: 2, contentHash: 'h2', generator: 'llm', model: 'm', promptVersion: 'p1', removals: [], tokensIn: 5, tokensOut: 7,
          statements: [{ position: 1, theme: 'T', text: 'only', citations: [{ contributionId: c.id, quote: 'q', attributedName: 'Alice' }] }],
        });
        expect((await r.summaries.listVersions(summary.id)).map((v) => v.number)).toEqual([1, 2]);
        expect(await r.summaries.latestVersion(summary.id)).toEqual(v2);
        await r.summaries.setVersionStatus(v1.id, 'superseded');
        await r.summaries.setVersionStatus(v2.id, 'published', at('2030-04-01T00:00:00Z'));
        expect(await r.summaries.findVersion(v2.id)).toMatchObject({ status: 'published', publishedAt: at('2030-04-01T00:00:00Z') });
        expect((await r.summaries.findVersion(v1.id))?.status).toBe('superseded');

        await r.summaries.anonymiseCitations(v1.id, [c.id]);
        const anonymised = (await r.summaries.findVersion(v1.id))!.statements[0]!.citations;
        expect(anonymised.map((x) => x.attributedName)).toEqual(many.map((m) => (m.contributionId === c.id ? null : 'Bob')));
        expect((await r.summaries.findVersion(v2.id))!.statements[0]!.citations[0]!.attributedName).toBe('Alice');

        expect((await r.summaries.listVersionIdsCiting([c.id])).sort()).toEqual([v1.id, v2.id].sort());
        expect(await r.summaries.listVersionIdsCiting([d.id])).toEqual([v1.id]);
        expect(await r.summaries.listVersionIdsCiting([])).toEqual([]);
        expect(await r.summaries.eraseCitations([c.id])).toBe(7);
        const erased = (await r.summaries.findVersion(v1.id))!.statements[0]!.citations;
        expect(erased.map((x) => x.quote)).toEqual(many.map((m) => (m.contributionId === c.id ? '' : m.quote)));
      });
    });

    it('stores consent requests and append-only consent records', async () => {
      await tx(async (r) => {
        const summary = await r.summaries.create({ tenantId: f.tenant.id, panelId: f.panel.id, roundId: null, meetingId: null, title: 'S', createdById: f.facilitator.id });
        const v = await r.summaries.createVersion({
          summaryId: summary.id, number: 1, contentHash: 'h', language: 'nl', generator: 'offline', promptVersion: null, model: null,
          status: 'awaiting_consent', failureReason: null, removals: [], facts: { contributions: 0, contributors: 0, themes: [], domainsRepresented: [], domainsMissing: [] },
          tokensIn: 0, tokensOut: 0, statements: [],
        });
        const req = await r.consent.createRequest({ tenantId: f.tenant.id, versionId: v.id, memberId: f.alice.id, deadline: at('2030-05-01T00:00:00Z') });
        expect(req).toMatchObject({ status: 'pending', comment: null, respondedAt: null, deadline: at('2030-05-01T00:00:00Z') });
        const other = await r.consent.createRequest({ tenantId: f.tenant.id, versionId: v.id, memberId: f.bob.id, deadline: null });
        await r.consent.updateRequest(req.id, { status: 'change_requested', comment: 'please', respondedAt: at('2030-04-02T00:00:00Z') });
        await r.consent.updateRequest(req.id, { status: 'approved', respondedAt: at('2030-04-03T00:00:00Z') });
        expect(await r.consent.findRequest(req.id)).toMatchObject({ status: 'approved', comment: 'please', respondedAt: at('2030-04-03T00:00:00Z') });
        expect((await r.consent.listRequestsForVersion(v.id)).map((x) => x.id)).toEqual([req.id, other.id]);
        expect((await r.consent.listRequestsForMember(f.bob.id, 'pending')).map((x) => x.id)).toEqual([other.id]);
        expect(await r.consent.listRequestsForMember(f.alice.id, 'pending')).toEqual([]);
        expect(await r.consent.listRequestsForMember(f.alice.id)).toHaveLength(1);

        const record = {
          tenantId: f.tenant.id, pseudonym: f.alice.pseudonym, purpose: 'summary_quote' as const, objectType: 'summary_version', objectId: v.id,
          objectHash: 'h', textVersion: 'v1', language: 'nl' as const, decision: 'granted' as const, channel: 'slack' as const,
        };
        const first = await r.consent.appendRecord(record);
        const second = await r.consent.appendRecord({ ...record, decision: 'withdrawn', objectHash: null, textVersion: null });
        expect(first).toMatchObject(record);
        expect(await r.consent.listRecords(f.tenant.id, f.alice.pseudonym)).toEqual([first, second]);
        expect(Object.keys(r.consent).filter((k) => /record/i.test(k)).sort()).toEqual(['appendRecord', 'listParticipationRecords', 'listRecords']);
      });
    });

    it('keeps backlog item text when its contributions are unlinked', async () => {
      await tx(async (r) => {
        const base = { tenantId: f.tenant.id, panelId: f.panel.id, status: 'proposed' as const, owner: '', dueDate: null, progress: 0 };
        const pillar = await r.backlog.create({ ...base, level: 'pillar', parentId: null, title: 'Pillar', description: 'd', position: 1 });
        const action = await r.backlog.create({ ...base, level: 'action', parentId: pillar.id, title: 'Act', description: 'text', position: 0 });
        expect(action).toMatchObject({ boardResponse: '', respondedAt: null, links: [], parentId: pillar.id });
        const contributionId = `c-${uid()}`;
        const quoteLink = await r.backlog.addLink({ itemId: action.id, contributionId, pollId: null, statementId: null, quote: 'my words' });
        const pollLink = await r.backlog.addLink({ itemId: action.id, contributionId, pollId: 'poll-1', statementId: null, quote: 'more words' });
        expect((await r.backlog.findById(action.id))?.links).toEqual([quoteLink, pollLink]);
        expect(await r.backlog.listLinksForContributions([contributionId])).toEqual([quoteLink, pollLink]);

        expect(await r.backlog.unlinkContributions([contributionId])).toBe(2);
        expect(await r.backlog.listLinksForContributions([contributionId])).toEqual([]);
        const after = await r.backlog.findById(action.id);
        expect(after).toMatchObject({ title: 'Act', description: 'text' });
        expect(after?.links).toEqual([{ ...pollLink, contributionId: null, quote: null }]);
        expect(JSON.stringify(after)).not.toMatch(/my words|more words/);

        const answered = await r.backlog.update(action.id, { status: 'in_progress', progress: 40, boardResponse: 'ok', respondedAt: at('2030-06-01T00:00:00Z') });
        expect(answered).toMatchObject({ status: 'in_progress', progress: 40, boardResponse: 'ok', title: 'Act', owner: '' });
        expect((await r.backlog.listByPanel(f.panel.id)).map((i) => i.title)).toEqual(['Act', 'Pillar']);
      });
    });

    it('stores notifications', async () => {
      await tx(async (r) => {
        const mk = (i: number) => r.notifications.create({ tenantId: f.tenant.id, memberId: f.bob.id, kind: 'poll_opened', payload: { pollId: `p${i}`, n: i, x: null } });
        const n1 = await mk(1);
        const n2 = await mk(2);
        const n3 = await mk(3);
        expect(n1).toMatchObject({ payload: { pollId: 'p1', n: 1, x: null }, readAt: null, deliveredAt: null, kind: 'poll_opened' });
        expect((await r.notifications.listForMember(f.bob.id)).map((n) => n.id)).toEqual([n3.id, n2.id, n1.id]);
        expect((await r.notifications.listForMember(f.bob.id, { limit: 2 })).map((n) => n.id)).toEqual([n3.id, n2.id]);
        await r.notifications.markRead(f.alice.id, [n1.id], at('2030-01-01T00:00:00Z'));
        await r.notifications.markRead(f.bob.id, [n1.id, n3.id], at('2030-01-01T00:00:00Z'));
        expect((await r.notifications.listForMember(f.bob.id, { unreadOnly: true })).map((n) => n.id)).toEqual([n2.id]);
        await r.notifications.markDelivered(n1.id, at('2030-01-01T00:00:00Z'));
        const undelivered = await r.notifications.listUndelivered([f.bob.id], 100);
        expect(undelivered.map((n) => n.id)).toEqual([n2.id, n3.id]);
        expect(await r.notifications.listUndelivered([f.alice.id], 100)).toEqual([]);
        expect(await r.notifications.listUndelivered([], 100)).toEqual([]);
      });
    });

    it('appends and lists audit events', async () => {
      await tx(async (r) => {
        await r.audit.append({ tenantId: f.tenant.id, actorId: f.alice.id, action: 'poll.vote', objectType: 'poll', objectId: 'p1', details: { choice: 2, ok: true, none: null } });
        await r.audit.append({ tenantId: f.tenant.id, actorId: null, action: 'poll.close', objectType: 'poll', objectId: 'p1' });
        await r.audit.append({ tenantId: f.tenant.id, actorId: null, action: 'round.open', objectType: 'round', objectId: 'r1' });
        const all = await r.audit.list(f.tenant.id);
        expect(all.map((e) => e.action)).toEqual(['round.open', 'poll.close', 'poll.vote']);
        expect(all[2]).toMatchObject({ actorId: f.alice.id, details: { choice: 2, ok: true, none: null } });
        expect(all[1]).toMatchObject({ actorId: null, details: {} });
        expect((await r.audit.list(f.tenant.id, { objectId: 'p1' })).map((e) => e.action)).toEqual(['poll.close', 'poll.vote']);
        expect(await r.audit.list(f.tenant.id, { limit: 1 })).toEqual([all[0]]);
      });
    });

    it('claims a delivery once and keeps the transaction usable after a repeat', async () => {
      const key = `delivery-${uid()}`;
      const slug = `after-claim-${uid()}`;
      expect(await tx((r) => r.deliveries.seen(key))).toBe(false);
      const result = await tx(async (r) => {
        const first = await r.deliveries.claim(key);
        const second = await r.deliveries.claim(key);
        await r.tenants.create({ slug, name: 'written after the repeat' });
        await r.audit.append({ tenantId: f.tenant.id, actorId: null, action: 'delivery', objectType: 'delivery', objectId: key });
        return [first, second];
      });
      expect(result).toEqual([true, false]);
      expect(await tx((r) => r.deliveries.claim(key))).toBe(false);
      expect(await tx((r) => r.deliveries.seen(key))).toBe(true);
      expect(await tx((r) => r.tenants.findBySlug(slug))).not.toBeNull();
      expect(await tx((r) => r.audit.list(f.tenant.id, { objectId: key }))).toHaveLength(1);
    });

    it('rolls back a unit whose work throws, without retrying core errors', async () => {
      const slug = `rolled-back-${uid()}`;
      let attempts = 0;
      await expect(
        tx(async (r) => {
          attempts += 1;
          await r.tenants.create({ slug, name: 'never' });
          await r.deliveries.claim(slug);
          throw new DomainError('conflict');
        }),
      ).rejects.toBeInstanceOf(DomainError);
      expect(attempts).toBe(1);
      expect(await tx((r) => r.tenants.findBySlug(slug))).toBeNull();
      expect(await tx((r) => r.deliveries.claim(slug))).toBe(true);
    });

    it('retries a unit after a unique violation or a busy database, then gives up', async () => {
      let attempts = 0;
      const tenant = await tx(async (r) => {
        attempts += 1;
        // The first run collides with an existing slug, as a concurrent insert would.
        return r.tenants.create({ slug: attempts === 1 ? f.tenant.slug : `retried-${uid()}`, name: 'retried' });
      });
      expect(attempts).toBe(2);
      expect(tenant.name).toBe('retried');

      let busy = 0;
      await expect(
        tx(async () => {
          busy += 1;
          throw sqliteConflict();
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(busy).toBe(6);
    });

    it('runs 30 concurrent units that read a count and then insert a ballot', async () => {
      const { poll, members } = await tx(async (r) => {
        const poll = await r.polls.create({
          tenantId: f.tenant.id, panelId: f.panel.id, meetingId: null, question: 'Busy?', kind: 'scale', anonymity: 'confidential',
          resultsVisibility: 'live', maxChoices: null, deadline: null, createdById: f.facilitator.id, options: [],
        });
        const members: MemberRecord[] = [];
        for (let i = 0; i < 30; i++) members.push(await newMember(r, f, `Voter ${i}`));
        return { poll, members };
      });
      const seen = await Promise.all(
        members.map((m, i) =>
          tx(async (r) => {
            const before = (await r.polls.listBallots(poll.id)).length;
            await r.polls.createBallot({ pollId: poll.id, memberId: m.id, voterKey: null, choice: { kind: 'scale', value: (i % 5) + 1 }, reason: null });
            await r.polls.markParticipation(poll.id, m.id);
            return before;
          }),
        ),
      );
      expect(seen).toHaveLength(30);
      const ballots = await tx((r) => r.polls.listBallots(poll.id));
      expect(ballots).toHaveLength(30);
      expect(new Set(ballots.map((b) => b.memberId)).size).toBe(30);
      expect(await tx((r) => r.polls.listParticipants(poll.id))).toHaveLength(30);
    }, 60_000);

    it('detects the provider of a transaction client (PostgreSQL claims use createMany skipDuplicates)', async () => {
      await db.$transaction(async (t) => {
        expect(providerOf(t)).toBe(database.name);
      });
    });
  });
}
