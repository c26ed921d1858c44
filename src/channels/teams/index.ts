import express, { type NextFunction, type Request, type Response } from 'express';
import { CloudAdapter, type Request as SdkRequest } from '@microsoft/agents-hosting';
import type { Config } from '../../config.js';
import type { ChatChannel } from '../contract.js';
import type { Activity } from '@microsoft/agents-activity';
import type { CoreDeps } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import { startOutbox } from '../outbox.js';
import { boardLinkMaker } from '../../web-ui/sign-in-link.js';
import { authConfiguration, isLoopbackUrl } from './auth.js';
import { deliverNotification } from './notify.js';
import { Messenger } from './proactive.js';
import { whoIs, type TeamsRuntime } from './runtime.js';
import { teamsAppLink } from './app-link.js';
import { deleteTeamsMessages } from './delete.js';
import { handleTurn } from './turn.js';

/** Teams activities are small; a card action with a long contribution stays far below this. */
const BODY_LIMIT = '512kb';
const OUTBOX_ROUND_MS = 10_000;

/**
 * Microsoft Teams through the Microsoft 365 Agents SDK: `POST /api/messages` on the app's own server,
 * authenticated by the SDK's JWT middleware, each turn translated into core use cases, and an outbox that
 * sends consent requests, reminders and "what became of your input" as 1:1 messages.
 */
export async function createTeamsChannel(deps: CoreDeps, config: Config, logger: Logger): Promise<ChatChannel<Activity>> {
  const teams = config.teams;
  if (!teams) throw new Error('Teams is not configured');
  const adapter = new CloudAdapter(authConfiguration(teams), undefined, undefined, { validateServiceUrl: !teams.local, emitStackTrace: false });
  // The SDK's default answers in English and mentions "source code"; ours logs a code and stays silent.
  adapter.onTurnError = async (context, error) => {
    logger.error({ activityType: context.activity.type, err: error instanceof Error ? error.name : 'unknown' }, 'teams turn failed');
  };

  const rt: TeamsRuntime = {
    deps,
    logger,
    timeZone: config.timeZone,
    boardLinkFor: boardLinkMaker({ secret: deps.secret, publicUrl: config.publicUrl, clock: deps.clock }),
    messenger: new Messenger(adapter, teams.local ? null : teams.appId),
    // A kick during a round is not lost: the shared outbox runs one more round after it.
    kick: () => outbox.kick(),
    zones: new Map(),
  };
  const outbox = startOutbox(deps, (pending) => deliverNotification(rt, pending), {
    channel: 'teams',
    quietHours: config.quietHours,
    timeZone: config.timeZone,
    intervalMs: OUTBOX_ROUND_MS,
    logger,
  });

  const router = express.Router();
  router.post(
    '/api/messages',
    express.json({ limit: BODY_LIMIT }),
    (req: Request, res: Response, next: NextFunction) => {
      if (teams.local && !isLoopbackUrl((req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl)) {
        res.status(400).json({ error: 'local mode answers only to a serviceUrl on this machine' });
        return;
      }
      next();
    },
    (req: Request, res: Response, next: NextFunction) => adapter.authorizeRequest(req as unknown as SdkRequest, res as never, next),
    async (req: Request, res: Response) => {
      await adapter.process(req as unknown as SdkRequest, res as never, (context) => handleTurn(rt, context));
    },
  );
  // Unreadable bodies get a short answer, never a stack trace.
  router.use('/api/messages', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    logger.warn({ status, err: error instanceof Error ? error.name : 'unknown' }, 'teams request rejected');
    if (!res.headersSent) res.status(status >= 400 && status < 500 ? status : 500).json({ error: status < 500 ? 'bad request' : 'internal error' });
  });

  return {
    name: 'teams',
    router,
    identify: async (activity) => (await whoIs(rt, activity, true))?.actor ?? null,
    deliver: (pending) => deliverNotification(rt, pending),
    deleteMessages: (messages, identities) => deleteTeamsMessages(rt.messenger, messages, identities),
    appLink: teamsAppLink(deps, teams.local ? null : teams.appId),
    start: async () => {
      rt.kick();
    },
    stop: () => outbox.stop(),
  };
}
