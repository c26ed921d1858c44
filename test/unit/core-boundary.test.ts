import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');
const FORBIDDEN = [/^@slack\//, /^@microsoft\//, /^botbuilder/, /^express/, /^fastify/, /^@prisma\//, /^prisma/, /^openai/, /generated\//, /\/store\//, /\/channels\//, /^pg$/, /^better-sqlite3/, /^node:http/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the core stays channel- and storage-independent', () => {
  it('imports no Slack, Teams, HTTP framework, Prisma or OpenAI code', () => {
    const offenders: string[] = [];
    for (const file of files(CORE)) {
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
      for (const spec of specifiers) if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${relative(CORE, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const sample = "import { App } from '@slack/bolt';";
    const spec = /from\s*['"]([^'"]+)['"]/.exec(sample)?.[1] ?? '';
    expect(FORBIDDEN.some((re) => re.test(spec))).toBe(true);
  });
});
