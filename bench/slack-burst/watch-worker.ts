// Watches the database from its own thread until the poll holds the expected number of ballots, and
// reports when (epoch milliseconds, high resolution). Run beside the app, it measures when the last
// ballot was committed without adding work to the app's event loop; reads every 10 ms.
import { parentPort, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { countBallots } from './setup.js';

const data = workerData as { databaseUrl: string; pollId: string; expected: number };
let count = 0;
while ((count = await countBallots(data.databaseUrl, data.pollId)) < data.expected) await sleep(10);
parentPort?.postMessage({ at: performance.timeOrigin + performance.now(), count });
