import type { CoreDeps } from '../context.js';
import type { Store } from '../ports.js';

/** What a member action run under a platform's delivery key did: its result, or nothing for a redelivery. */
export type Delivered<T> = { repeated: false; value: T } | { repeated: true };

const REPEATED = Symbol('repeated delivery');

/**
 * Runs a member action (a vote, a contribution, a consent answer) at most once per platform delivery key,
 * with the key claimed INSIDE the action's own transaction: the claim and the change commit together or not
 * at all. A redelivery finds the key and changes nothing; a delivery whose handling failed (an error, a
 * refusal, a crash before commit) left no claim, so its redelivery is handled as if new and gives the same
 * answer. For use cases that change state in one transaction (all member actions do): the first transaction
 * they open claims the key.
 */
export async function once<T>(deps: CoreDeps, key: string | null | undefined, action: (deps: CoreDeps) => Promise<T>): Promise<Delivered<T>> {
  if (!key) return { repeated: false, value: await action(deps) };
  let claimed = false;
  const store: Store = {
    transaction: async (work) => {
      if (claimed) return deps.store.transaction(work);
      const value = await deps.store.transaction(async (repos) => {
        if (!(await repos.deliveries.claim(key))) throw REPEATED;
        return work(repos);
      });
      claimed = true;
      return value;
    },
  };
  try {
    return { repeated: false, value: await action({ ...deps, store }) };
  } catch (error) {
    if (error === REPEATED) return { repeated: true };
    throw error;
  }
}
