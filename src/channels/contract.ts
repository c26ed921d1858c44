// The channel contract: what every chat adapter (Slack, Teams, the local web channel, and a fourth one)
// does for the app. A channel translates; it owns no rule of the panel. Rules (who may do what, is this
// poll open, the defaults of a new poll) live in src/core; the words live in src/i18n; what the member
// sees is drawn from the shared view models in this folder (notification.ts, presenters.ts).
//
// Data flows one way: platform event -> `identify` (who is asking, display name kept current) ->
// acknowledge within the platform's limit -> core use case -> view model -> the adapter renders it.
// See README.md beside this file for how to add a channel.
import type { Router } from 'express';
import type { Actor, ChannelName, IdentityRecord, OutboundMessageRecord, PendingDelivery, PollRecord } from '../core/index.js';

/** A message the bot posted that a channel could not delete on its platform, and why (a code, no content). */
export interface UndeletedMessage {
  channel: ChannelName;
  conversationId: string;
  messageId: string;
  /** The platform's error code, or "no_client" when the channel has no way to reach that workspace now. */
  reason: string;
}

/**
 * A chat channel. `Event` is what the platform hands the adapter for one request (a Bolt payload, a Teams
 * activity, an HTTP request with its session).
 */
export interface ChatChannel<Event = unknown> {
  readonly name: ChannelName;
  /** Routes on the app's own server (POST /slack/events, POST /api/messages, the web pages). */
  readonly router?: Router;
  /**
   * The panel member behind a platform event: enrolled on a deliberate act when the platform names a
   * person the panel does not know yet, and their display name refreshed from the event when the
   * platform sends one (so nobody stays "Member"). Null when the event names nobody we may act for.
   */
  identify(event: Event): Promise<Actor | null>;
  /**
   * Delivers one pending notification to its member (the outbox calls this, one at a time). Throws to be
   * tried again next round; throws UndeliverableError (outbox.ts) when it never can be delivered. A
   * DomainError from the core (the notification's poll, round or request is gone) settles it too.
   * Channels without a way to reach a member unasked (the web channel) show notifications on the
   * member's home page instead and do not implement this.
   */
  deliver?(pending: PendingDelivery): Promise<void>;
  /**
   * Deletes messages the bot posted (erasure, GDPR art. 17). `identities` are the member's identities on
   * this channel as they were before the erasure removed them (their saved addresses say where the
   * platform is reached). Returns the messages it could not delete; one already gone counts as deleted.
   * Never throws for one message: the others are still tried.
   */
  deleteMessages(messages: OutboundMessageRecord[], identities: IdentityRecord[]): Promise<UndeletedMessage[]>;
  /**
   * A link that opens this app on a member's own device, in the zone's workspace (the projector shows it as
   * a QR code when the web channel is off): Slack's conversation with the app, a Teams chat with the bot.
   * Null when the workspace or the app's id is not known.
   */
  appLink?(tenantId: string): Promise<string | null>;
  /**
   * Redraws a closed poll in the messages members already have (the vote buttons give way to the results),
   * after a close at the deadline. Channels whose members see polls only when they look (the web, Teams'
   * refreshing cards) need not implement it. Never throws for one member's message.
   */
  pollClosed?(poll: PollRecord): Promise<void>;
  /** Starts sockets and background work; called once the app's server listens. */
  start(): Promise<void>;
  /** Stops them, waiting for work already acknowledged to finish. */
  stop(): Promise<void>;
}

/** The running channels, by name, for work that crosses them (erasure deletes messages in each). */
export class ChannelSet {
  readonly #channels = new Map<ChannelName, ChatChannel<never>>();

  add(channel: ChatChannel<never>): void {
    this.#channels.set(channel.name, channel);
  }

  get(name: ChannelName): ChatChannel<never> | undefined {
    return this.#channels.get(name);
  }

  list(): ChatChannel<never>[] {
    return [...this.#channels.values()];
  }

  /** The channels that deliver notifications unasked (through an outbox); the web channel does not. */
  delivering(): ChannelName[] {
    return this.list()
      .filter((channel) => channel.deliver)
      .map((channel) => channel.name);
  }

  /** Tells every channel that these polls closed (see `pollClosed`); one channel's failure does not stop the others. */
  async pollsClosed(polls: PollRecord[]): Promise<void> {
    for (const channel of this.#channels.values()) {
      if (!channel.pollClosed) continue;
      // A channel logs its own failures (per member); here one failing channel must not stop the next.
      for (const poll of polls) await channel.pollClosed(poll).catch(() => undefined);
    }
  }

  /** Where members of this zone open the app on their own device, per running channel that knows it. */
  async appLinks(tenantId: string): Promise<{ channel: ChannelName; url: string }[]> {
    const links: { channel: ChannelName; url: string }[] = [];
    for (const channel of this.#channels.values()) {
      const url = channel.appLink ? await channel.appLink(tenantId) : null;
      if (url) links.push({ channel: channel.name, url });
    }
    return links;
  }

  /**
   * Deletes each message through the channel that posted it. A message of a channel that does not run
   * here (Teams not configured any more) cannot be deleted and is reported as such.
   */
  async deleteMessages(messages: OutboundMessageRecord[], identities: IdentityRecord[]): Promise<UndeletedMessage[]> {
    const undeleted: UndeletedMessage[] = [];
    for (const name of new Set(messages.map((m) => m.channel))) {
      const mine = messages.filter((m) => m.channel === name);
      const channel = this.#channels.get(name);
      if (!channel) {
        undeleted.push(...mine.map((m) => ({ channel: name, conversationId: m.conversationId, messageId: m.messageId, reason: 'channel_not_running' })));
        continue;
      }
      undeleted.push(...(await channel.deleteMessages(mine, identities.filter((i) => i.channel === name))));
    }
    return undeleted;
  }
}
