import { isPollOpen, resolvePollShortCode, type CoreDeps } from '../../../core/index.js';
import { NoSession } from '../../../web-ui/errors.js';
import type { createPages } from '../../../web-ui/pages.js';
import { sessionActor } from '../../../web-ui/session.js';

/**
 * `/v/<code>`: the short link (and QR code) on the projector opens the poll on a member's phone: an open poll
 * on the member's home page, where they vote; a closed one on its results.
 */
export function shortLinkRoutes(deps: CoreDeps, pages: ReturnType<typeof createPages>): void {
  pages.router.get('/v/:code', async (req, res) => {
    const actor = await sessionActor(deps, req, res);
    if (!actor) throw new NoSession();
    res.locals.actor = actor;
    const poll = await resolvePollShortCode(deps, actor, String(req.params.code));
    res.redirect(303, isPollOpen(poll, deps.clock.now()) ? `/home#poll-${poll.id}` : `/polls/${poll.id}`);
  });
}
