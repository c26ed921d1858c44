import { audit, type CoreDeps } from '../context.js';
import { isPollOpen, isRoundOpen } from '../lifecycle.js';
import type { Repositories } from '../ports.js';
import { anonymousTime } from '../privacy/policy.js';
import type { Actor, IdeaRoundRecord, PollRecord } from '../types.js';

/**
 * Closing a poll or a question of the month, by a facilitator or at its deadline: one code path, so that a
 * poll that closes itself has every effect of a manual close (results shown per its setting, anonymous voter
 * keys gone, no more reminders since only open polls are reminded of).
 */
export async function closePollIn(repos: Repositories, actor: Actor | null, poll: PollRecord, at: Date): Promise<PollRecord> {
  const closed = await repos.polls.close(poll.id, at);
  // Without the (poll, member) keys nobody, not even the server, can say whose anonymous ballot is whose.
  if (poll.anonymity === 'anonymous') await repos.polls.clearVoterKeys(poll.id, anonymousTime(at));
  await audit(repos, actor, 'poll.closed', 'poll', poll.id, actor ? {} : { by: 'deadline' }, poll.tenantId);
  return closed;
}

export async function closeRoundIn(repos: Repositories, actor: Actor | null, round: IdeaRoundRecord, at: Date): Promise<IdeaRoundRecord> {
  const closed = await repos.rounds.close(round.id, at);
  await audit(repos, actor, 'round.closed', 'round', round.id, actor ? {} : { by: 'closing_date' }, round.tenantId);
  return closed;
}

/** How many due polls or rounds one transaction closes: a long backlog (after downtime) is worked off in slices. */
const SLICE = 50;

/**
 * Closes every open poll whose deadline has passed. Run by the scheduled job every minute, so a poll closes
 * at most about a minute late (members are refused from the deadline itself: `isPollOpen`). Idempotent: a
 * poll closed by hand or by another run in the meantime is re-read inside the transaction and left alone.
 */
export async function closeDuePolls(deps: CoreDeps): Promise<PollRecord[]> {
  const closed: PollRecord[] = [];
  for (;;) {
    const now = deps.clock.now();
    const slice = await deps.store.transaction(async (repos) => {
      const out: PollRecord[] = [];
      for (const due of await repos.polls.listDue(now, SLICE)) {
        const poll = await repos.polls.findById(due.id);
        if (poll && poll.status === 'open' && !isPollOpen(poll, now)) out.push(await closePollIn(repos, null, poll, poll.deadline ?? now));
      }
      return out;
    });
    closed.push(...slice);
    if (slice.length < SLICE) return closed;
  }
}

/** Closes every open question of the month whose closing date has passed (same job, same guarantees). */
export async function closeDueRounds(deps: CoreDeps): Promise<IdeaRoundRecord[]> {
  const closed: IdeaRoundRecord[] = [];
  for (;;) {
    const now = deps.clock.now();
    const slice = await deps.store.transaction(async (repos) => {
      const out: IdeaRoundRecord[] = [];
      for (const due of await repos.rounds.listDue(now, SLICE)) {
        const round = await repos.rounds.findById(due.id);
        if (round && round.status === 'open' && !isRoundOpen(round, now)) out.push(await closeRoundIn(repos, null, round, round.closesAt ?? now));
      }
      return out;
    });
    closed.push(...slice);
    if (slice.length < SLICE) return closed;
  }
}
