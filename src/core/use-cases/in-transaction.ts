import type { CoreDeps } from '../context.js';
import type { Repositories } from '../ports.js';

/**
 * Deps whose store runs every "transaction" inside one already open: use cases composed into a screen
 * (the member's home) then read in one transaction, with one snapshot, instead of one each. Not for
 * `castBallot`, which hands its work to the ballot box to run after the caller's transaction has moved on.
 */
export function inTransaction(deps: CoreDeps, repos: Repositories): CoreDeps {
  return { ...deps, store: { transaction: (work) => work(repos) } };
}
