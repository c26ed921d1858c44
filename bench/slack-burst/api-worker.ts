// The Slack Web API stand-in in a thread of its own. Slack's servers are not on the bot's machine: answering
// the bot's Web API calls from the bot's own event loop would count the stand-in's work against Stemmen (and
// not against the bare app, which calls nothing). Setup asks it questions by message (api.ts).
import { parentPort } from 'node:worker_threads';
import { startSlackApi } from '../../test/support/slack-api.js';
import type { ApiAsk } from './api.js';

const api = await startSlackApi();
parentPort!.postMessage({ ready: { url: api.url, team: api.team } });

function answer(ask: ApiAsk): unknown {
  switch (ask.op) {
    case 'users':
      for (const [id, user] of ask.users) api.users.set(id, user);
      return null;
    case 'viewOpenedBy':
      return api.of('views.open').find((c) => c.args.trigger_id === ask.trigger)?.result?.view ?? null;
    case 'lastMessageWith':
      return ask.userIds.map((userId) => {
        const channel = api.dmOf(userId);
        const message = (api.messages.get(channel) ?? []).filter((m) => JSON.stringify(m.blocks).includes(ask.needle)).at(-1) ?? null;
        return { userId, channel, message };
      });
    case 'close':
      return api.close();
  }
}

parentPort!.on('message', async (message: { id: number; ask: ApiAsk }) => {
  const result = await answer(message.ask);
  parentPort!.postMessage({ id: message.id, result });
  if (message.ask.op === 'close') parentPort!.close();
});
