// The Slack channel: Bolt in Socket Mode (SLACK_APP_TOKEN set: no public URL needed) or in HTTP mode
// on the app's own server (POST /slack/events), turning Slack surfaces into core use cases.
import { App, SocketModeReceiver, type Receiver } from '@slack/bolt';
import express from 'express';
import type { Config } from '../../config.js';
import type { ChatChannel } from '../contract.js';
import { createReminders, handleOnce, type CoreDeps } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import { startOutbox } from '../outbox.js';
import { boardLinkMaker } from '../../web-ui/sign-in-link.js';
import { ACKED_WORK_AT_ONCE, AckFirstReceiver, REDRAWS_AT_ONCE, WorkQueue } from './ack-first.js';
import { actorFor, makeTr, whoIs, type Client, type SlackEnv } from './context.js';
import { slackAppLink } from './app-link.js';
import { deleteSlackMessages } from './delete.js';
import { slackDeliverer } from './deliver.js';
import { refreshPollMessages } from './refresh.js';
import { SlackHttpReceiver } from './http-receiver.js';
import { createSlackAuth } from './install.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerControls } from './listeners/controls.js';
import { registerEvents } from './listeners/events.js';
import { registerPrivacy } from './listeners/privacy.js';
import { registerViews } from './listeners/views.js';
import { registerSlackRuntime, WorkTracker } from './runtime.js';
import { apiUrl, boltLogger, claimsOwnKey, deliveryKey, RETRY_RATE_LIMITED_ONLY } from './support.js';

/** What Slack hands the adapter for one request: its payload, and a Web API client for that workspace. */
export interface SlackEvent {
  body: unknown;
  client: Client;
}

export async function createSlackChannel(deps: CoreDeps, config: Config, logger: Logger): Promise<ChatChannel<SlackEvent>> {
  const slack = config.slack;
  if (!slack) throw new Error('Slack is not configured');
  const log = logger.child({ channel: 'slack' });
  const tracker = new WorkTracker();
  const sdkLogger = boltLogger(log);
  const clientOptions = { ...(slack.apiUrl ? { slackApiUrl: apiUrl(slack.apiUrl) } : {}), retryConfig: RETRY_RATE_LIMITED_ONLY, logger: sdkLogger };
  const tenants = new Map<string, string>();
  const auth = createSlackAuth({
    deps,
    config: slack,
    clientOptions,
    tenants,
    databaseUrl: config.databaseUrl,
    encryptionKey: config.encryptionKey,
    publicUrl: config.publicUrl,
    logger: log,
    sdkLogger,
  });
  let outbox: ReturnType<typeof startOutbox> | null = null;
  const queue = new WorkQueue(ACKED_WORK_AT_ONCE);
  const redraws = new WorkQueue(REDRAWS_AT_ONCE);
  const env: SlackEnv = {
    deps,
    logger: log,
    tracker,
    afterAck: (work) => tracker.track(queue.run(work)),
    redraw: (work) =>
      void tracker.track(
        redraws.run(() => queue.run(work, 'redraw')).catch((error: unknown) => log.warn({ err: (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'unknown') }, 'slack redraw failed')),
      ),
    boardLinkFor: boardLinkMaker({ secret: deps.secret, publicUrl: config.publicUrl, clock: deps.clock }),
    timeZone: config.timeZone,
    tr: makeTr(config.timeZone),
    flushOutbox: () => (outbox ? outbox.flush() : Promise.resolve(0)),
    clientForTenant: (tenantId) => auth.clientForTenant(tenantId),
    tenants,
  };

  let http: SlackHttpReceiver | null = null;
  let receiver: Receiver;
  if (slack.appToken) {
    // The socket client keeps its own patient retries: opening a connection again is always safe.
    const socketClientOptions = { ...(slack.apiUrl ? { slackApiUrl: apiUrl(slack.apiUrl) } : {}), logger: sdkLogger };
    receiver = new SocketModeReceiver({ appToken: slack.appToken, logger: sdkLogger, installerOptions: { clientOptions: socketClientOptions } });
  } else {
    if (!slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    receiver = http = new SlackHttpReceiver({ signingSecret: slack.signingSecret, logger: log, tracker });
  }
  const app = new App({ receiver: new AckFirstReceiver(receiver, tracker, queue), authorize: auth.authorize, clientOptions, logger: sdkLogger, convoStore: false });

  // Retries and redeliveries (same event id, same trigger) have one effect: the first one. Commands,
  // presses and events were acknowledged before this claim (ack-first.ts). View submissions claim their
  // key in the transaction of their work, after their answer (listeners/submit.ts).
  app.use(async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    if (claimsOwnKey(body)) return args.next();
    const key = deliveryKey(body);
    const handled = await handleOnce(deps, key, () => tracker.track(args.next()));
    if (!handled) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      log.info({ retry: args.context.retryNum ?? null }, 'slack duplicate delivery ignored');
    }
  });
  registerCommands(app, env);
  registerActions(app, env);
  registerControls(app, env);
  registerViews(app, env);
  registerPrivacy(app, env);
  registerEvents(app, env, (teamId) => auth.forget(teamId));
  app.error(async (error) => {
    log.error({ err: error.code ?? error.name }, 'slack listener failed');
  });

  const sendReminders = async () => {
    let created = 0;
    for (const tenantId of await auth.tenantIds()) created += await createReminders(deps, tenantId, 48, 0);
    await env.flushOutbox();
    return created;
  };
  registerSlackRuntime(deps, { idle: () => tracker.idle(), flushOutbox: env.flushOutbox, sendReminders });

  const router = express.Router();
  if (http) router.use(http.router);
  if (auth.router) router.use(auth.router);
  // A body too large or a failed install step: a status only, never a stack trace.
  router.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: unknown }).status;
    log.warn({ err: (error as Error).name }, 'slack route failed');
    res.status(typeof status === 'number' && status >= 400 && status < 600 ? status : 500).end();
  });

  return {
    name: 'slack',
    router,
    async identify({ body, client }) {
      const who = whoIs(body);
      return who ? actorFor(env, client, who) : null;
    },
    deliver: slackDeliverer(env),
    deleteMessages: (messages) => deleteSlackMessages(env.clientForTenant, messages),
    async pollClosed(poll) {
      const client = await env.clientForTenant(poll.tenantId);
      if (client) await refreshPollMessages(env, client, { panelId: poll.panelId }, poll.id, poll.createdAt);
    },
    appLink: slackAppLink(env),
    async start() {
      outbox = startOutbox(deps, slackDeliverer(env), { channel: 'slack', quietHours: config.quietHours, timeZone: config.timeZone, logger: log });
      await app.start();
      log.info({ mode: slack.appToken ? 'socket' : 'http', oauth: slack.oauth !== null }, 'slack channel started');
    },
    async stop() {
      await outbox?.stop();
      await app.stop().catch(() => undefined);
      await tracker.idle();
      await auth.close();
    },
  };
}
