import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A benchmark needs a full collection before measuring; tsx gives no way to pass --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface Measurement<T> {
  value: T;
  ms: number;
  /** Heap still held by the result after a full collection, in MiB. */
  retainedMiB: number;
  /** Highest heap seen while running (sampled), in MiB above the starting heap. */
  peakMiB: number;
}

export async function measure<T>(work: () => Promise<T>): Promise<Measurement<T>> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  return { value, ms, retainedMiB: retained / 2 ** 20, peakMiB: (peak - base) / 2 ** 20 };
}
