// What every Slack listener needs: the core, who is asking (as a panel member), and how to answer.
import type { webApi } from '@slack/bolt';
import {
  enrolChannelMember,
  ensureWorkspaceTenant,
  isDomainError,
  resolveActor,
  DomainError,
  type Actor,
  type CoreDeps,
  type Language,
} from '../../core/index.js';
import { failureMessage, languageOfLocale } from '../replies.js';
import type { Logger } from '../../logger.js';
import type { LinkSubject } from '../../web-ui/sign-in-link.js';
import { translator, type Tr } from './i18n.js';
import type { WorkTracker } from './runtime.js';

export type Client = webApi.WebClient;

export interface SlackEnv {
  deps: CoreDeps;
  logger: Logger;
  tracker: WorkTracker;
  /**
   * Runs work after the request was acknowledged, in the queue that acknowledged presses wait in, tracked
   * (view submissions: their database work, once the form was checked in memory and answered).
   */
  afterAck<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Redraws what a member sees after their press took effect (their poll message updated), once no other
   * press waits for its effect: under a burst every vote is stored first. Tracked; a failure is logged.
   */
  redraw(work: () => Promise<unknown>): void;
  /** A personal sign-in link to the board pages, made anew each time a surface shows it (never shared). */
  boardLinkFor(who: LinkSubject): string;
  timeZone: string;
  tr(lang: Language): Tr;
  flushOutbox(): Promise<number>;
  clientForTenant(tenantId: string): Promise<Client | null>;
  /** Team id to zone id, filled as workspaces are seen. */
  tenants: Map<string, string>;
}

export function makeTr(timeZone: string): (lang: Language) => Tr {
  return (lang) => translator(lang, timeZone);
}

/** Team and user of any Slack payload we handle (commands, interactions, events). */
export interface Who {
  teamId: string;
  userId: string;
  teamName: string;
}

type Loose = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});

export function whoIs(body: unknown): Who | null {
  const b = obj(body);
  const team = obj(b.team);
  const user = obj(b.user);
  const event = obj(b.event);
  const teamId = str(b.team_id) ?? str(team.id) ?? str(user.team_id);
  const userId = str(b.user_id) ?? str(user.id) ?? str(b.user) ?? str(event.user);
  if (!teamId || !userId) return null;
  return { teamId, userId, teamName: str(b.team_domain) ?? str(team.domain) ?? teamId };
}

/** The zone (tenant) of a workspace: one zone per Slack workspace. */
export async function tenantOfTeam(env: Pick<SlackEnv, 'deps' | 'tenants'>, teamId: string, name = teamId): Promise<string> {
  const cached = env.tenants.get(teamId);
  if (cached) return cached;
  const tenant = await ensureWorkspaceTenant(env.deps, { channel: 'slack', workspaceId: teamId, name });
  env.tenants.set(teamId, tenant.id);
  return tenant.id;
}


/** The panel member behind a Slack user the panel already knows, or null (nobody is enrolled by this). */
export async function knownActor(env: SlackEnv, who: Who): Promise<Actor | null> {
  const tenantId = await tenantOfTeam(env, who.teamId, who.teamName);
  try {
    return await resolveActor(env.deps, { tenantId, channel: 'slack', externalId: who.userId });
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * The panel member behind a Slack user. Known users are resolved from storage; a new user is looked
 * up once (users.info, for a display name and language) and enrolled. Bots are never members.
 */
export async function actorFor(env: SlackEnv, client: Client, who: Who): Promise<Actor> {
  const known = await knownActor(env, who);
  if (known) return known;
  const tenantId = await tenantOfTeam(env, who.teamId, who.teamName);
  const info = await client.users.info({ user: who.userId, include_locale: true });
  const user = info.user;
  if (!user || user.is_bot || user.deleted) throw new DomainError('forbidden');
  const displayName = user.profile?.display_name || user.real_name || user.name || 'Member';
  return enrolChannelMember(env.deps, { tenantId, channel: 'slack', externalId: who.userId, displayName, language: languageOfLocale(user.locale) });
}

/** The message for a failure, in the member's language (the shared rule, src/channels/replies.ts). */
export function failureText(env: SlackEnv, lang: Language, error: unknown): string {
  return failureMessage(env.logger, lang, error);
}

/** Parses private_metadata we wrote; anything else is treated as empty. */
export function metadataOf(view: { private_metadata?: string } | undefined): Record<string, unknown> {
  try {
    return obj(JSON.parse(view?.private_metadata || '{}'));
  } catch {
    return {};
  }
}

export const text = str;
