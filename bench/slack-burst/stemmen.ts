// Stemmen as it runs in production in Slack HTTP mode (createApp + listen), its Web API pointed at the
// loopback stand-in, on the given database.
import { createApp, type App } from '../../src/app.js';
import { quietHoursFarFromNow } from '../burst-rounds.js';
import { slackRuntimeOf, type SlackRuntime } from '../../src/channels/slack/runtime.js';
import { loadConfig } from '../../src/config.js';

export interface StemmenSlack {
  app: App;
  url: string;
  runtime: SlackRuntime;
  close(): Promise<void>;
}

export async function startStemmenSlack(databaseUrl: string, signingSecret: string, apiUrl: string, logLevel = 'silent'): Promise<StemmenSlack> {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: logLevel,
    STEMMEN_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    STEMMEN_QUIET_HOURS: quietHoursFarFromNow(),
    STEMMEN_TIMEZONE: 'UTC',
    STEMMEN_DEMO: '0',
    STEMMEN_WEB_CHANNEL: '0',
    STEMMEN_PUBLIC_URL: 'https://stemmen.example.org',
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: `${apiUrl}/api/`,
  });
  const app = await createApp(config);
  const port = await app.listen();
  return { app, url: `http://127.0.0.1:${port}/slack/events`, runtime: slackRuntimeOf(app.deps), close: () => app.close() };
}
