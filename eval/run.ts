/**
 * `npm run eval [-- --language nl|fr|en]`: synthesis over the fixture corpus (test/fixtures/contributions).
 * Against the configured model when OPENAI_API_KEY or AZURE_OPENAI_* is set, otherwise against a loopback
 * OpenAI-compatible stand-in that makes deliberate mistakes. Exits non-zero if a flawed quote got through.
 */
import { loadConfig, type LlmConfig } from '../src/config.js';
import { verifyStatements } from '../src/core/quote-check.js';
import type { SynthesisResult, Synthesizer } from '../src/core/synthesis.js';
import type { Language } from '../src/core/types.js';
import { createLogger } from '../src/logger.js';
import { createModelClient } from '../src/synthesis/llm/client.js';
import { LlmSynthesizer } from '../src/synthesis/llm/synthesizer.js';
import { OfflineSynthesizer } from '../src/synthesis/offline.js';
import { redactForModel } from '../src/synthesis/redact.js';
import { flawedModel, type Flaw } from '../test/support/openai-flawed.js';
import { honestModel } from '../test/support/openai-model.js';
import { startStandIn, type StandIn } from '../test/support/openai-standin.js';
import { loadCorpus, loadLabelled, requestFor, withdrawnIds, type Corpus } from './corpus.js';
import { coverage, flawsCaught, injectionsChanged, pct, personalDataInQuotes, removalsByReason, visibleDrafts, visibleVerified } from './metrics.js';
import { scoreOffline } from './offline-themes.js';
import { VOCABULARY_VERSION } from '../src/synthesis/vocabulary/index.js';

const flag = process.argv.indexOf('--language');
const language = (flag >= 0 ? process.argv[flag + 1] : 'nl') as Language;
const logger = createLogger('silent');

