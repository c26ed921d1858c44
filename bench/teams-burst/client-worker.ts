// The load generator's thread (see burst.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { fire, type BurstTarget } from './burst.js';

const data = workerData as { target: BurstTarget; invokes: Record<string, unknown>[] };
parentPort?.postMessage(await fire(data.target, data.invokes));
