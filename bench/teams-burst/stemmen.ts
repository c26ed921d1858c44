// Stemmen as it runs in production with Teams (createApp + listen): a user-assigned managed identity whose
// tokens, signing keys and Bot connector are the loopback stand-in's (test/support/teams-standin.ts), on
// the given database.
import { createApp, type App } from '../../src/app.js';
import { quietHoursFarFromNow } from '../burst-rounds.js';
import { loadConfig, type TeamsConfig } from '../../src/config.js';
import { APP_ID } from '../../test/support/teams-client.js';
import type { TeamsStandIn } from '../../test/support/teams-standin.js';

export interface StemmenTeams {
  app: App;
  /** The app's server (POST /api/messages under it). */
  base: string;
  close(): Promise<void>;
}

/** The Teams settings both apps of the burst run with (Stemmen's and the bare app's). */
export function teamsEnv(standIn: TeamsStandIn): Record<string, string> {
  // Azure App Service hands a managed identity its tokens through these two variables; the SDK (MSAL)
  // reads them from the process environment, as the Teams tests set them (test/support/teams-client.ts).
  process.env.IDENTITY_ENDPOINT = `${standIn.url}/msi/token`;
  process.env.IDENTITY_HEADER = standIn.identityHeader;
  return { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: standIn.tenantId, MICROSOFT_APP_AUTHORITY: standIn.url };
}

function productionConfig(databaseUrl: string, standIn: TeamsStandIn, logLevel = 'silent') {
  return loadConfig({
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
    ...teamsEnv(standIn),
  });
}

/** The Teams part of the production config, for the bare app (same authentication settings). */
export function teamsConfigFor(standIn: TeamsStandIn): TeamsConfig {
  return productionConfig('file:unused.db', standIn).teams!;
}

export async function startStemmenTeams(databaseUrl: string, standIn: TeamsStandIn, logLevel = 'silent'): Promise<StemmenTeams> {
  const app = await createApp(productionConfig(databaseUrl, standIn, logLevel));
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}
