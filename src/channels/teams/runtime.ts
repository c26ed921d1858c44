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
}

/** The view for cards shown to `actor` alone: its board link signs in as them. */
export function viewFor(rt: TeamsRuntime, actor: Actor): View {
  return { actor, language: actor.language, t: translator(actor.language), timeZone: rt.timeZone, boardUrl: rt.boardLinkFor(actor) };
}

/** The zone of this Microsoft 365 tenant, created on first use (one zone per tenant). */
async function zoneOf(rt: TeamsRuntime, activity: Activity, tenantId: string): Promise<string> {
  const language = languageOf(activity.locale);
  const zone = await ensureWorkspaceTenant(rt.deps, {
    channel: 'teams',
    workspaceId: tenantId,
    name: t(language, 'teams:zone.name', { id: tenantId.slice(0, 8) }),
    defaultLanguage: language,
  });
  return zone.id;
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
  if (!enrol) {
    try {
      const known = await resolveActor(rt.deps, { tenantId: zoneId, channel: 'teams', externalId });
      return { actor: await refreshDisplayName(rt.deps, known, activity.from?.name), tenantId };
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found') return null;
      throw error;
    }
  }
  const enrolled = await enrolChannelMember(rt.deps, {
    tenantId: zoneId,
    channel: 'teams',
    externalId,
    displayName: activity.from?.name ?? '',
    language: languageOf(activity.locale),
  });
  // The install event often names nobody: the name in each later activity replaces "Member".
  return { actor: await refreshDisplayName(rt.deps, enrolled, activity.from?.name), tenantId };
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
