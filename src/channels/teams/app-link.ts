import { workspaceOfTenant, type CoreDeps } from '../../core/index.js';

/**
 * A 1:1 chat with the bot in the zone's Microsoft 365 tenant (Teams' chat deep link; "28:" marks a bot's id):
 * https://teams.microsoft.com/l/chat/0/0?users=28:<bot app id>&tenantId=<tenant>. Known only for zones that
 * Teams itself created (their slug holds the tenant id) and with a registered bot (not the local test mode).
 */
export function teamsAppLink(deps: CoreDeps, botAppId: string | null): (tenantId: string) => Promise<string | null> {
  return async (tenantId) => {
    if (!botAppId) return null;
    const tenant = await workspaceOfTenant(deps, 'teams', tenantId);
    if (!tenant) return null;
    return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botAppId)}&tenantId=${encodeURIComponent(tenant)}`;
  };
}
