import type { CoreDeps } from '../../core/index.js';

/**
 * Work that runs after Slack was acknowledged (Slack wants an answer within 3 seconds; anything slow
 * happens afterwards). Tracking it lets the channel stop cleanly and lets tests wait for "done"
 * instead of sleeping.
 */
export class WorkTracker {
  #pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const forget = () => this.#pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once no tracked work is left (including work started while waiting). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}

/** What a running Slack channel offers besides the ChatChannel lifecycle. */
export interface SlackRuntime {
  idle(): Promise<void>;
  /** Delivers pending notifications now (still never in quiet hours). Returns how many were sent. */
  flushOutbox(): Promise<number>;
  /** Creates reminders for every Slack zone and delivers them. */
  sendReminders(): Promise<number>;
}

// Keyed by the app's core deps, so that a test (or an operator script) holding `app.deps` can reach
// the Slack channel of that app without app.ts knowing about Slack.
const runtimes = new WeakMap<CoreDeps, SlackRuntime>();

export function registerSlackRuntime(deps: CoreDeps, runtime: SlackRuntime): void {
  runtimes.set(deps, runtime);
}

export function slackRuntimeOf(deps: CoreDeps): SlackRuntime {
  const runtime = runtimes.get(deps);
  if (!runtime) throw new Error('no Slack channel runs for these deps');
  return runtime;
}
