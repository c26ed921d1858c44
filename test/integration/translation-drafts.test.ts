// Translations drafted by a language model: through the app over real HTTP, with the openai SDK talking to a
// loopback server that speaks the chat completions API (no network), and through the core on both databases.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  acceptParticipation,
  boardBrief,
  eraseMember,
  createBacklogItem,
  createPoll,
  draftTranslations,
  listWebIdentities,
  openIdeaRound,
  readerTexts,
  resolveActor,
  respondToBacklogItem,
  translateContent,
  type Actor,
  type CoreDeps,
} from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import { createModelClient } from '../../src/synthesis/llm/client.js';
import { LlmContentTranslator } from '../../src/synthesis/llm/translator.js';
import { redactForModel } from '../../src/synthesis/redact.js';
import { t } from '../../src/i18n/index.js';
import { startApp } from '../e2e/helpers.js';
import { testDatabases } from '../setup/databases.js';
import { usePanelHarness } from '../support/harness.js';
import { seedBrief } from '../support/brief-fixture.js';
import { briefCsv } from '../../src/board/brief/csv.js';
import { briefDocument } from '../../src/board/brief/document.js';
import { briefMarkdown } from '../../src/board/brief/markdown.js';
import { completion, startStandIn, type ReplyFn, type StandIn, type StandInRequest } from '../support/openai-standin.js';

/** The texts and target languages the prompt carries. */
function asked(request: StandInRequest): { texts: { id: string; text: string }[]; to: string[] } {
  const system = request.body.messages.find((m) => m.role === 'system')?.content ?? '';
  const user = request.body.messages.find((m) => m.role === 'user')?.content ?? '';
  const block = /<texts id="([0-9a-f]+)">\n([\s\S]*?)\n<\/texts id="\1">/.exec(user)?.[2] ?? '';
  const to = [...(/Use the language codes (.*) in "language"/.exec(system)?.[1] ?? '').matchAll(/"(nl|fr|en)"/g)].map((m) => m[1]!);
  return { texts: block.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; text: string }), to };
}

/** A model that "translates" by tagging each text with the language, so a test can tell what came back. */
const taggingModel: ReplyFn = (request) => {
  const { texts, to } = asked(request);
  return completion(JSON.stringify({ translations: texts.flatMap((x) => to.map((language) => ({ id: x.id, language, text: `[${language}] ${x.text}` }))) }));
};

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn(taggingModel);
});
afterAll(async () => standIn?.close());

