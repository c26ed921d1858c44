import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardPage } from '../../src/board/views/overview.js';
import { itemPage } from '../../src/board/views/items.js';
import { consentMessage } from '../../src/channels/slack/views/consent.js';
import { translator as slackTranslator } from '../../src/channels/slack/i18n.js';
import { consentCard as teamsConsentCard } from '../../src/channels/teams/cards/consent.js';
import { versionCard } from '../../src/channels/teams/cards/summary.js';
import type { Ctx } from '../../src/web-ui/pages.js';
import { consentCard as webConsentCard } from '../../src/channels/web/views/consent.js';
import { versionPage } from '../../src/channels/web/views/version.js';
import {
  createBacklogItem,
  draftSummary,
  editSummary,
  eraseMember,
  expireConsentRequests,
  exportMember,
  getSummaryVersion,
  listBacklog,
  listSummaries,
  myConsentRequests,
  openIdeaRound,
  publishSummary,
  respondToConsent,
  submitContribution,
  withdrawContribution,
  type Actor,
  type BacklogItemRecord,
  type ContributionRecord,
  type CoreDeps,
  type StatementRecord,
  type SummaryVersionRecord,
} from '../../src/core/index.js';
import type { SynthesisRequest, SynthesisResult, Synthesizer } from '../../src/core/synthesis.js';
import { contentHash } from '../../src/core/use-cases/summary-versions.js';
import { translator } from '../../src/i18n/index.js';
import { testDatabases } from '../setup/databases.js';
import { makePanel, openHarness, type Harness, type TestPanel } from '../support/harness.js';
import { cardText } from '../support/teams-client.js';
import { dumpDatabase } from './privacy/dump.js';

/**
 * The life of a summary after it reached the board: edits that wait for consent while the board keeps
 * reading the published version, re-issues (withdrawal, erasure, consent deadline) of a published version
 * and of its draft at once, backlog links that follow their statement from version to version, and
 * translated quotes kept beside the verbatim quote everywhere.
 */

const DAY = 24 * 3600_000;
const WAITING_ROOM = 'De wachtzaal van de huisartsenpost is te klein voor rolstoelen.';
const ASHAMED = 'Ik schaam me om aan het OCMW te vragen wie mijn medicatie betaalt.';
const BUS = "Le bus ne passe qu'une fois par heure, je rate mes rendez-vous.";
const BUS_NL = 'De bus komt maar één keer per uur, ik mis mijn afspraken.';

/**
 * A synthesis as a language model would return it (with a translation for the French quote), so that the
 * statements are known: S1 "access" quotes e1 (named) and e2 (French, translated); S2 "costs" quotes e1's
 * anonymous contribution. Other questions get the same shape from whatever contributions they have.
 */
class ModelLike implements Synthesizer {
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const find = (text: string) => request.sources.find((s) => s.whatHappens === text || s.idea === text);
    const cite = (text: string, translation: string | null = null) => {
      const source = find(text);
      return source ? [{ contributionId: source.contributionId, quote: text, translation }] : [];
    };
    return {
      ok: true,
      generator: 'llm',
      promptVersion: 'test-1',
      model: 'stand-in',
      tokensIn: 10,
      tokensOut: 10,
      statements: [
        { theme: 'Toegang', text: 'Gebouwen en vervoer houden mensen weg van zorg.', citations: [...cite(WAITING_ROOM), ...cite(BUS, BUS_NL)] },
        { theme: 'Kosten', text: 'Medicatie betalen is moeilijk en beschamend.', citations: cite(ASHAMED) },
      ],
    };
  }
}

function webCtx(deps: CoreDeps, actor: Actor, query: Record<string, string> = {}, params: Record<string, string> = {}): Ctx {
  return { deps, actor, lang: actor.language, t: translator(actor.language), timeZone: 'Europe/Brussels', path: '/board', query, params };
}

