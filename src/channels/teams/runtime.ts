import type { Activity } from '@microsoft/agents-activity';
import {
  enrolChannelMember,
  ensureWorkspaceTenant,
  isDomainError,
  refreshDisplayName,
  resolveActor,
  saveChannelAddress,
  type Actor,
  type CoreDeps,
} from '../../core/index.js';
import { t, translator } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { LinkSubject } from '../../web-ui/sign-in-link.js';
import type { View } from './cards/view.js';
import { addressOf, externalIdOf, languageOf, tenantOf, type TeamsAddress } from './identity.js';
import type { Messenger } from './proactive.js';

/** Everything the Teams handlers share for the app's lifetime. */
export interface TeamsRuntime {
  deps: CoreDeps;
  logger: Logger;
  timeZone: string;
  /** A personal sign-in link to the board pages, made anew for each card that shows it (never shared). */
  boardLinkFor(who: LinkSubject): string;
  messenger: Messenger;
  /** Delivers waiting notifications soon (after a change that created some). */
  kick(): void;
  /** Microsoft 365 tenant id to its zone id, filled as tenants are seen (a zone is never moved or removed). */
  zones: Map<string, Promise<string>>;
}

/** The view for cards shown to `actor` alone: its board link signs in as them. */
export function viewFor(rt: TeamsRuntime, actor: Actor): View {
  return { actor, language: actor.language, t: translator(actor.language), timeZone: rt.timeZone, boardUrl: rt.boardLinkFor(actor) };
}

/**
 * The zone of this Microsoft 365 tenant, created on first use (one zone per tenant). Asked for by every
 * request, it is looked up once per tenant and process: the requests of a burst that find nothing yet wait
 * for that one lookup instead of each starting its own.
 */
function zoneOf(rt: TeamsRuntime, activity: Activity, tenantId: string): Promise<string> {
  const known = rt.zones.get(tenantId);
  if (known) return known;
  const language = languageOf(activity.locale);
  const zone = ensureWorkspaceTenant(rt.deps, {
    channel: 'teams',
    workspaceId: tenantId,
    name: t(language, 'teams:zone.name', { id: tenantId.slice(0, 8) }),
    defaultLanguage: language,
  }).then((tenant) => tenant.id);
  rt.zones.set(tenantId, zone);
  // A failed lookup is not kept: the next request tries again.
  void zone.catch(() => rt.zones.delete(tenantId));
  return zone;
}

export interface Who {
  actor: Actor;
  /** The Microsoft 365 tenant (for addresses), not our zone id. */
  tenantId: string;
}

/**
 * The member behind an activity. `enrol` is for deliberate acts (writing to the bot, pressing a button,
 * installing it): an unknown person becomes a panel member then, never by merely viewing a card.
 * Returns null when the activity has no tenant or user, or (without `enrol`) the person is unknown.
 */
export async function whoIs(rt: TeamsRuntime, activity: Activity, enrol: boolean): Promise<Who | null> {
  const tenantId = tenantOf(activity);
  const externalId = externalIdOf(activity);
  if (!tenantId || !externalId) return null;
  const zoneId = await zoneOf(rt, activity, tenantId);
  // Known members (nearly every request) are looked up with the others of the same moment, in one read
  // (core actor-box); only an unknown person who acts deliberately is enrolled, in a transaction.
  let known: Actor | null = null;
  try {
    known = await resolveActor(rt.deps, { tenantId: zoneId, channel: 'teams', externalId });
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'not_found') throw error;
  }
  if (!known && !enrol) return null;
  const actor =
    known ??
    (await enrolChannelMember(rt.deps, {
      tenantId: zoneId,
      channel: 'teams',
      externalId,
      displayName: activity.from?.name ?? '',
      language: languageOf(activity.locale),
    }));
  // The install event often names nobody: the name in each later activity replaces "Member".
  return { actor: await refreshDisplayName(rt.deps, actor, activity.from?.name), tenantId };
}

/**
 * Keeps where we can reach this member privately: their personal chat, or (seen only in a channel) enough to
 * open one; `address` overrides it once we opened that chat ourselves.
 */
export async function rememberAddress(rt: TeamsRuntime, activity: Activity, who: Who, address: TeamsAddress | null = addressOf(activity, who.tenantId)): Promise<void> {
  const externalId = externalIdOf(activity);
  if (!address || !externalId) return;
  await saveChannelAddress(rt.deps, { tenantId: who.actor.tenantId, channel: 'teams', externalId, address: JSON.stringify(address) });
}
