// The bench's handle on the Slack Web API stand-in running in its own thread (api-worker.ts).
import { Worker } from 'node:worker_threads';
import type { SlackUser } from '../../test/support/slack-api.js';

export type ApiAsk =
  | { op: 'users'; users: [string, SlackUser][] }
  | { op: 'viewOpenedBy'; trigger: string }
  | { op: 'lastMessageWith'; userIds: string[]; needle: string }
  | { op: 'close' };

export interface DmMessage {
  userId: string;
  channel: string;
  message: { ts: string; blocks: unknown[] } | null;
}

export class SlackApiThread {
  #next = 0;
  readonly #waiting = new Map<number, (result: unknown) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly url: string,
    readonly team: { id: string; name: string },
  ) {
    worker.on('message', (message: { id: number; result: unknown }) => {
      this.#waiting.get(message.id)?.(message.result);
      this.#waiting.delete(message.id);
    });
  }

  static async start(): Promise<SlackApiThread> {
    const worker = new Worker(new URL('./api-worker.ts', import.meta.url));
    const ready = await new Promise<{ url: string; team: { id: string; name: string } }>((resolve, reject) => {
      worker.once('message', (message: { ready: { url: string; team: { id: string; name: string } } }) => resolve(message.ready));
      worker.once('error', reject);
    });
    return new SlackApiThread(worker, ready.url, ready.team);
  }

  #ask<T>(ask: ApiAsk): Promise<T> {
    const id = (this.#next += 1);
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve as (result: unknown) => void);
      this.worker.postMessage({ id, ask });
    });
  }

  /** As conversations.open answers in the stand-in: D + user id. */
  dmOf(userId: string): string {
    return `D${userId}`;
  }

  setUsers(users: [string, SlackUser][]): Promise<void> {
    return this.#ask({ op: 'users', users });
  }

  viewOpenedBy(trigger: string): Promise<Record<string, unknown> | null> {
    return this.#ask({ op: 'viewOpenedBy', trigger });
  }

  /** Each user's latest DM whose blocks contain `needle` (null when there is none). */
  lastMessageWith(userIds: string[], needle: string): Promise<DmMessage[]> {
    return this.#ask({ op: 'lastMessageWith', userIds, needle });
  }

  async close(): Promise<void> {
    await this.#ask({ op: 'close' });
    await this.worker.terminate();
  }
}