describe('drafting translations on the translations page', () => {
  let app: App;
  let plain: App;
  let base: string;
  let plainBase: string;
  const dirs: string[] = [];
  const cookies = new Map<string, string>();
  let tenantId = '';
  const ids = new Map<string, string>();

  const post = (url: string, body: URLSearchParams, cookie: string) =>
    fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, cookie }, body });
  const page = async (url: string, cookie: string) => (await fetch(url, { headers: { cookie } })).text();
  const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  async function login(at: string, name: string, tenant: string, member: string): Promise<string> {
    const res = await post(`${at}/session`, new URLSearchParams({ tenant, member }), '');
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    cookies.set(`${at} ${name}`, cookie);
    return cookie;
  }
  const actor = (name: string): Promise<Actor> => resolveActor(app.deps, { tenantId, channel: 'web', externalId: ids.get(name)! });

  beforeAll(async () => {
    ({ app, base, dir: dirs[0] } = await startApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${standIn.url}/v1`, LLM_MAX_RETRIES: '0' }) as { app: App; base: string; dir: string });
    const started = await startApp();
    ({ app: plain, base: plainBase } = started);
    dirs.push(started.dir);
    const [zone] = await listWebIdentities(app.deps);
    tenantId = zone!.tenantId;
    for (const m of zone!.members) ids.set(m.displayName, m.id);
    for (const name of ['Sofie (facilitator)', 'Chantal']) await login(base, name, tenantId, ids.get(name)!);
    await acceptParticipation(app.deps, await actor('Chantal'));
    const [other] = await listWebIdentities(plain.deps);
    await login(plainBase, 'Sofie (facilitator)', other!.tenantId, other!.members.find((m) => m.displayName === 'Sofie (facilitator)')!.id);
  });
  afterAll(async () => {
    await app?.close();
    await plain?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('drafts the missing translations of a poll, shows them to nobody but staff until a person confirms or edits them', async () => {
    const sofie = cookies.get(`${base} Sofie (facilitator)`)!;
    const poll = await createPoll(app.deps, await actor('Sofie (facilitator)'), { question: 'Welk vervoer mist u het meest?', kind: 'single', options: ['De bus', 'Een taxi'] });
    const formId = `tr-poll-${poll.id}`;
    const before = decode(await page(`${base}/board/translations`, sofie));
    expect(before).toContain(t('nl', 'translate:drafting'));
    expect(before).toContain(`formaction="/board/translations/draft">${t('nl', 'translate:askDrafts')}`);

    // "Suggest": what was typed is saved, the model fills in the rest.
    const typed = new URLSearchParams({ formId, objectType: 'poll', objectId: poll.id, pollId: poll.id, [`t.poll.${poll.id}.question.en`]: 'Which transport do you miss most?' });
    const drafted = await post(`${base}/board/translations/draft`, typed, sofie);
    expect(drafted.status).toBe(303);
    expect(drafted.headers.get('location')).toBe(`/board/translations?done=translations_drafted#${formId}`);
    const [sent] = standIn.requests.splice(0);
    expect(sent!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'translations', strict: true } });
    expect(asked(sent!).texts.map((x) => x.text)).toEqual(['Welk vervoer mist u het meest?', 'De bus', 'Een taxi']);

    const objects = { poll: [poll.id], poll_option: poll.options.map((o) => o.id) };
    const chantal = await actor('Chantal'); // reads French
    const question = (who: Actor) => readerTexts(app.deps, who, objects).then((r) => r.get('poll', poll.id, 'question', poll.question));
    expect(await question(chantal)).toEqual({ text: poll.question, lang: 'nl', kind: 'untranslated' });
    expect(await question({ ...chantal, role: 'board' })).toMatchObject({ kind: 'untranslated' });
    expect(await question({ ...chantal, role: 'facilitator' })).toEqual({ text: '[fr] Welk vervoer mist u het meest?', lang: 'fr', kind: 'draft' });
    // The person's English was kept, not replaced by a draft.
    expect((await question({ ...chantal, language: 'en' })).text).toBe('Which transport do you miss most?');
    expect(decode(await page(`${base}/home`, cookies.get(`${base} Chantal`)!))).not.toContain('[fr]');

    const draftPage = decode(await page(`${base}/board/translations`, sofie));
    expect(draftPage.match(new RegExp(t('nl', 'translate:draftMark'), 'g'))).toHaveLength(5); // the question in French, the two options in French and English
    expect(draftPage).toContain(t('nl', 'translate:confirm'));

    // Saved unchanged: still drafts. One option edited: that one is the person's. Then "confirm": readers get the rest.
    const form = (extra: Record<string, string>) =>
      new URLSearchParams({
        formId, objectType: 'poll', objectId: poll.id, pollId: poll.id,
        [`t.poll.${poll.id}.question.fr`]: '[fr] Welk vervoer mist u het meest?',
        [`t.poll_option.${poll.options[0]!.id}.label.fr`]: '[fr] De bus',
        [`t.poll_option.${poll.options[1]!.id}.label.fr`]: 'Un taxi',
        ...extra,
      });
    expect((await post(`${base}/board/translations`, form({}), sofie)).status).toBe(303);
    const texts = await readerTexts(app.deps, chantal, objects);
    expect(texts.get('poll', poll.id, 'question', poll.question).kind).toBe('untranslated');
    expect(texts.get('poll_option', poll.options[1]!.id, 'label', 'Een taxi')).toEqual({ text: 'Un taxi', lang: 'fr', kind: 'translated' });
    expect((await post(`${base}/board/translations`, form({ confirm: '1' }), sofie)).status).toBe(303);
    expect(await question(chantal)).toEqual({ text: '[fr] Welk vervoer mist u het meest?', lang: 'fr', kind: 'translated' });

    // Nothing missing any more: no call to the model.
    const again = await post(`${base}/board/translations/draft`, new URLSearchParams({ formId, objectType: 'poll', objectId: poll.id }), sofie);
    expect(again.headers.get('location')).toBe(`/board/translations?done=translations_none_missing#${formId}`);
    expect(standIn.requests).toHaveLength(0);
  });

  it('says drafting is not available without a language model, and keeps everything else as it was', async () => {
    const sofie = cookies.get(`${plainBase} Sofie (facilitator)`)!;
    const [zone] = await listWebIdentities(plain.deps);
    const fac = await resolveActor(plain.deps, { tenantId: zone!.tenantId, channel: 'web', externalId: zone!.members.find((m) => m.displayName === 'Sofie (facilitator)')!.id });
    const round = await openIdeaRound(plain.deps, fac, { question: 'Wat helpt jou?' });
    const html = decode(await page(`${plainBase}/board/translations`, sofie));
    expect(html).toContain(t('nl', 'translate:draftingUnavailable'));
    expect(html).not.toContain(t('nl', 'translate:askDrafts'));
    const refused = await post(`${plainBase}/board/translations/draft`, new URLSearchParams({ formId: `tr-round-${round.id}`, objectType: 'round', objectId: round.id }), sofie);
    expect(refused.status).toBe(501);
    expect(decode(await refused.text())).toContain(t('nl', 'errors:drafting_unavailable'));
    const saved = await post(`${plainBase}/board/translations`, new URLSearchParams({ formId: `tr-round-${round.id}`, [`t.round.${round.id}.question.fr`]: "Qu'est-ce qui vous aide ?" }), sofie);
    expect(saved.status).toBe(303);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe.each(testDatabases())('drafted translations in the core on $name', ({ makeUrl }) => {
  const translator = () => new LlmContentTranslator(createModelClient({ provider: 'openai', apiKey: 'sk-test', baseUrl: `${standIn.url}/v1`, model: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 0, tokenBudget: 50_000 }), { logger: createLogger('silent'), redact: redactForModel });
  const s = usePanelHarness(makeUrl, { experts: 2 });
  const withModel = (): CoreDeps => ({ ...s.h.deps, translator: translator() });

  it('drafts plan items for the board, keeps only what was asked, and stores nothing when the model fails', async () => {
    const board = s.p.actor('board');
    const item = await createBacklogItem(s.h.deps, board, { level: 'pillar', title: 'Vervoer naar de zorg' });
    await respondToBacklogItem(s.h.deps, board, item.id, 'Bel 0471 23 45 67 voor een rit.');
    await translateContent(s.h.deps, board, [{ objectType: 'backlog_item', objectId: item.id, field: 'title', language: 'en', text: 'Transport to care' }]);
    // A facilitator does not write the action plan, so cannot draft its translations either.
    await expect(draftTranslations(withModel(), s.p.actor('fac'), { objectType: 'backlog_item', objectId: item.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(draftTranslations(s.h.deps, board, { objectType: 'backlog_item', objectId: item.id })).rejects.toMatchObject({ code: 'drafting_unavailable' });

    // The model adds an answer nobody asked for (a language, an id) and one far too long: those are dropped.
    standIn.reply = (request, i) => {
      const reply = taggingModel(request, i) as { json: { choices: { message: { content: string } }[] } };
      const body = JSON.parse(reply.json.choices[0]!.message.content) as { translations: { id: string; language: string; text: string }[] };
      body.translations.push({ id: 't9', language: 'fr', text: 'x' }, { id: 't1', language: 'nl', text: 'x' });
      body.translations = body.translations.map((x) => (x.id === 't2' && x.language === 'en' ? { ...x, text: 'y'.repeat(6000) } : x));
      return completion(JSON.stringify(body));
    };
    standIn.requests.length = 0;
    // Asked: the title in French, the answer in French and English; the English answer came back too long.
    expect(await draftTranslations(withModel(), board, { objectType: 'backlog_item', objectId: item.id })).toBe(2);
    expect(JSON.stringify(standIn.requests[0]!.body)).not.toContain('0471 23 45 67'); // the privacy guard ran
    const rows = await s.h.deps.store.transaction((repos) => repos.translations.listFor('backlog_item', [item.id]));
    expect(rows.map((r) => [r.field, r.language, r.source, r.confirmedAt === null]).sort()).toEqual([
      ['boardResponse', 'fr', 'llm', true],
      ['title', 'en', 'person', false],
      ['title', 'fr', 'llm', true],
    ].sort());

    standIn.reply = () => completion(null, { refusal: 'I cannot help with that.' });
    const round = await openIdeaRound(s.h.deps, s.p.actor('fac'), { question: 'Wat helpt jou?', description: 'Vertel het ons.' });
    await expect(draftTranslations(withModel(), s.p.actor('fac'), { objectType: 'round', objectId: round.id })).rejects.toMatchObject({ code: 'drafting_failed' });
    expect(await s.h.deps.store.transaction((repos) => repos.translations.listFor('round', [round.id]))).toEqual([]);
    standIn.reply = taggingModel;
  });
});

describe.each(testDatabases())('translated statements in the board brief on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 4 });

  it('drafts a summary’s statements, keeps drafts out of the brief until confirmed, and erases them with the member’s words', async () => {
    const deps: CoreDeps = { ...s.h.deps, translator: new LlmContentTranslator(createModelClient({ provider: 'openai', apiKey: 'sk-test', baseUrl: `${standIn.url}/v1`, model: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 0, tokenBudget: 50_000 }), { logger: createLogger('silent') }) };
    const fac = s.p.actor('fac');
    const frenchBoard = { ...s.p.actor('board'), language: 'fr' as const };
    const { published } = await seedBrief(deps, s.p);
    const [first, second] = [...published.statements].sort((a, b) => a.position - b.position);

    await expect(draftTranslations(deps, s.p.actor('board'), { objectType: 'summary_version', objectId: published.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await draftTranslations(deps, fac, { objectType: 'summary_version', objectId: published.id })).toBe(8); // 2 statements x (theme, text) x (fr, en)
    const statementOf = async () => (await boardBrief(deps, frenchBoard, {})).summaries[0]!.statements;
    expect((await statementOf()).map((st) => st.translation)).toEqual([null, null]);

    const fr = (statementId: string, field: string, text: string) => ({ objectType: 'statement', objectId: statementId, versionId: published.id, field, language: 'fr', text });
    await translateContent(deps, fac, [fr(first!.id, 'theme', `[fr] ${first!.theme}`), fr(first!.id, 'text', `[fr] ${first!.text}`), fr(second!.id, 'text', 'Les coûts passent après les factures.')], { confirmDrafts: true });
    const statements = await statementOf();
    expect(statements[0]!.translation).toEqual({ theme: `[fr] ${first!.theme}`, text: `[fr] ${first!.text}`, lang: 'fr' });
    // Its theme's draft was not in what the person confirmed: the original theme is shown with the translated text.
    expect(statements[1]!.translation).toEqual({ theme: second!.theme, text: 'Les coûts passent après les factures.', lang: 'fr' });
    const brief = await boardBrief(deps, frenchBoard, {});
    expect(briefMarkdown(briefDocument(brief, 'fr', 'Europe/Brussels'))).toContain(`${t('fr', 'brief:translation')} \\[fr\\] ${first!.theme}: \\[fr\\] ${first!.text}`);
    expect(briefCsv(brief, 'fr')).toContain('statement_translation');
    // The summary is in Dutch: no "translation" into Dutch, and the board does not write statements.
    await expect(translateContent(deps, fac, [{ ...fr(first!.id, 'text', 'x'), language: 'nl' }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(translateContent(deps, s.p.actor('board'), [fr(first!.id, 'text', 'x')])).rejects.toMatchObject({ code: 'forbidden' });

    // e1 is erased: the statement that quoted only e1 is blanked, and so are its translations; the other stays.
    await eraseMember(deps, s.p.actor('admin'), s.p.member('e1').id);
    const left = await deps.store.transaction((repos) => repos.translations.listFor('statement', [first!.id, second!.id]));
    expect(left.some((x) => x.objectId === first!.id)).toBe(false);
    expect(left.some((x) => x.objectId === second!.id)).toBe(true);
  });
});
