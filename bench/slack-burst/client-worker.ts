// The load generator runs in its own thread: timing a press from the app's own event loop would count
// the app's work as the client's waiting, and would let a busy app slow down its own clock.
import { parentPort, workerData } from 'node:worker_threads';
import { SlackSender } from '../../test/support/slack-requests.js';
import { fire, type Press } from './burst.js';

const data = workerData as { url: string; secret: string; team: { id: string; domain: string }; responseBase: string; presses: Press[] };
const result = await fire(new SlackSender(data.url, data.secret, data.team, data.responseBase), data.presses);
parentPort?.postMessage(result);
