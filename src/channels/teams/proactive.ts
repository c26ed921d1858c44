import type { Activity, ConversationParameters } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { UndeliverableError } from '../outbox.js';
import { referenceOf, type TeamsAddress } from './identity.js';
import { sendMessage, withBackoff } from './send.js';

/** Bot Service is the audience of tokens for calls to Teams' connector. */
const BOT_SERVICE_AUDIENCE = 'https://api.botframework.com';

export interface Delivered {
  conversationId: string;
  messageId: string;
  /** The address with the personal chat's id once we know it (to store for next time). */
  address: TeamsAddress & { conversationId: string };
}

/** No personal chat known and no credentials to open one (local mode): retrying would not help. */
export class NoPersonalChat extends UndeliverableError {
  readonly code = 'no_personal_chat';
}

/**
 * The SDK hands an error thrown inside a proactive turn to the adapter's onTurnError and then returns as if
 * all went well; a failed send would count as delivered and be lost. This carries the error out instead.
 */
async function rethrowing(run: (capture: <T>(send: () => Promise<T>) => Promise<T>) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | null = null;
  await run(async (send) => {
    try {
      return await send();
    } catch (error) {
      failure = { error };
      throw error;
    }
  });
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Proactive 1:1 messages: continues the member's personal chat when we know it, otherwise opens it (Teams
 * returns the existing chat when there is one, so this is safe to repeat).
 */
export class Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's app id, or null in local mode (no credentials: replies go out unsigned). */
    private readonly appId: string | null,
  ) {}

  async send(address: TeamsAddress, message: Activity): Promise<Delivered> {
    if (address.conversationId) return this.continue({ ...address, conversationId: address.conversationId }, message);
    return this.open(address, message);
  }

  /** Deletes an activity the bot posted in a conversation (erasure). Throws the connector's error. */
  async delete(address: TeamsAddress & { conversationId: string }, activityId: string): Promise<void> {
    await rethrowing(async (capture) =>
      this.adapter.continueConversation(this.identity(), referenceOf(address), async (context: TurnContext) => {
        await capture(() => context.deleteActivity(activityId));
      }),
    );
  }

  /** Without an app id the SDK's anonymous identity (no `aud`) makes it send unsigned, as in local mode. */
  private identity(): Parameters<CloudAdapter['continueConversation']>[0] {
    return this.appId ?? {};
  }

  private async continue(address: TeamsAddress & { conversationId: string }, message: Activity): Promise<Delivered> {
    let messageId = '';
    await rethrowing(async (capture) =>
      this.adapter.continueConversation(this.identity(), referenceOf(address), async (context: TurnContext) => {
        messageId = await capture(() => sendMessage(context, message));
      }),
    );
    return { conversationId: address.conversationId, messageId, address };
  }

  private async open(address: TeamsAddress, message: Activity): Promise<Delivered> {
    // Opening a chat needs a signed call to Teams; without credentials (local mode) we cannot.
    if (!this.appId) throw new NoPersonalChat('no_personal_chat');
    const parameters = {
      isGroup: false,
      agent: { id: address.bot.id },
      members: [{ id: address.user.id }],
      tenantId: address.tenantId,
      channelData: { tenant: { id: address.tenantId } },
    } as ConversationParameters;
    let delivered: Delivered | null = null;
    await rethrowing(async (capture) =>
      withBackoff(() =>
        this.adapter.createConversationAsync(this.appId!, address.channelId, address.serviceUrl, BOT_SERVICE_AUDIENCE, parameters, async (context) => {
          const conversationId = context.activity.conversation?.id ?? '';
          const messageId = await capture(() => sendMessage(context, message));
          delivered = { conversationId, messageId, address: { ...address, conversationId } };
        }),
      ),
    );
    if (!delivered) throw new NoPersonalChat('Teams did not open a personal chat');
    return delivered;
  }
}
