// Which bot token serves which workspace: one token from the environment (one workspace), and/or
// OAuth installs (one zone per workspace) kept in the database with their tokens sealed.
import express from 'express';
import { webApi, type Authorize, type AuthorizeResult, type Logger as BoltLogger } from '@slack/bolt';
import { InstallProvider, type Installation, type InstallationStore } from '@slack/oauth';
import type { SlackConfig } from '../../config.js';
import { enrolChannelMember, type CoreDeps } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import { createPrismaClient } from '../../store/client.js';
import { createSlackInstallationStore, type SlackInstallationStore } from '../../store/slack-installations.js';
import { languageOfLocale } from '../replies.js';
import { tenantOfTeam, type Client } from './context.js';

/** The bot scopes the app asks for (keep in step with manifest.yml). */
export const BOT_SCOPES = ['commands', 'chat:write', 'im:history', 'im:write', 'users:read'];

export interface SlackAuth {
  authorize: Authorize<boolean>;
  clientForTenant(tenantId: string): Promise<Client | null>;
  /** The zones this channel serves, for reminders. */
  tenantIds(): Promise<string[]>;
  /** Forgets a workspace's installation (app uninstalled, tokens revoked). */
  forget(teamId: string): Promise<void>;
  router: express.Router | null;
  close(): Promise<void>;
}

interface Options {
  deps: CoreDeps;
  config: SlackConfig;
  clientOptions: webApi.WebClientOptions;
  tenants: Map<string, string>;
  databaseUrl: string;
  encryptionKey: string;
  publicUrl: string;
  logger: Logger;
  sdkLogger: BoltLogger;
}

/**
 * The person who installs the app is enrolled at once, so that in a new zone they (not whoever happens to
 * write to the bot first) become its facilitator. A failure here must not undo the install: it is logged.
 */
async function enrolInstaller(opts: Options, tenantId: string, installation: Installation): Promise<void> {
  const userId = installation.user?.id;
  const token = installation.bot?.token;
  if (!userId || !token) return;
  try {
    const info = await new webApi.WebClient(token, opts.clientOptions).users.info({ user: userId, include_locale: true });
    const user = info.user;
    if (!user || user.is_bot || user.deleted) return;
    const displayName = user.profile?.display_name || user.real_name || user.name || 'Member';
    await enrolChannelMember(opts.deps, { tenantId, channel: 'slack', externalId: userId, displayName, language: languageOfLocale(user.locale) });
  } catch (error) {
    opts.logger.warn({ tenantId, err: error instanceof Error ? error.name : 'unknown' }, 'could not enrol the installer');
  }
}

function installationAdapter(opts: Options, store: SlackInstallationStore, changed: (teamId: string) => void): InstallationStore {
  return {
    async storeInstallation(installation) {
      // Org-wide (Enterprise Grid) installs would map many workspaces to one token; not supported.
      const teamId = installation.team?.id;
      if (installation.isEnterpriseInstall || !teamId) throw new Error('only workspace installs are supported');
      const tenantId = await tenantOfTeam({ deps: opts.deps, tenants: opts.tenants }, teamId, installation.team?.name ?? teamId);
      await store.save(teamId, tenantId, installation);
      changed(teamId);
      opts.logger.info({ tenantId }, 'slack workspace installed');
      await enrolInstaller(opts, tenantId, installation);
    },
    async fetchInstallation(query) {
      const found = query.teamId ? await store.find(query.teamId) : null;
      if (!found) throw new Error('no installation for this workspace');
      return found.installation as Installation;
    },
    async deleteInstallation(query) {
      if (query.teamId) await store.remove(query.teamId);
      if (query.teamId) changed(query.teamId);
    },
  };
}

/**
 * Bolt authorizes every request before any listener runs, so reading the installation from the database each
 * time would put a read before a modal submission's answer. What this process read is kept a few minutes
 * (installs and removals here forget it at once; another instance's removal shows within that time).
 */
const INSTALLATION_KEPT_MS = 5 * 60_000;

interface InstalledBot {
  botToken: string;
  botUserId: string | undefined;
  botId: string | undefined;
}

