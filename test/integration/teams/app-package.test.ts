import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildLocalization, buildManifest, MANIFEST_VERSION, ROOT, SCHEMAS, writeTeamsPackage } from '../../../src/channels/teams/app-package.js';
import { readPng, readZip } from '../../support/teams-zip.js';

const APP_ID = '3f9d0a61-7c2e-4b8a-a4d5-0c6e1b2f9e11';
const input = { appId: APP_ID, publicUrl: 'https://stemmen.example.org', version: '0.1.0' };

/**
 * Microsoft's own manifest tooling validates with Ajv for draft-04 plus formats; so do we, offline. The
 * localization schema has a pattern (`\b]`) that is valid only without the `u` flag, as JSON Schema allows.
 */
// Both packages are CommonJS with an `exports.default`; under NodeNext the default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

function validator(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
}

describe('the Teams app package', () => {
  it('has a manifest that the vendored Teams app manifest schema accepts', () => {
    const validate = validator(SCHEMAS.manifest);
    const manifest = buildManifest(input);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest).toMatchObject({ manifestVersion: MANIFEST_VERSION, id: APP_ID, bots: [{ botId: APP_ID }] });
    // The check is real: a manifest with a wrong field is refused.
    expect(validate({ ...manifest, accentColor: 'teal' })).toBe(false);
  });

  it('has Dutch and French translations that the localization schema accepts', () => {
    const validate = validator(SCHEMAS.localization);
    for (const language of ['nl', 'fr'] as const) {
      const strings = buildLocalization(language);
      expect(validate(strings), `${language}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ ...buildLocalization('nl'), 'name.short': 'x'.repeat(31) })).toBe(false);
    expect(buildLocalization('nl')['bots[0].commandLists[0].commands[1].title']).toBe('hulp');
    expect(buildLocalization('fr')['description.short']).toContain('experts du vécu');
  });

  it('writes the files and a zip with exactly what Teams expects at its root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stemmen-teams-package-'));
    const out = await writeTeamsPackage(input, dir);
    const files = readZip(readFileSync(out.zip));
    expect([...files.keys()].sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'nl.json', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toEqual(buildManifest(input));
    const color = readPng(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(files.get('outline.png')!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    // The outline icon may only be white on transparent.
    const pixels = outline.pixels!;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3]! > 0) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
  });

  it('is made by `npm run teams:package` from the configuration', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-used-here', MICROSOFT_APP_TENANT_ID: 'contoso-tenant', STEMMEN_PUBLIC_URL: 'https://stemmen.example.org', DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'stemmen-pkg-')), 'x.db')}` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(join('dist', 'teams', 'manifest.json'));
    expect(run.stdout).toMatch(/stemmen-teams-.*\.zip/);
  });

  it('refuses to make a package without an app id', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'stemmen-pkg-')), 'x.db')}` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MICROSOFT_APP_ID');
  });
});
