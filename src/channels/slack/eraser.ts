// Slack for erasure alone (the operator's command line): the same workspace tokens and the same
// chat.delete as the running channel, without a receiver, listeners or an outbox.
import type { Config } from '../../config.js';
import type { CoreDeps } from '../../core/index.js';
import type { Logger } from '../../logger.js';
import type { ChatChannel } from '../contract.js';
import { deleteSlackMessages } from './delete.js';
import { createSlackAuth } from './install.js';
import { apiUrl, boltLogger, RETRY_RATE_LIMITED_ONLY } from './support.js';

export function createSlackEraser(deps: CoreDeps, config: Config, logger: Logger): ChatChannel<never> & { close(): Promise<void> } {
  const slack = config.slack;
  if (!slack) throw new Error('Slack is not configured');
  const log = logger.child({ channel: 'slack' });
  const sdkLogger = boltLogger(log);
  const clientOptions = { ...(slack.apiUrl ? { slackApiUrl: apiUrl(slack.apiUrl) } : {}), retryConfig: RETRY_RATE_LIMITED_ONLY, logger: sdkLogger };
  const auth = createSlackAuth({
    deps,
    config: slack,
    clientOptions,
    tenants: new Map(),
    databaseUrl: config.databaseUrl,
    encryptionKey: config.encryptionKey,
    publicUrl: config.publicUrl,
    logger: log,
    sdkLogger,
  });
  return {
    name: 'slack',
    // Deletes only: it identifies nobody and has nothing to start.
    identify: async () => null,
    deleteMessages: (messages) => deleteSlackMessages((tenantId) => auth.clientForTenant(tenantId), messages),
    start: async () => undefined,
    stop: async () => undefined,
    close: () => auth.close(),
  };
}
