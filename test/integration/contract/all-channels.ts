// One real app with all three channels on (Slack in HTTP mode against its Web API stand-in, Teams against
// its connector stand-in, the local web channel with the demo zone), on the given database, with a clock
// the test moves.
import { createApp, type App } from '../../../src/app.js';
import { slackRuntimeOf } from '../../../src/channels/slack/runtime.js';
import { loadConfig } from '../../../src/config.js';
import { startSlackApi, type SlackApiStandIn } from '../../support/slack-api.js';
import type { SlackTestApp } from '../../support/slack-app.js';
import { SlackSender } from '../../support/slack-requests.js';
import { APP_ID, TeamsClient } from '../../support/teams-client.js';
import { TeamsStandIn } from '../../support/teams-standin.js';

export interface AllChannels {
  app: App;
  base: string;
  slack: SlackTestApp;
  teams: TeamsClient;
  teamsStandIn: TeamsStandIn;
  clock: { now: Date };
  close(): Promise<void>;
}

const SIGNING_SECRET = 'contract-signing-secret-0123456789abcdef';

export async function startAllChannels(databaseUrl: string): Promise<AllChannels> {
  const api: SlackApiStandIn = await startSlackApi();
  const teamsStandIn = await TeamsStandIn.start();
  // Azure App Service hands a managed identity its tokens through these two variables; the SDK reads them.
  process.env.IDENTITY_ENDPOINT = `${teamsStandIn.url}/msi/token`;
  process.env.IDENTITY_HEADER = teamsStandIn.identityHeader;
  const clock = { now: new Date() };
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    STEMMEN_SECRET: 'contract-test-secret-that-is-long-enough-0123',
    STEMMEN_QUIET_HOURS: '03:00-03:01',
    STEMMEN_TIMEZONE: 'UTC',
    STEMMEN_DEMO: '1',
    STEMMEN_WEB_CHANNEL: '1',
    STEMMEN_PUBLIC_URL: 'https://stemmen.example.org',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${api.url}/api/`,
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    MICROSOFT_APP_TENANT_ID: teamsStandIn.tenantId,
    MICROSOFT_APP_AUTHORITY: teamsStandIn.url,
  });
  const app = await createApp(config, { clock: { now: () => clock.now } });
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  const runtime = slackRuntimeOf(app.deps);
  const slack: SlackTestApp = {
    app,
    api,
    runtime,
    port,
    slack: new SlackSender(`${base}/slack/events`, SIGNING_SECRET, { id: api.team.id, domain: 'zone-test' }, api.url),
    settle: () => runtime.idle(),
    close: async () => undefined,
  };
  return {
    app,
    base,
    slack,
    teams: new TeamsClient(base, teamsStandIn, true),
    teamsStandIn,
    clock,
    close: async () => {
      await app.close();
      await api.close();
      await teamsStandIn.close();
    },
  };
}
