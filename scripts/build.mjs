#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ and copies what the compiled app reads from disk at run time
// (migrations, the i18n catalogs, the Teams icons), so `node dist/src/main.js` needs neither TypeScript
// nor tsx.
//
// `--if-stale` (run before `npm start` and `npm run cli`): builds only when dist/ is missing or older
// than the sources. Where the sources are not there (the container's runtime stage ships dist/ only),
// there is nothing to compare with and nothing is done.
// `--out-dir <dir>` (tests): build there instead of dist/; the directory must be inside the project so that
// the compiled code finds node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out-dir');
const dist = outFlag > 0 ? path.resolve(process.argv[outFlag + 1] ?? '') : path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

/** Sources whose change needs a new build (the generated Prisma clients are compiled in too). */
const SOURCES = ['src', 'prompts', 'prisma/migrations', 'prisma/generated', 'teams/icons', 'tsconfig.json', 'tsconfig.build.json'];

/** Files copied as they are: [from, to] relative to the root and to dist/. */
function assets() {
  const out = [
    ['prisma/migrations', 'prisma/migrations'],
    ['teams/icons', 'teams/icons'],
  ];
  for (const lang of readdirSync(path.join(root, 'src/i18n'), { withFileTypes: true })) {
    if (lang.isDirectory()) out.push([`src/i18n/${lang.name}`, `src/i18n/${lang.name}`]);
  }
  return out;
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function isStale() {
  if (!existsSync(path.join(root, 'src'))) return false;
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export function build() {
  const require = createRequire(path.join(root, 'package.json'));
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    throw new Error('TypeScript is not installed: run `npm ci` (with dev dependencies) before `npm run build`');
  }
  // Only what a build makes: dist/teams also holds the app package that `npm run teams:package` writes.
  for (const made of ['src', 'prompts', 'prisma', 'teams/icons', '.build-stamp']) rmSync(path.join(dist, made), { recursive: true, force: true });
  const res = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: root, stdio: 'inherit' });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`tsc failed (exit ${res.status})`);
  for (const [from, to] of assets()) {
    const source = path.join(root, from);
    if (existsSync(source)) cpSync(source, path.join(dist, to), { recursive: true });
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (!process.argv.includes('--if-stale') || isStale()) {
      if (process.argv.includes('--if-stale')) process.stderr.write('Building dist/ (sources changed since the last build)...\n');
      build();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
