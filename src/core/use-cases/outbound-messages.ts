import type { CoreDeps } from '../context.js';
import type { OutboundMessageRecord } from '../ports.js';

/**
 * Remembers a message a chat channel posted about or to a member (ids only, never its text), so that erasure
 * can find and delete it on the platform later.
 */
export async function recordOutboundMessage(deps: CoreDeps, input: Omit<OutboundMessageRecord, 'id' | 'createdAt'>): Promise<void> {
  await deps.store.transaction((repos) => repos.outbound.record(input));
}
