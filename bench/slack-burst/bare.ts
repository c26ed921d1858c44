// The floor: a Bolt app in HTTP mode (Bolt's own receiver, signature checked) that only acknowledges.
// Whatever Stemmen adds on top of this, per press, is Stemmen's cost.
import { App } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface BareApp {
  url: string;
  close(): Promise<void>;
}

export async function startBareBolt(signingSecret: string, apiUrl: string): Promise<BareApp> {
  const app = new App({
    signingSecret,
    token: 'xoxb-bench-token',
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: `${apiUrl}/api/` },
    logLevel: undefined,
  });
  app.action('poll_submit', async ({ ack }) => ack());
  app.action('poll_choice', async ({ ack }) => ack());
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => app.stop().then(() => undefined) };
}
