// The real app (createApp + listen) with Slack configured in HTTP mode, its Web API pointed at the
// loopback stand-in, on a fresh SQLite database.
import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { slackRuntimeOf, type SlackRuntime } from '../../src/channels/slack/runtime.js';
import { loadConfig } from '../../src/config.js';
import { makeSqliteUrl } from '../setup/databases.js';
import { startSlackApi, type SlackApiStandIn } from './slack-api.js';
import { SlackSender } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SlackTestApp {
  app: App;
  api: SlackApiStandIn;
  slack: SlackSender;
  runtime: SlackRuntime;
  port: number;
  /** Waits until every piece of work Slack triggered (after its acknowledgement) is done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackApp(
  opts: { env?: Record<string, string>; overrides?: AppOverrides; databaseUrl?: string; api?: SlackApiStandIn } = {},
): Promise<SlackTestApp> {
  const api = opts.api ?? (await startSlackApi());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl ?? (await makeSqliteUrl()),
    LOG_LEVEL: 'silent',
    STEMMEN_SECRET: 'slack-test-secret-that-is-long-enough-0123456789',
    STEMMEN_QUIET_HOURS: '03:00-03:01',
    STEMMEN_DEMO: '0',
    STEMMEN_WEB_CHANNEL: '0',
    STEMMEN_PUBLIC_URL: 'https://stemmen.example.org',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${api.url}/api/`,
    ...opts.env,
  });
  const app = await createApp(config, opts.overrides ?? {});
  const port = await app.listen();
  const runtime = slackRuntimeOf(app.deps);
  const slack = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, { id: api.team.id, domain: 'zone-test' }, api.url);
  return {
    app,
    api,
    slack,
    runtime,
    port,
    settle: () => runtime.idle(),
    close: async () => {
      await app.close();
      if (!opts.api) await api.close();
    },
  };
}
