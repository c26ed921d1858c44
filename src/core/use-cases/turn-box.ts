import type { CoreDeps } from '../context.js';
import type { Store } from '../ports.js';

interface Entry<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Requests that arrive in one turn of the event loop, grouped by key, handled together: when a whole panel
 * presses at once, their lookups or saves share one read instead of one each. `handle` gets a group's items and
 * returns one result per item, in order; each request gets its own. If `handle` fails, every request of the
 * group fails with its error. Nothing is kept between turns.
 */
export class TurnBox<I, R> {
  readonly #groups = new WeakMap<Store, Map<string, Entry<I, R>[]>>();

  constructor(private readonly handle: (deps: CoreDeps, items: I[]) => Promise<R[]>) {}

  add(deps: CoreDeps, key: string, item: I): Promise<R> {
    let groups = this.#groups.get(deps.store);
    if (!groups) this.#groups.set(deps.store, (groups = new Map()));
    let group = groups.get(key);
    if (!group) {
      const entries: Entry<I, R>[] = [];
      groups.set(key, (group = entries));
      const all = groups;
      setImmediate(() => {
        all.delete(key);
        this.handle(deps, entries.map((e) => e.item)).then(
          (results) => entries.forEach((e, i) => e.resolve(results[i]!)),
          (error: unknown) => entries.forEach((e) => e.reject(error)),
        );
      });
    }
    const entries = group;
    return new Promise((resolve, reject) => entries.push({ item, resolve, reject }));
  }
}