export function createSlackAuth(opts: Options): SlackAuth {
  const clients = new Map<string, Client>();
  const clientOf = (token: string): Client => {
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, opts.clientOptions)));
    return client;
  };
  // The single workspace of SLACK_BOT_TOKEN, learnt once from auth.test.
  let single: Promise<{ teamId: string; tenantId: string; botUserId: string; botId: string } | null> | null = null;
  const singleWorkspace = () => {
    const token = opts.config.botToken;
    if (!token) return Promise.resolve(null);
    single ??= clientOf(token)
      .auth.test()
      .then(async (r) => {
        const teamId = r.team_id ?? '';
        return { teamId, tenantId: await tenantOfTeam({ deps: opts.deps, tenants: opts.tenants }, teamId, r.team ?? teamId), botUserId: r.user_id ?? '', botId: r.bot_id ?? '' };
      })
      .catch((error: unknown) => {
        single = null; // try again next time
        throw error;
      });
    return single;
  };

  const known = new Map<string, { at: number; bot: Promise<InstalledBot | null> }>();
  const oauth = opts.config.oauth;
  const db = oauth ? createPrismaClient(opts.databaseUrl) : null;
  const store = db ? createSlackInstallationStore(db, opts.encryptionKey) : null;
  let router: express.Router | null = null;
  if (oauth && store) {
    const installer = new InstallProvider({
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      installationStore: installationAdapter(opts, store, (teamId) => known.delete(teamId)),
      clientOptions: opts.clientOptions,
      logger: opts.sdkLogger,
      directInstall: true,
    });
    const installOptions = { scopes: BOT_SCOPES, redirectUri: `${opts.publicUrl.replace(/\/$/, '')}/slack/oauth_redirect` };
    router = express.Router();
    router.get('/slack/install', (req, res, next) => {
      installer.handleInstallPath(req, res, {}, installOptions).catch(next);
    });
    router.get('/slack/oauth_redirect', (req, res, next) => {
      installer.handleCallback(req, res, {}, installOptions).catch(next);
    });
  }

  const installed = async (teamId: string | undefined) => {
    if (!store || !teamId) return null;
    const kept = known.get(teamId);
    if (kept && Date.now() - kept.at < INSTALLATION_KEPT_MS) return kept.bot;
    const read = store.find(teamId).then((found): InstalledBot | null => {
      const bot = (found?.installation as Installation | undefined)?.bot;
      return bot?.token ? { botToken: bot.token, botUserId: bot.userId, botId: bot.id } : null;
    });
    known.set(teamId, { at: Date.now(), bot: read });
    // A failed read, or a workspace not installed (yet), is not kept: the next request reads again.
    read.then((bot) => bot ?? known.delete(teamId), () => known.delete(teamId));
    return read;
  };

  return {
    authorize: async ({ teamId }): Promise<AuthorizeResult> => {
      const fromStore = await installed(teamId);
      if (fromStore) return { ...fromStore, ...(teamId ? { teamId } : {}) };
      const ws = await singleWorkspace();
      if (ws && opts.config.botToken && (!teamId || ws.teamId === teamId)) {
        return { botToken: opts.config.botToken, botUserId: ws.botUserId, botId: ws.botId, teamId: ws.teamId };
      }
      throw new Error('this workspace has not installed the app');
    },
    async clientForTenant(tenantId) {
      const found = store ? await store.findByTenant(tenantId) : null;
      const token = (found?.installation as Installation | undefined)?.bot?.token;
      if (token) return clientOf(token);
      const ws = await singleWorkspace().catch(() => null);
      return ws && ws.tenantId === tenantId && opts.config.botToken ? clientOf(opts.config.botToken) : null;
    },
    async tenantIds() {
      const ids = new Set(store ? await store.tenantIds() : []);
      const ws = await singleWorkspace().catch(() => null);
      if (ws) ids.add(ws.tenantId);
      return [...ids];
    },
    async forget(teamId) {
      known.delete(teamId);
      if (store) await store.remove(teamId);
    },
    router,
    close: async () => {
      if (db) await db.$disconnect();
    },
  };
}
