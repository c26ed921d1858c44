/**
 * `npm run teams:package`: writes the Teams app package for the configured app (MICROSOFT_APP_ID) and public
 * address (STEMMEN_PUBLIC_URL) to dist/teams/: manifest.json, nl.json, fr.json, the two icons, and a zip ready
 * to upload in Teams.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadDotEnv } from '../src/config.js';
import { ROOT, writeTeamsPackage } from '../src/channels/teams/app-package.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const appId = config.teams?.appId;
  if (!appId || !GUID.test(appId)) {
    console.error('MICROSOFT_APP_ID must be set to the bot\'s app id (a GUID) to make a Teams package.');
    return 1;
  }
  if (!config.publicUrl.startsWith('https://')) {
    console.error(`Warning: STEMMEN_PUBLIC_URL is ${config.publicUrl}; Teams expects https links for the website and privacy pages.`);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const out = await writeTeamsPackage({ appId, publicUrl: config.publicUrl, version }, join(ROOT, 'dist/teams'));
  for (const file of [...out.files, out.zip]) console.log(file);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