async function evaluate(name: string, corpus: Corpus, synthesizer: Synthesizer, flaws: Flaw[] | null): Promise<boolean> {
  const request = requestFor(corpus, ['nl', 'fr', 'en'].includes(language) ? language : 'nl');
  const started = performance.now();
  const result: SynthesisResult = await synthesizer.synthesize(request);
  const ms = performance.now() - started;
  console.log(`\n## ${name}`);
  if (!result.ok) {
    console.log(`failed: ${result.reason} (nothing would be published)`);
    return true;
  }
  const outcome = verifyStatements(result.statements, request.sources, withdrawnIds(corpus));
  const rows: [string, string][] = [
    ['generator / model / prompt', `${result.generator} / ${result.model ?? '-'} / ${result.promptVersion ?? '-'}`],
    ['contributions (live / withdrawn)', `${request.sources.length} / ${withdrawnIds(corpus).size}`],
    ['model calls (map + reduce)', result.passes ? `${result.passes.map} + ${result.passes.reduce}` : '0'],
    ['tokens in / out, est. cost', `${result.tokensIn} / ${result.tokensOut}, ${result.costMicros == null ? 'n/a' : `$${(result.costMicros / 1e6).toFixed(4)}`}`],
    ['statements drafted / kept', `${result.statements.length} / ${outcome.statements.length}`],
    ['quotes verified', pct({ hit: outcome.quotesKept, of: outcome.quotesChecked })],
    ['removed, by reason', removalsByReason(outcome)],
    ['contributions covered (quotable, live)', pct(coverage(corpus, outcome))],
    ['injections that changed the raw model output', pct(injectionsChanged(corpus, visibleDrafts(result.statements)))],
    ['injections that changed the verified output', describeInjections(injectionsChanged(corpus, visibleVerified(outcome)))],
    ['verified quotes with personal data', String(personalDataInQuotes(outcome))],
    ['time', `${ms.toFixed(0)} ms`],
  ];
  let ok = true;
  if (flaws) {
    const caught = flawsCaught(flaws, outcome);
    rows.splice(6, 0, ['flawed quotes caught', pct(caught)], ['flaws by kind', kinds(flaws)]);
    if (caught.missed.length > 0) {
      ok = false;
      rows.push(['MISSED', caught.missed.map((f) => `${f.kind}@${f.contributionId}`).join(', ')]);
    }
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  return ok;
}

function describeInjections(share: { hit: number; of: number; ids: string[] }): string {
  return share.hit === 0 ? pct(share) : `${pct(share)}: ${share.ids.join(', ')}`;
}

function kinds(flaws: Flaw[]): string {
  const counts = new Map<string, number>();
  for (const f of flaws) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

function standInConfig(standIn: StandIn, model: string, tokenBudget: number): LlmConfig {
  return { provider: 'openai', apiKey: 'stand-in', baseUrl: `${standIn.url}/v1`, model, timeoutMs: 10_000, maxRetries: 1, tokenBudget };
}

/**
 * The offline themes against a facilitator's hand labels, read in each language: the themes are the same
 * whatever the reader's language, the statements are written in it.
 */
function offlineAgreement(): void {
  console.log(`\n## offline themes against hand labels (vocabulary ${VOCABULARY_VERSION})`);
  const header = ['set', 'reader', 'ARI', 'NMI', 'theme recall', 'coverage', 'statements saying more than a count', 'quotes verbatim', 'themes', 'in other', 'ms'];
  const rows: string[][] = [];
  for (const [name, set] of [['themes.json', 'themes'], ['holdout-themes.json', 'holdout'], ['corpus.json', 'corpus']] as const) {
    const { corpus, truth } = loadLabelled(set);
    for (const reader of ['nl', 'fr', 'en'] as const) {
      const s = scoreOffline(corpus, truth, reader);
      rows.push([name, reader, s.ari.toFixed(2), s.nmi.toFixed(2), pct(s.recall), pct(s.coverage), pct(s.saysMore), pct(s.quotesVerbatim), String(s.themes), String(s.other), s.ms.toFixed(0)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log('theme recall: share of hand themes that are the majority of an offline theme; coverage: quotable contributions quoted.');
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  const config = loadConfig(process.env);
  console.log(`# Synthesis eval: ${corpus.contributions.length} fixture contributions, reader language ${language}`);
  let ok = await evaluate('offline synthesis (no model)', corpus, new OfflineSynthesizer(), null);
  offlineAgreement();

  if (config.llm) {
    const client = createModelClient(config.llm);
    ok = (await evaluate(`configured model (${config.llm.provider}, ${client.model})`, corpus, new LlmSynthesizer(client, { tokenBudget: config.llm.tokenBudget, logger, redact: redactForModel }), null)) && ok;
  } else {
    const injections = corpus.contributions.filter((c) => c.injection).map((c) => ({ contributionId: c.id, ...c.injection! }));
    const withdrawn = corpus.contributions.filter((c) => c.status === 'withdrawn');
    const flawed = flawedModel({ withdrawn, injections });
    const standIn = await startStandIn(flawed.reply);
    try {
      const synthesizer = new LlmSynthesizer(createModelClient(standInConfig(standIn, 'standin-flawed', 200_000)), { tokenBudget: 200_000, logger, redact: redactForModel });
      ok = (await evaluate('loopback stand-in, deliberately flawed, obeys every injection (one call)', corpus, synthesizer, flawed.flaws)) && ok;
      standIn.reply = honestModel();
      const budget = 3_000;
      const mapReduce = new LlmSynthesizer(createModelClient(standInConfig(standIn, 'standin-honest', budget)), { tokenBudget: budget, logger, redact: redactForModel });
      const before = standIn.requests.length;
      ok = (await evaluate(`loopback stand-in, honest, map-reduce with a ${budget}-token budget per call`, corpus, mapReduce, null)) && ok;
      const largest = Math.max(...standIn.requests.slice(before).map((r) => r.body.messages.reduce((n, m) => n + m.content.length, 0)));
      console.log(`largest prompt: ${largest} characters (~${Math.ceil(largest / 4)} tokens at 4 characters a token) for a ${budget}-token budget`);
    } finally {
      await standIn.close();
    }
  }
  console.log(ok ? '\nEvery deliberately flawed quote was caught.' : '\nA flawed quote got through verification.');
  process.exitCode = ok ? 0 : 1;
}

await main();
