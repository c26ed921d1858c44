import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { CoreDeps } from './core/context.js';
import type { Synthesizer } from './core/synthesis.js';
import { seedDemoPanel } from './core/seed-demo.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase } from './store/client.js';
import { createPrismaStore } from './store/prisma-store.js';
import { createSynthesizer } from './synthesis/index.js';
import { ChannelSet } from './channels/contract.js';
import { createBoardSite, createWebChatChannel } from './channels/web/index.js';
import type { PageOptions } from './web-ui/pages.js';
import { createBoardPages } from './board/index.js';
import { startPrivacyJobs, type PrivacyJobs } from './jobs/index.js';

export interface App {
  config: Config;
  deps: CoreDeps;
  logger: Logger;
  http: Express;
  /** The running channels, under the channel contract. */
  channels: ChannelSet;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface AppOverrides {
  synthesizer?: Synthesizer;
  clock?: CoreDeps['clock'];
  logger?: Logger;
}

/** Composition: storage (migrated on start), core deps, channels and pages, from one Config. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl);
  const store = createPrismaStore(db);
  const deps: CoreDeps = {
    store,
    clock: overrides.clock ?? { now: () => new Date() },
    secret: config.secret,
    synthesizer: overrides.synthesizer ?? createSynthesizer(config, logger),
    privacy: { retentionDays: config.retentionDays, consentDeadlineDays: config.consentDeadlineDays },
  };
  if (config.demo) {
    const seeded = await seedDemoPanel(deps);
    if (seeded) logger.info({ tenantId: seeded.tenant.id, members: seeded.members.length }, 'demo panel seeded');
  }

  const http = express();
  http.disable('x-powered-by');
  http.set('trust proxy', false);
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Without the local web channel, the board pages are reached from Slack or Teams through sign-in links.
  // Every channel implements one contract (src/channels/contract.ts).
  const channels = new ChannelSet();
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
  return {
    config,
    deps,
    logger,
    http,
    channels,
    listen: () =>
      new Promise((resolve, reject) => {
        server = http.listen(config.port, config.host, () => {
          const address = server!.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          jobs = startPrivacyJobs(deps, logger);
          Promise.all(channels.list().map((c) => c.start())).then(() => resolve(port), reject);
        });
        server.once('error', reject);
      }),
    close: async () => {
      await jobs?.stop();
      for (const channel of channels.list()) await channel.stop();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await store.close();
    },
  };
}
