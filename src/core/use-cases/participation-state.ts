import { DomainError } from '../errors.js';
import { PRIVACY_NOTICE_VERSION } from '../privacy/notice.js';
import type { Repositories } from '../ports.js';
import type { Actor, ConsentRecordRow } from '../types.js';

export type ParticipationState = 'none' | 'accepted' | 'outdated' | 'refused' | 'withdrawn';

export interface ParticipationStatus {
  state: ParticipationState;
  /** The notice version the member last answered, if any. */
  version: string | null;
  /** When they accepted the version they are taking part under (state `accepted`). */
  acceptedAt: Date | null;
  currentVersion: string;
  /** The grant record a withdrawal would end. */
  grantId: string | null;
}

const isNoticeDecision = (r: ConsentRecordRow) => r.purpose === 'participation' && r.objectType === 'privacy_notice';

/** The member's answer to the privacy notice: their latest record decides; nothing recorded is "no". */
export function participationFrom(records: ConsentRecordRow[]): ParticipationStatus {
  const last = records.filter(isNoticeDecision).at(-1);
  const base = { currentVersion: PRIVACY_NOTICE_VERSION, version: last?.textVersion ?? null, acceptedAt: null, grantId: null };
  if (!last) return { ...base, state: 'none' };
  if (last.decision === 'granted') {
    if (last.textVersion !== PRIVACY_NOTICE_VERSION) return { ...base, state: 'outdated', grantId: last.id };
    return { ...base, state: 'accepted', acceptedAt: last.createdAt, grantId: last.id };
  }
  return { ...base, state: last.decision === 'withdrawn' ? 'withdrawn' : 'refused' };
}

export async function participationOf(repos: Repositories, actor: Actor): Promise<ParticipationStatus> {
  const member = await repos.members.findById(actor.memberId);
  if (!member) throw new DomainError('not_found');
  return participationFrom(await repos.consent.listRecords(actor.tenantId, member.pseudonym));
}

/**
 * Panel members (experts) take part only under an accepted, current privacy notice. Staff (facilitators,
 * board, admin) act in their professional role and are not asked.
 */
export async function requireParticipation(repos: Repositories, actor: Actor, opts: { everyone?: boolean } = {}): Promise<void> {
  if (actor.role !== 'expert' && !opts.everyone) return;
  if ((await participationOf(repos, actor)).state !== 'accepted') throw new DomainError('participation_consent_required');
}

/** Which of these members accepted the current privacy notice: one lookup for a whole batch of votes. */
export async function acceptedParticipation(repos: Repositories, tenantId: string, memberIds: string[]): Promise<Set<string>> {
  const pseudonyms = await repos.members.pseudonymsOf(memberIds);
  const records = await repos.consent.listParticipationRecords(tenantId, [...new Set(pseudonyms.values())]);
  const byPseudonym = new Map<string, ConsentRecordRow[]>();
  for (const record of records) byPseudonym.set(record.pseudonym, [...(byPseudonym.get(record.pseudonym) ?? []), record]);
  return new Set(memberIds.filter((id) => participationFrom(byPseudonym.get(pseudonyms.get(id) ?? '') ?? []).state === 'accepted'));
}
