// Teams for erasure alone (the operator's command line): the same credentials and the same delete activity
// as the running channel, without the /api/messages route or an outbox.
import { CloudAdapter } from '@microsoft/agents-hosting';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ChatChannel } from '../contract.js';
import { authConfiguration } from './auth.js';
import { deleteTeamsMessages } from './delete.js';
import { Messenger } from './proactive.js';

export function createTeamsEraser(config: Config, logger: Logger): ChatChannel<never> & { close(): Promise<void> } {
  const teams = config.teams;
  if (!teams) throw new Error('Teams is not configured');
  const adapter = new CloudAdapter(authConfiguration(teams), undefined, undefined, { validateServiceUrl: !teams.local, emitStackTrace: false });
  adapter.onTurnError = async (context, error) => {
    logger.error({ channel: 'teams', activityType: context.activity.type, err: error instanceof Error ? error.name : 'unknown' }, 'teams erasure turn failed');
  };
  const messenger = new Messenger(adapter, teams.local ? null : teams.appId);
  return {
    name: 'teams',
    // Deletes only: it identifies nobody and has nothing to start.
    identify: async () => null,
    deleteMessages: (messages, identities) => deleteTeamsMessages(messenger, messages, identities),
    start: async () => undefined,
    stop: async () => undefined,
    close: async () => undefined,
  };
}