/** Every "came from" link on the board page must land on a statement the page shows. */
async function boardHtml(deps: CoreDeps, actor: Actor): Promise<string> {
  const page = await boardPage(webCtx(deps, actor), null);
  const html = page.body.value;
  for (const [, id] of html.matchAll(/href="\/board#statement-([^"]+)"/g)) expect(html, `dangling link to statement ${id}`).toContain(`id="statement-${id}"`);
  return html;
}

const quotes = (v: SummaryVersionRecord) => v.statements.flatMap((s) => s.citations.map((c) => c.quote));
const statementIdsOf = (item: BacklogItemRecord) => [...new Set(item.links.map((l) => l.statementId).filter((id): id is string => !!id))];

describe('content hash', () => {
  const statement = (translation?: string | null) => ({ theme: 't', text: 'x', citations: [{ contributionId: 'c', quote: 'q', attributedName: null, translation }] });

  it('covers the translation shown with a quote, and is unchanged for a quote without one', () => {
    expect(contentHash('nl', [statement('vertaling')])).not.toBe(contentHash('nl', [statement(null)]));
    expect(contentHash('nl', [statement('vertaling')])).not.toBe(contentHash('nl', [statement('andere vertaling')]));
    // Versions stored before translations existed keep the hash their consent records hold.
    const legacy = createHash('sha256')
      .update(JSON.stringify({ language: 'nl', statements: [{ theme: 't', text: 'x', citations: [{ contributionId: 'c', quote: 'q' }] }] }))
      .digest('hex');
    expect(contentHash('nl', [statement(null)])).toBe(legacy);
    expect(contentHash('nl', [statement(undefined)])).toBe(legacy);
  });
});

