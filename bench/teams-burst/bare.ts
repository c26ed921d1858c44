// The floor: a bare Microsoft 365 Agents SDK app (CloudAdapter behind the SDK's JWT middleware, the same
// authentication settings and loopback stand-in as Stemmen) whose invoke handler only answers with a small
// card. Whatever Stemmen adds on top of this, per invoke, is Stemmen's cost.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { CloudAdapter, type Request as SdkRequest } from '@microsoft/agents-hosting';
import express, { type NextFunction, type Request, type Response } from 'express';
import { authConfiguration } from '../../src/channels/teams/auth.js';
import type { TeamsStandIn } from '../../test/support/teams-standin.js';
import { teamsConfigFor } from './stemmen.js';

export interface BareTeams {
  base: string;
  close(): Promise<void>;
}

const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Thanks', wrap: true }] };

export async function startBareTeams(standIn: TeamsStandIn): Promise<BareTeams> {
  const adapter = new CloudAdapter(authConfiguration(teamsConfigFor(standIn)));
  const app = express();
  app.post(
    '/api/messages',
    express.json({ limit: '512kb' }),
    (req: Request, res: Response, next: NextFunction) => adapter.authorizeRequest(req as unknown as SdkRequest, res as never, next),
    async (req: Request, res: Response) => {
      await adapter.process(req as unknown as SdkRequest, res as never, async (context) => {
        if (context.activity.type !== ActivityTypes.Invoke) return;
        const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD };
        await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }));
      });
    },
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
