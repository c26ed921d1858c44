// Layers that must not reach into each other, read from the import statements themselves: a channel
// starts from the contract (src/channels/contract.ts and the shared parts beside it), never from a sibling
// channel's folder; the board's pages draw on the shared web UI kit (src/web-ui), never on the web
// channel's internals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const CHANNELS = ['slack', 'teams', 'web'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file, as a path under src/ ("channels/web/pages.ts"). */
export function importsOf(file: string, source = readFileSync(file, 'utf8')): string[] {
  const specs = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

function offenders(fromDir: string, forbidden: (target: string) => boolean): string[] {
  return files(join(SRC, fromDir)).flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${relative(SRC, file)} imports ${target}`));
}

describe('channel boundaries', () => {
  for (const channel of CHANNELS) {
    it(`the ${channel} channel imports no other channel's folder`, () => {
      const others = CHANNELS.filter((c) => c !== channel).map((c) => `channels/${c}/`);
      expect(offenders(`channels/${channel}`, (target) => others.some((o) => target.startsWith(o)))).toEqual([]);
    });
  }

  it("the board's pages do not reach into any channel's internals", () => {
    expect(offenders('board', (target) => CHANNELS.some((c) => target.startsWith(`channels/${c}/`)))).toEqual([]);
  });

  it('the shared web UI kit depends on no channel', () => {
    expect(offenders('web-ui', (target) => CHANNELS.some((c) => target.startsWith(`channels/${c}/`)))).toEqual([]);
  });

  it('the shared channel parts depend on no channel', () => {
    const shared = files(join(SRC, 'channels')).filter((f) => dirname(f) === join(SRC, 'channels'));
    const found = shared.flatMap((file) => importsOf(file).filter((t) => CHANNELS.some((c) => t.startsWith(`channels/${c}/`))).map((t) => `${relative(SRC, file)} imports ${t}`));
    expect(found).toEqual([]);
  });

  it('the check itself sees an import into a sibling channel', () => {
    const file = join(SRC, 'channels/slack/example.ts');
    expect(importsOf(file, "import { html } from '../web/html.js';")).toEqual(['channels/web/html.ts']);
  });
});
