import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import type { Language } from '../../core/index.js';
import { translator } from '../../i18n/index.js';

/** The Teams app manifest version we write (the newest generally available one, vendored under teams/schema). */
export const MANIFEST_VERSION = '1.27';
export const ROOT = resolve(import.meta.dirname, '../../..');
export const ICONS = { color: join(ROOT, 'teams/icons/color.png'), outline: join(ROOT, 'teams/icons/outline.png') };
export const SCHEMAS = {
  manifest: join(ROOT, `teams/schema/MicrosoftTeams.v${MANIFEST_VERSION}.schema.json`),
  localization: join(ROOT, `teams/schema/MicrosoftTeams.Localization.v${MANIFEST_VERSION}.schema.json`),
};
const SCHEMA_BASE = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}`;
const ACCENT = '#2E6B5E';

/** Commands shown in Teams' command menu, per scope; their words come from the `teams:command` catalog. */
const COMMAND_LISTS = [
  { scopes: ['personal'], commands: ['home', 'help', 'tools', 'poll', 'question'] },
  { scopes: ['team', 'groupChat'], commands: ['help', 'poll', 'question'] },
] as const;

export interface PackageInput {
  appId: string;
  publicUrl: string;
  version: string;
}

function strings(language: Language) {
  const t = translator(language);
  return {
    name: { short: t('teams:manifest.nameShort'), full: t('teams:manifest.nameFull') },
    description: { short: t('teams:manifest.descriptionShort'), full: t('teams:manifest.descriptionFull') },
    command: (name: string) => ({ title: t(`teams:command.${name}`).split('|')[0]!, description: t(`teams:manifest.command.${name}`) }),
  };
}

/** The manifest (English by default) for this app id and public address. */
export function buildManifest(input: PackageInput): Record<string, unknown> {
  const en = strings('en');
  const base = input.publicUrl.replace(/\/$/, '');
  return {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    localizationInfo: {
      defaultLanguageTag: 'en',
      additionalLanguages: [
        { languageTag: 'nl', file: 'nl.json' },
        { languageTag: 'fr', file: 'fr.json' },
      ],
    },
    developer: { name: en.name.short, websiteUrl: base, privacyUrl: `${base}/privacy`, termsOfUseUrl: `${base}/terms` },
    name: en.name,
    description: en.description,
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    bots: [
      {
        botId: input.appId,
        scopes: ['personal', 'team', 'groupChat'],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: COMMAND_LISTS.map((list) => ({ scopes: [...list.scopes], commands: list.commands.map((c) => en.command(c)) })),
      },
    ],
    // "messageTeamMembers" lets the bot open the private chats that consent requests and reminders go to.
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [new URL(base).host],
  };
}

/** A translation file: Teams shows these strings to people whose Teams speaks Dutch or French. */
export function buildLocalization(language: Language): Record<string, string> {
  const s = strings(language);
  const out: Record<string, string> = {
    $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`,
    'name.short': s.name.short,
    'name.full': s.name.full,
    'description.short': s.description.short,
    'description.full': s.description.full,
  };
  COMMAND_LISTS.forEach((list, l) =>
    list.commands.forEach((c, i) => {
      const command = s.command(c);
      out[`bots[0].commandLists[${l}].commands[${i}].title`] = command.title;
      out[`bots[0].commandLists[${l}].commands[${i}].description`] = command.description;
    }),
  );
  return out;
}

/**
 * Writes manifest.json, nl.json, fr.json and the two icons to `outDir`, and the zip to upload in Teams
 * (Apps > Manage your apps > Upload an app) beside them. `zip` is yazl, loaded only here.
 */
export async function writeTeamsPackage(input: PackageInput, outDir: string): Promise<{ files: string[]; zip: string }> {
  mkdirSync(outDir, { recursive: true });
  const contents: [string, Buffer][] = [
    ['manifest.json', Buffer.from(`${JSON.stringify(buildManifest(input), null, 2)}\n`)],
    ['nl.json', Buffer.from(`${JSON.stringify(buildLocalization('nl'), null, 2)}\n`)],
    ['fr.json', Buffer.from(`${JSON.stringify(buildLocalization('fr'), null, 2)}\n`)],
    ['color.png', readFileSync(ICONS.color)],
    ['outline.png', readFileSync(ICONS.outline)],
  ];
  for (const [name, data] of contents) writeFileSync(join(outDir, name), data);
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  // A fixed date keeps the zip identical for identical input.
  for (const [name, data] of contents) zip.addBuffer(data, name, { mtime: new Date('2026-01-01T00:00:00Z') });
  const zipPath = join(outDir, `stemmen-teams-${input.version}.zip`);
  const done = once(zip.outputStream.pipe(createWriteStream(zipPath)), 'close');
  zip.end();
  await done;
  return { files: contents.map(([name]) => join(outDir, name)), zip: zipPath };
}
