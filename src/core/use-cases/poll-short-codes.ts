import type { CoreDeps } from '../context.js';
import { sameTenant } from '../context.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Actor, PollRecord } from '../types.js';

/** The shortest code a member types or scans: the last 8 characters of a poll's id. */
export const SHORT_CODE_LENGTH = 8;

type Coded = Pick<PollRecord, 'id' | 'createdAt'>;

/**
 * The short code of each poll of a tenant: the shortest end of its id (at least 8 characters) that no earlier
 * poll's id ends with. Earlier polls keep their code when later ones come (a code on the projector or on a
 * phone stays valid), and no two polls share one: a later poll whose last 8 characters collide gets a
 * longer code instead.
 */
export function shortCodes(polls: readonly Coded[]): Map<string, string> {
  const ordered = [...polls].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>();
  const codes = new Map<string, string>();
  for (const poll of ordered) {
    let code = poll.id;
    for (let length = SHORT_CODE_LENGTH; length < poll.id.length; length += 1) {
      const end = poll.id.slice(-length);
      if (!taken.has(end)) {
        code = end;
        break;
      }
    }
    codes.set(poll.id, code);
    for (let length = SHORT_CODE_LENGTH; length <= poll.id.length; length += 1) taken.add(poll.id.slice(-length));
  }
  return codes;
}

async function tenantPolls(repos: Repositories, tenantId: string): Promise<PollRecord[]> {
  const panels = await repos.panels.listByTenant(tenantId);
  return (await Promise.all(panels.map((p) => repos.polls.listByPanel(p.id)))).flat();
}

/** The code shown for one poll (on the projector, next to its QR code). */
export async function pollShortCode(repos: Repositories, poll: PollRecord): Promise<string> {
  return shortCodes(await tenantPolls(repos, poll.tenantId)).get(poll.id) ?? poll.id;
}

/**
 * The poll of the actor's panel whose short code this is. A code that is exactly one poll's code wins;
 * otherwise an end of an id is accepted only when one poll's id ends with it (so a longer code typed after
 * an older poll went away still works). Anything that could mean two polls is refused as not found, rather
 * than guessing and opening the wrong vote.
 */
export async function resolvePollShortCode(deps: CoreDeps, actor: Actor, code: string): Promise<PollRecord> {
  if (code.length < SHORT_CODE_LENGTH) throw new DomainError('not_found');
  return deps.store.transaction(async (repos) => {
    const polls = await tenantPolls(repos, actor.tenantId);
    const codes = shortCodes(polls);
    const exact = polls.filter((p) => codes.get(p.id) === code);
    const ending = polls.filter((p) => p.id.endsWith(code));
    const [poll] = exact.length > 0 ? exact : ending;
    if (!poll || (exact.length === 0 ? ending.length : exact.length) !== 1) throw new DomainError('not_found');
    return sameTenant(actor, poll);
  });
}
