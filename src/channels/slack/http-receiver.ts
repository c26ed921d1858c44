// HTTP mode: Slack's requests arrive at POST /slack/events on the app's own server.
//
// A small Bolt Receiver instead of Bolt's ExpressReceiver, because we need (1) the signature checked
// exactly as Slack specifies, before anything is parsed or any handler runs: HMAC-SHA256 over
// `v0:timestamp:body`, compared in constant time, timestamp within five minutes of now in either
// direction; (2) the router mounted on our server (before any body parser); (3) the processing after
// the acknowledgement tracked, so that stopping (and tests) can wait for it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { WorkTracker } from './runtime.js';

const FIVE_MINUTES_S = 5 * 60;
/** Slack gives up after 3 s; an unanswered request is acknowledged just before, so Slack never shows an error. */
const ACK_DEADLINE_MS = 2800;

export function verifySlackSignature(
  signingSecret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Buffer,
  nowSeconds: number,
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > FIVE_MINUTES_S) return false;
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  const expected = Buffer.from(`v0=${hmac.digest('hex')}`, 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  if ((contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    const payload = params.get('payload');
    if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
    return Object.fromEntries(params);
  }
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
  return parsed as Record<string, unknown>;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class SlackHttpReceiver implements Receiver {
  readonly router = express.Router();
  #app: App | null = null;

  constructor(
    private readonly opts: {
      signingSecret: string;
      logger: Logger;
      tracker: WorkTracker;
      path?: string;
      nowSeconds?: () => number;
    },
  ) {
    this.router.post(opts.path ?? '/slack/events', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
      this.#handle(req, res);
    });
  }

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  #handle(req: Request, res: Response): void {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = this.opts.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
    const signed = verifySlackSignature(
      this.opts.signingSecret,
      { signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp') },
      raw,
      now,
    );
    if (!signed) {
      this.opts.logger.warn({ path: req.path }, 'slack request refused: bad or stale signature');
      res.status(401).end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type'));
    } catch {
      res.status(400).end();
      return;
    }
    if (body.ssl_check) {
      res.status(200).end();
      return;
    }
    if (body.type === 'url_verification') {
      res.json({ challenge: String(body.challenge ?? '') });
      return;
    }
    const app = this.#app;
    if (!app) {
      res.status(503).end();
      return;
    }
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      clearTimeout(deadline);
      if (response === undefined || response === '') res.status(200).end();
      else if (typeof response === 'string') res.status(200).type('text/plain').send(response);
      else res.status(200).json(response);
    };
    const deadline = setTimeout(() => {
      if (!acked) this.opts.logger.warn({ kind: String(body.type ?? body.command ?? 'unknown') }, 'slack request not acknowledged in time');
      void ack();
    }, ACK_DEADLINE_MS);
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack,
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(header(req, 'x-slack-retry-reason') ? { retryReason: header(req, 'x-slack-retry-reason') } : {}),
    };
    void this.opts.tracker.track(
      app
        .processEvent(event)
        .catch((error: unknown) => this.opts.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'slack event failed'))
        .finally(() => void ack()),
    );
  }
}
