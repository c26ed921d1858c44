// The configured chat channels, for deleting the bot's messages to an erased member outside the running
// app: the command line's composition, as app.ts composes the running channels. Channels without credentials here are named, so the operator is told
// which messages stay (they are also recorded in the audit log by `deleteErasedMessages`).
import type { Config } from '../config.js';
import type { ChannelName, CoreDeps } from '../core/index.js';
import type { Logger } from '../logger.js';
import { ChannelSet } from '../channels/contract.js';

export interface MessageErasers {
  channels: ChannelSet;
  /** The chat channels with credentials here. */
  configured: ChannelName[];
  close(): Promise<void>;
}

export async function openMessageErasers(deps: CoreDeps, config: Config, logger: Logger): Promise<MessageErasers> {
  const channels = new ChannelSet();
  const closers: (() => Promise<void>)[] = [];
  // Loaded only when configured, as in app.ts: a plain install needs none of their packages' start-up.
  if (config.slack) {
    const eraser = (await import('../channels/slack/eraser.js')).createSlackEraser(deps, config, logger);
    channels.add(eraser);
    closers.push(() => eraser.close());
  }
  if (config.teams) {
    const eraser = (await import('../channels/teams/eraser.js')).createTeamsEraser(config, logger);
    channels.add(eraser);
    closers.push(() => eraser.close());
  }
  return {
    channels,
    configured: channels.list().map((c) => c.name),
    close: async () => void (await Promise.all(closers.map((close) => close()))),
  };
}
