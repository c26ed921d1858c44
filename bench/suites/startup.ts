import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Benchmark, Row } from '../types.js';

/**
 * Cold start (an empty SQLite file to a ready app: migrations applied, /readyz answers 200) and resident
 * memory once idle, for the compiled start (`npm start`: node dist/src/main.js) next to the tsx start
 * (`npm run dev` without watching). Production settings: no demo seed, board-only site.
 * Targets (issue 11): under 2 s and under 200 MB for the compiled start.
 */
const ROOT = join(import.meta.dirname, '../..');
const RUNS = 3;
/** How long the app is left alone before its memory is read: timers and lazy loading settle. */
const IDLE_MS = 3_000;

const MODES: { name: string; args: string[] }[] = [
  { name: 'compiled (npm start)', args: ['dist/src/main.js'] },
  { name: 'tsx (before)', args: ['--import', 'tsx', 'src/main.ts'] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** CPU time the process has used (user + system), in ms: unlike wall time, not inflated by a busy machine. */
function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function startOnce(args: string[]): Promise<{ ms: number; cpu: number; rss: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'stemmen-bench-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STEMMEN_SECRET: 'bench-secret-bench-secret-bench-secret',
      DATABASE_URL: `file:${join(dir, 'stemmen.db')}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(20);
    }
    const ms = performance.now() - started;
    const cpu = cpuMs(child.pid!);
    await sleep(IDLE_MS);
    return { ms, cpu, rss: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const benchmark: Benchmark = {
  name: 'cold start and idle memory',
  async run(): Promise<Row[]> {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
    const rows: Row[] = [];
    for (const mode of MODES) {
      const runs: { ms: number; cpu: number; rss: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await startOnce(mode.args));
      rows.push({
        start: mode.name,
        'cold start ms (median)': median(runs.map((r) => r.ms)).toFixed(0),
        'cold start ms (runs)': runs.map((r) => r.ms.toFixed(0)).join(' '),
        'CPU ms to ready (median)': median(runs.map((r) => r.cpu)).toFixed(0),
        'idle RSS MiB (median)': median(runs.map((r) => r.rss)).toFixed(0),
      });
    }
    return rows;
  },
  notes(rows) {
    const [compiled, tsx] = rows;
    if (!compiled || !tsx) return [];
    const ms = Number(compiled['cold start ms (median)']);
    const rss = Number(compiled['idle RSS MiB (median)']);
    const cpu = Number(compiled['CPU ms to ready (median)']);
    return [
      `compiled / tsx: ${(ms / Number(tsx['cold start ms (median)'])).toFixed(2)}x the start time, ${(cpu / Number(tsx['CPU ms to ready (median)'])).toFixed(2)}x the CPU time, ${(rss / Number(tsx['idle RSS MiB (median)'])).toFixed(2)}x the memory.`,
      `load average during the run: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (wall times grow with it; CPU times much less).`,
      `targets: cold start < 2000 ms (${ms < 2000 ? 'met' : 'missed'}), idle RSS < 200 MiB (${rss < 200 ? 'met' : 'missed'}).`,
    ];
  },
};
