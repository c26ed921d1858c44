import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { CoreDeps } from './core/context.js';
import type { Synthesizer } from './core/synthesis.js';
import { seedDemoPanel } from './core/seed-demo.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase } from './store/client.js';
import { createPrismaStore } from './store/prisma-store.js';
import { ChannelSet } from './channels/contract.js';
import { createBoardSite, createWebChatChannel } from './channels/web/index.js';
import type { PageOptions } from './web-ui/pages.js';
import { createBoardPages } from './board/index.js';
import { startPrivacyJobs, type PrivacyJobs } from './jobs/index.js';
import { createDrain, within } from './ops/graceful.js';
import { healthRoutes, timedSynthesizer } from './ops/health.js';
import { accessLog } from './ops/http-log.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { jobLockFor } from './store/job-lock.js';
import { outboxStats } from './store/outbox-stats.js';
import { readinessCheck, type Readiness } from './store/readiness.js';

export interface App {
  config: Config;
  deps: CoreDeps;
  logger: Logger;
  http: Express;
  /** The running channels, under the channel contract. */
  channels: ChannelSet;
  metrics: Metrics;
  /** What /readyz answers (without the "stopping" state). */
  ready(): Promise<Readiness>;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Runs the scheduled jobs once now, as the timer does (under the job lock on PostgreSQL). */
  runJobs(): Promise<void>;
  /**
   * Stops gracefully within config.ops.shutdownMs: /readyz turns 503, no new connections, requests in flight
   * and the running job finish (their transactions with them), then the database is closed.
   */
  close(): Promise<void>;
}

export interface AppOverrides {
  synthesizer?: Synthesizer;
  clock?: CoreDeps['clock'];
  logger?: Logger;
}

/**
 * The language model client (the openai package) is loaded only when a model is configured: it is the
 * largest part of start-up time and memory, and the offline synthesis does not need it.
 */
async function translatorFor(config: Config, logger: Logger): Promise<CoreDeps['translator']> {
  return config.llm ? (await import('./synthesis/index.js')).createContentTranslator(config, logger) : undefined;
}

async function synthesizerFor(config: Config, logger: Logger): Promise<Synthesizer> {
  if (config.llm) return (await import('./synthesis/index.js')).createSynthesizer(config, logger);
  logger.info({ event: 'synthesis.engine', generator: 'offline' }, 'no language model configured: summaries use the offline synthesis');
  const { OfflineSynthesizer } = await import('./synthesis/offline.js');
  return new OfflineSynthesizer();
}

/** Composition: storage (migrated on start), core deps, channels and pages, from one Config. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl, { transactionConcurrency: config.ops.dbConcurrency });
  const store = createPrismaStore(db);
  const clock = overrides.clock ?? { now: () => new Date() };
  // Every channel implements one contract (src/channels/contract.ts); the outbox depth counts what the
  // delivering ones among them will deliver.
  const channels = new ChannelSet();
  const metrics = createMetrics(() => outboxStats(db, channels.delivering(), clock.now()));
  const deps: CoreDeps = {
    store,
    clock,
    secret: config.secret,
    synthesizer: timedSynthesizer(overrides.synthesizer ?? (await synthesizerFor(config, logger)), metrics, config.llm?.provider ?? 'offline'),
    privacy: { retentionDays: config.retentionDays, consentDeadlineDays: config.consentDeadlineDays },
  };
  const translator = await translatorFor(config, logger);
  if (translator) deps.translator = translator;
  if (config.demo) {
    const seeded = await seedDemoPanel(deps);
    if (seeded) logger.info({ tenantId: seeded.tenant.id, members: seeded.members.length }, 'demo panel seeded');
  }

  const http = express();
  http.disable('x-powered-by');
  http.set('trust proxy', false);
  const drain = createDrain();
  const ready = readinessCheck(db, config.databaseUrl);
  http.use(drain.middleware);
  http.use(accessLog(config.ops.accessLog ? logger : null, metrics));
  http.use(healthRoutes({ ready, stopping: () => drain.draining, metrics, metricsAt: config.ops.metrics }));
  // Without the local web channel, the board pages are reached from Slack or Teams through sign-in links.
  const pageOptions: PageOptions = { timeZone: config.timeZone, logger, site: config.webChannel ? 'web' : 'board', publicUrl: config.publicUrl, channels };
  // Chat channels are loaded only when configured, so a local start needs none of their credentials.
  if (config.slack) {
    const { createSlackChannel } = await import('./channels/slack/index.js');
    channels.add(await createSlackChannel(deps, config, logger));
  }
  if (config.teams) {
    const { createTeamsChannel } = await import('./channels/teams/index.js');
    channels.add(await createTeamsChannel(deps, config, logger));
  }
  for (const channel of channels.list()) if (channel.router) http.use(channel.router);
  http.use('/board', createBoardPages(deps, pageOptions));
  if (config.webChannel) {
    const web = createWebChatChannel(deps, pageOptions);
    channels.add(web);
    http.use('/', web.router);
  } else {
    http.use('/', createBoardSite(deps, pageOptions));
  }

  let server: Server | null = null;
  // Consent deadlines and retention run while the app listens (see src/jobs).
  let jobs: PrivacyJobs | null = null;
  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    const deadline = Date.now() + config.ops.shutdownMs;
    const left = () => deadline - Date.now();
    // Stop taking work first (the server, the job timer, Socket Mode), then wait for what is under way.
    const served = server ? drain.close(server, config.ops.shutdownMs) : Promise.resolve('drained' as const);
    const background = Promise.all([jobs?.stop(), ...channels.list().map((c) => c.stop())]).then(() => 'done' as const);
    const [http, work] = await Promise.all([served, within(background, left(), 'cut' as const)]);
    if (http === 'cut' || work === 'cut') logger.warn({ http, work, ms: config.ops.shutdownMs }, 'shutdown ran out of time; cut what was left');
    await store.close();
  }
  return {
    config,
    deps,
    logger,
    http,
    channels,
    metrics,
    ready,
    listen: () =>
      new Promise((resolve, reject) => {
        server = http.listen(config.port, config.host, () => {
          const address = server!.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          jobs = startPrivacyJobs(deps, logger, { metrics, lock: jobLockFor(config.databaseUrl), hooks: { pollsClosed: (polls) => channels.pollsClosed(polls) } });
          Promise.all(channels.list().map((c) => c.start())).then(() => resolve(port), reject);
        });
        server.once('error', reject);
      }),
    runJobs: () => jobs?.runOnce() ?? Promise.resolve(),
    close: () => (closing ??= close()),
  };
}
