import type { SlackEnv } from './context.js';

/**
 * Slack's documented redirect into the conversation with the app (the Messages tab of its App Home), in the
 * zone's workspace: https://slack.com/app_redirect?app=<app id>&team=<team id>. It works from a phone's camera
 * (the Slack app opens it, or the browser hands it over). The ids come from Slack itself (auth.test gives the
 * team and the bot, bots.info the bot's app) and are kept for the process; a failed look-up is tried again.
 */
export function slackAppLink(env: Pick<SlackEnv, 'clientForTenant' | 'logger'>): (tenantId: string) => Promise<string | null> {
  const known = new Map<string, string>();
  return async (tenantId) => {
    const cached = known.get(tenantId);
    if (cached) return cached;
    const client = await env.clientForTenant(tenantId);
    if (!client) return null;
    try {
      const who = await client.auth.test();
      const bot = who.bot_id ? (await client.bots.info({ bot: who.bot_id })).bot : undefined;
      if (!who.team_id || !bot?.app_id) return null;
      const url = `https://slack.com/app_redirect?${new URLSearchParams({ app: bot.app_id, team: who.team_id })}`;
      known.set(tenantId, url);
      return url;
    } catch (error) {
      // The projector then shows no Slack link; the session goes on.
      env.logger.warn({ err: (error as { data?: { error?: string } }).data?.error ?? (error as Error).name, tenantId }, 'slack app link not known');
      return null;
    }
  };
}