describe.each(testDatabases())('summary versions after publication on $name', ({ makeUrl }) => {
  let h: Harness;
  let url: string;
  let now = new Date('2027-01-04T09:00:00Z');

  beforeAll(async () => {
    url = await makeUrl();
    h = await openHarness(url, { clock: { now: () => now }, synthesizer: new ModelLike(), privacy: { retentionDays: 730, consentDeadlineDays: 7 } });
  });
  afterAll(async () => h?.close());

  interface World {
    p: TestPanel;
    named: ContributionRecord;
    anonymous: ContributionRecord;
    bus: ContributionRecord;
    published: SummaryVersionRecord;
    /** From the "access" statement (named and translated quotes) and from the "costs" statement (anonymous quote). */
    access: BacklogItemRecord;
    costs: BacklogItemRecord;
  }

  async function approveAll(p: TestPanel, versionId: string, names = ['e1', 'e2']): Promise<void> {
    for (const name of names) {
      const review = (await myConsentRequests(h.deps, p.actor(name))).find((r) => r.version.id === versionId);
      if (review) await respondToConsent(h.deps, p.actor(name), review.request.id, { decision: 'approve' });
    }
  }

  /** e1 (nl) writes a named and an anonymous contribution, e2 (fr) a named one; the summary is published and the board plans two actions from it. */
  async function world(): Promise<World> {
    const { deps } = h;
    const p = await makePanel(deps, { experts: 3 });
    const fac = p.actor('fac');
    const round = await openIdeaRound(deps, fac, { question: 'Wat maakt zorg moeilijk bereikbaar?' });
    const named = await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: WAITING_ROOM, attribution: 'named' });
    const anonymous = await submitContribution(deps, p.actor('e1'), { roundId: round.id, whatHappens: ASHAMED, attribution: 'anonymous' });
    const bus = await submitContribution(deps, p.actor('e2'), { roundId: round.id, whatHappens: BUS, attribution: 'named' });
    const { version } = await draftSummary(deps, fac, { roundId: round.id, language: 'nl' });
    await approveAll(p, version.id);
    const published = await publishSummary(deps, fac, version.id);
    const board = p.actor('board');
    const [s1, s2] = published.statements;
    const access = await createBacklogItem(deps, board, { level: 'pillar', title: 'Bereikbare zorg', statementIds: [s1!.id] });
    const costs = await createBacklogItem(deps, board, { level: 'pillar', title: 'Betaalbare medicatie', statementIds: [s2!.id] });
    return { p, named, anonymous, bus, published, access, costs };
  }

  const item = async (w: World, which: BacklogItemRecord) => (await listBacklog(h.deps, w.p.actor('board'))).find((i) => i.id === which.id)!;
  const overview = async (w: World, role: 'fac' | 'board') => (await listSummaries(h.deps, w.p.actor(role))).find((o) => o.summary.id === w.published.summaryId)!;
  // A revision of each statement's wording: approvals only carry over to statements that did not change.
  const sameAs = (s: StatementRecord) => ({ statementId: s.id, theme: s.theme, text: `${s.text} (herzien)`, citations: s.citations.map((c) => ({ contributionId: c.contributionId, quote: c.quote })) });

  describe('translated quotes', () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
    });

    it('are stored beside the verbatim quote, hashed, and carried into backlog links', async () => {
      const citation = w.published.statements[0]!.citations.find((c) => c.contributionId === w.bus.id)!;
      expect(citation.quote).toBe(BUS);
      expect(citation.translation).toBe(BUS_NL);
      expect(w.published.statements[0]!.citations.find((c) => c.contributionId === w.named.id)!.translation).toBeNull();
      expect(w.published.contentHash).toBe(contentHash('nl', w.published.statements));
      const link = w.access.links.find((l) => l.contributionId === w.bus.id)!;
      expect(link).toMatchObject({ quote: BUS, translation: BUS_NL });
      const exported = await exportMember(h.deps, w.p.actor('admin'), w.p.member('e2').id);
      expect(exported.quotes).toEqual([expect.objectContaining({ quote: BUS, translation: BUS_NL })]);
      expect(exported.actionPlanLinks).toEqual([expect.objectContaining({ quote: BUS, translation: BUS_NL })]);
    });

    it('are shown marked as a translation on the web, the board, Slack and Teams, never instead of the quote', async () => {
      const { deps } = h;
      const fac = w.p.actor('fac');
      const edited = await editSummary(deps, fac, w.published.id, w.published.statements.map(sameAs));
      const review = (await myConsentRequests(deps, w.p.actor('e2'))).find((r) => r.version.id === edited.id)!;
      expect(review.version.statements[0]!.citations.find((c) => c.contributionId === w.bus.id)!.translation).toBe(BUS_NL);

      const web = webConsentCard(webCtx(deps, w.p.actor('e2')), review, null).value;
      expect(web).toContain(BUS.replace(/'/g, '&#39;'));
      expect(web).toContain(`Traduction, pas mot pour mot\u00a0:</span> <i>${BUS_NL}</i>`);

      const slack = JSON.stringify(consentMessage(slackTranslator('fr', 'Europe/Brussels'), review).blocks);
      expect(slack).toContain(BUS);
      expect(slack).toContain('_Traduction, pas mot pour mot\u00a0:_');
      expect(slack).toContain(BUS_NL);

      const view = { actor: w.p.actor('e2'), language: 'fr' as const, t: translator('fr'), timeZone: 'Europe/Brussels', boardUrl: 'http://localhost/board' };
      const teams = cardText(teamsConsentCard(view, review));
      expect(teams).toContain(BUS);
      expect(teams).toContain(`Traduction, pas mot pour mot\u00a0:`);
      expect(teams).toContain(BUS_NL);
      expect(cardText(versionCard({ ...view, actor: fac, language: 'nl', t: translator('nl') }, edited, undefined, []))).toContain('Vertaling, niet woord voor woord:');

      const board = await boardHtml(deps, w.p.actor('board'));
      expect(board).toContain('Vertaling, niet woord voor woord:</span> <i>De bus komt maar één keer per uur, ik mis mijn afspraken.</i>');
      const itemHtml = (await itemPage(webCtx(deps, w.p.actor('board'), {}, { id: w.access.id }), null)).body.value;
      expect(itemHtml).toContain(`<i>${BUS_NL}</i>`);
    });

    it('leave with the quote when its author is erased', async () => {
      const before = await dumpDatabase(url);
      expect(before).toContain(BUS_NL);
      await eraseMember(h.deps, w.p.actor('e2'), w.p.member('e2').id);
      const after = await dumpDatabase(url);
      expect(after.includes(BUS), 'quote still stored').toBe(false);
      expect(after.includes(BUS_NL), 'translation still stored').toBe(false);
    });
  });

  describe('an edit of a published summary', () => {
    let w: World;
    let draft: SummaryVersionRecord;

    beforeAll(async () => {
      w = await world();
    });

    it('waits for consent while the board keeps reading the published version', async () => {
      const { deps } = h;
      const fac = w.p.actor('fac');
      const [s1, s2] = w.published.statements;
      draft = await editSummary(deps, fac, w.published.id, [{ ...sameAs(s1!), text: 'Gebouwen en bussen houden mensen weg van de huisarts.' }, sameAs(s2!)]);
      expect(draft.status).toBe('awaiting_consent');
      expect(draft.statements.map((s) => s.originId)).toEqual([s1!.id, s2!.id]);
      expect(draft.statements[0]!.citations.find((c) => c.contributionId === w.bus.id)!.translation).toBe(BUS_NL);

      expect((await getSummaryVersion(deps, fac, w.published.id)).status).toBe('published');
      const forBoard = await overview(w, 'board');
      expect(forBoard.published!.id).toBe(w.published.id);
      expect((await getSummaryVersion(deps, w.p.actor('board'), w.published.id)).id).toBe(w.published.id);
      await expect(getSummaryVersion(deps, w.p.actor('board'), draft.id)).rejects.toMatchObject({ code: 'not_found' });
      const forFacilitator = await overview(w, 'fac');
      expect(forFacilitator.latest!.id).toBe(draft.id);
      expect(forFacilitator.published!.id).toBe(w.published.id);
      expect(forFacilitator.consent).toEqual({ pending: 2, approved: 0, other: 0 });
      expect(statementIdsOf(await item(w, w.access))).toEqual([s1!.id]);
      const html = await boardHtml(deps, w.p.actor('board'));
      expect(html).toContain(`href="/board#statement-${s1!.id}"`);
      const page = (await versionPage(webCtx(deps, fac, {}, { id: draft.id }), null)).body.value;
      expect(page).toContain(`Het bestuur leest intussen versie ${w.published.number}`);

      // The published version is not the one to work on while its draft exists.
      await expect(editSummary(deps, fac, w.published.id, [sameAs(s1!)])).rejects.toMatchObject({ code: 'version_not_current' });
      await expect(publishSummary(deps, fac, w.published.id)).rejects.toMatchObject({ code: 'version_not_current' });
      await expect(publishSummary(deps, fac, draft.id)).rejects.toMatchObject({ code: 'consent_missing', params: { count: 2 } });
    });

    it('a second edit replaces the draft, not the published version', async () => {
      const { deps } = h;
      const second = await editSummary(deps, w.p.actor('fac'), draft.id, draft.statements.map(sameAs));
      expect((await getSummaryVersion(deps, w.p.actor('fac'), draft.id)).status).toBe('superseded');
      expect(second.statements.map((s) => s.originId)).toEqual(w.published.statements.map((s) => s.id));
      expect((await overview(w, 'board')).published!.id).toBe(w.published.id);
      expect((await myConsentRequests(deps, w.p.actor('e2'))).map((r) => r.version.id)).toEqual([second.id]);
      draft = second;
    });

    it('once published, replaces the published version and the backlog follows its statements', async () => {
      const { deps } = h;
      await approveAll(w.p, draft.id);
      const published = await publishSummary(deps, w.p.actor('fac'), draft.id);
      expect(published.status).toBe('published');
      expect((await getSummaryVersion(deps, w.p.actor('fac'), w.published.id)).status).toBe('superseded');
      expect((await overview(w, 'board')).published!.id).toBe(published.id);
      expect(statementIdsOf(await item(w, w.access))).toEqual([published.statements[0]!.id]);
      expect(statementIdsOf(await item(w, w.costs))).toEqual([published.statements[1]!.id]);
      expect((await item(w, w.access)).links.find((l) => l.contributionId === w.bus.id)).toMatchObject({ quote: BUS, translation: BUS_NL });
      const html = await boardHtml(deps, w.p.actor('board'));
      expect(html).toContain(`href="/board#statement-${published.statements[0]!.id}"`);
      expect(html).not.toContain(w.published.statements[0]!.id);
      w.published = published;
    });

    it('an item from a statement the edit dropped loses that link and stays', async () => {
      const { deps } = h;
      const fac = w.p.actor('fac');
      const [s1] = w.published.statements;
      // The "costs" statement is left out; "access" is rewritten as a new statement (no statementId).
      const next = await editSummary(deps, fac, w.published.id, [{ ...sameAs(s1!), statementId: undefined }]);
      await approveAll(w.p, next.id);
      const published = await publishSummary(deps, fac, next.id);
      const costs = await item(w, w.costs);
      expect(costs.title).toBe('Betaalbare medicatie');
      expect(statementIdsOf(costs)).toEqual([]);
      // What it came from in the panel's words stays (the anonymous quote, approved for publication).
      expect(costs.links.map((l) => l.contributionId)).toEqual([w.anonymous.id]);
      expect(statementIdsOf(await item(w, w.access))).toEqual([]);
      expect((await item(w, w.access)).links.map((l) => l.contributionId).sort()).toEqual([w.named.id, w.bus.id].sort());
      await boardHtml(deps, w.p.actor('board'));
      expect(published.statements).toHaveLength(1);
    });
  });

  describe('a withdrawal while a published version and its draft both cite the contribution', () => {
    let w: World;
    let draft: SummaryVersionRecord;

    beforeAll(async () => {
      w = await world();
      draft = await editSummary(h.deps, w.p.actor('fac'), w.published.id, w.published.statements.map((s) => ({ ...sameAs(s), text: `${s.text} (herzien)` })));
      // e2 already approved the draft: that approval is for a version that is about to change.
      await approveAll(w.p, draft.id, ['e2']);
    });

    it('re-issues the published version as published and the draft as a draft, asking again whoever\'s quotes changed', async () => {
      const { deps } = h;
      expect((await withdrawContribution(deps, w.p.actor('e1'), w.named.id)).status).toBe('withdrawn');
      const forFacilitator = await overview(w, 'fac');
      const published = forFacilitator.published!;
      const next = forFacilitator.latest!;
      expect(published.id).not.toBe(w.published.id);
      expect(next.id).not.toBe(draft.id);
      expect(next.status).toBe('awaiting_consent');
      expect(next.number).toBeGreaterThan(draft.number);
      expect(published.number).toBeGreaterThan(draft.number);
      for (const version of [published, next]) {
        expect(quotes(version)).not.toContain(WAITING_ROOM);
        expect(quotes(version).sort()).toEqual([ASHAMED, BUS].sort());
        expect(version.removals).toContainEqual({ contributionId: w.named.id, reason: 'contribution_withdrawn' });
        expect(version.statements.flatMap((s) => s.citations).find((c) => c.contributionId === w.bus.id)!.translation).toBe(BUS_NL);
      }
      // Each keeps what it was: the published text for the board, the revised text in the draft.
      expect(published.statements[0]!.text).toBe(w.published.statements[0]!.text);
      expect(next.statements[0]!.text).toMatch(/\(herzien\)$/);
      expect(published.statements.map((s) => s.originId)).toEqual(w.published.statements.map((s) => s.id));
      expect(next.statements.map((s) => s.originId)).toEqual(w.published.statements.map((s) => s.id));
      for (const old of [w.published, draft]) expect((await getSummaryVersion(deps, w.p.actor('fac'), old.id)).status).toBe('superseded');

      // The board reads the re-issued published version; the draft still waits.
      expect((await overview(w, 'board')).published!.id).toBe(published.id);
      await expect(getSummaryVersion(deps, w.p.actor('board'), next.id)).rejects.toMatchObject({ code: 'not_found' });
      // e1, still cited, is asked about the new draft; e2's yes carries over: e2's own quote and its statement did not change.
      expect((await myConsentRequests(deps, w.p.actor('e1'))).map((r) => r.version.id)).toEqual([next.id]);
      expect(await myConsentRequests(deps, w.p.actor('e2'))).toEqual([]);
      expect(forFacilitator.consent).toEqual({ pending: 1, approved: 1, other: 0 });

      // The backlog item follows its statement into the re-issued published version, without the withdrawn quote.
      const access = await item(w, w.access);
      expect(statementIdsOf(access)).toEqual([published.statements[0]!.id]);
      expect(access.links.some((l) => l.contributionId === w.named.id || l.quote === WAITING_ROOM)).toBe(false);
      expect(statementIdsOf(await item(w, w.costs))).toEqual([published.statements[1]!.id]);
      await boardHtml(deps, w.p.actor('board'));
      w.published = published;
      draft = next;
    });

    it('a statement left without quotes disappears from both; its item stays without the link', async () => {
      const { deps } = h;
      await withdrawContribution(deps, w.p.actor('e1'), w.anonymous.id);
      const forFacilitator = await overview(w, 'fac');
      for (const version of [forFacilitator.published!, forFacilitator.latest!]) {
        expect(version.statements.map((s) => s.theme)).toEqual(['Toegang']);
        expect(quotes(version)).toEqual([BUS]);
      }
      expect(forFacilitator.latest!.status).toBe('awaiting_consent');
      const costs = await item(w, w.costs);
      expect(costs.title).toBe('Betaalbare medicatie');
      expect(costs.links).toEqual([]);
      expect(statementIdsOf(await item(w, w.access))).toEqual([forFacilitator.published!.statements[0]!.id]);
      await boardHtml(deps, w.p.actor('board'));

      // Only e2 is still quoted: once they approve, the draft replaces the published version and the link follows.
      expect(await myConsentRequests(deps, w.p.actor('e1'))).toEqual([]);
      await approveAll(w.p, forFacilitator.latest!.id, ['e2']);
      const published = await publishSummary(deps, w.p.actor('fac'), forFacilitator.latest!.id);
      expect(published.statements[0]!.text).toMatch(/\(herzien\)$/);
      expect(statementIdsOf(await item(w, w.access))).toEqual([published.statements[0]!.id]);
      expect((await getSummaryVersion(deps, w.p.actor('fac'), forFacilitator.published!.id)).status).toBe('superseded');
    });

    it('a withdrawal that only the published version is concerned by leaves the draft as it is', async () => {
      const { deps } = h;
      const v = await world();
      const [s1, s2] = v.published.statements;
      // The draft no longer quotes e1's named contribution; the published version still does.
      const pending = await editSummary(deps, v.p.actor('fac'), v.published.id, [
        { ...sameAs(s1!), citations: sameAs(s1!).citations.filter((c) => c.contributionId !== v.named.id) },
        sameAs(s2!),
      ]);
      await withdrawContribution(deps, v.p.actor('e1'), v.named.id);
      const o = await overview(v, 'fac');
      expect(o.latest!.id).toBe(pending.id);
      expect(o.published!.number).toBeGreaterThan(pending.number);
      expect(quotes(o.published!)).not.toContain(WAITING_ROOM);
      expect((await myConsentRequests(deps, v.p.actor('e2'))).map((r) => r.version.id)).toEqual([pending.id]);
      await approveAll(v.p, pending.id);
      const published = await publishSummary(deps, v.p.actor('fac'), pending.id);
      expect((await getSummaryVersion(deps, v.p.actor('fac'), o.published!.id)).status).toBe('superseded');
      expect(statementIdsOf(await item(v, v.access))).toEqual([published.statements[0]!.id]);
      expect(statementIdsOf(await item(v, v.costs))).toEqual([published.statements[1]!.id]);
      const board = await listSummaries(deps, v.p.actor('board'));
      expect(board.filter((b) => b.summary.id === v.published.summaryId).map((b) => b.published!.id)).toEqual([published.id]);
    });
  });

  describe('the consent deadline on a draft of a published summary', () => {
    it('re-issues the draft without the silent member and leaves the published version with the board', async () => {
      const { deps } = h;
      const w = await world();
      const fac = w.p.actor('fac');
      const draft = await editSummary(deps, fac, w.published.id, w.published.statements.map(sameAs));
      await approveAll(w.p, draft.id, ['e1']);
      now = new Date(now.getTime() + 8 * DAY);
      // The job runs over the whole database: other tests' drafts may expire too.
      const { reissued } = await expireConsentRequests(deps);
      const next = reissued.find((v) => v.summaryId === w.published.summaryId)!;
      expect(reissued.filter((v) => v.summaryId === w.published.summaryId)).toHaveLength(1);
      expect(next.status).toBe('awaiting_consent');
      expect(quotes(next)).not.toContain(BUS);
      expect(next.removals).toContainEqual({ contributionId: w.bus.id, reason: 'no_answer' });
      expect(next.statements.map((s) => s.originId)).toEqual(w.published.statements.map((s) => s.id));

      const o = await overview(w, 'fac');
      expect(o.published!.id).toBe(w.published.id);
      expect(o.published!.status).toBe('published');
      expect(o.latest!.id).toBe(next.id);
      expect((await overview(w, 'board')).published!.id).toBe(w.published.id);
      expect(statementIdsOf(await item(w, w.access))).toEqual([w.published.statements[0]!.id]);

      await approveAll(w.p, next.id, ['e1']);
      const published = await publishSummary(deps, fac, next.id);
      expect(statementIdsOf(await item(w, w.access))).toEqual([published.statements[0]!.id]);
      // The translated quote left with its author's silence; the backlog keeps what the board took from the earlier version.
      expect(quotes(published)).not.toContain(BUS);
    });
  });

  describe('erasure while a published version and its draft both cite the member', () => {
    it('re-issues both, each as what it was, and the backlog follows', async () => {
      const { deps } = h;
      const w = await world();
      const draft = await editSummary(deps, w.p.actor('fac'), w.published.id, w.published.statements.map(sameAs));
      const result = await eraseMember(deps, w.p.actor('admin'), w.p.member('e1').id);
      expect(result.reissuedSummaries).toBe(2);
      const o = await overview(w, 'fac');
      expect(o.published!.status).toBe('published');
      expect(o.latest!.status).toBe('awaiting_consent');
      expect(o.latest!.id).not.toBe(draft.id);
      for (const version of [o.published!, o.latest!]) {
        expect(quotes(version)).toEqual([BUS]);
        expect(version.statements.map((s) => s.originId)).toEqual([w.published.statements[0]!.id]);
      }
      expect((await myConsentRequests(deps, w.p.actor('e2'))).map((r) => r.version.id)).toEqual([o.latest!.id]);
      expect(statementIdsOf(await item(w, w.access))).toEqual([o.published!.statements[0]!.id]);
      expect((await item(w, w.costs)).links).toEqual([]);
      await boardHtml(deps, w.p.actor('board'));
    });
  });
});
