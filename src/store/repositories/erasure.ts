import type { ErasureRepository } from '../../core/ports.js';
import { isFlatRecord, parseJson, type Tx } from './shared.js';

/**
 * Erasure across tables. After `replaceAndDeleteMember` the member's id appears nowhere: where the panel
 * still needs to know "someone" did something (who opened a poll, who handled a support request, audit
 * actors), the pseudonym stands in, the same one the consent proofs carry.
 */
export function makeErasureRepository(tx: Tx): ErasureRepository {
  return {
    async replaceAndDeleteMember(memberId, pseudonym, contributionIds) {
      if (contributionIds.length > 0) {
        await tx.auditEvent.updateMany({ where: { objectType: 'contribution', objectId: { in: contributionIds } }, data: { objectId: 'erased' } });
      }
      const created = { where: { createdById: memberId }, data: { createdById: pseudonym } };
      await tx.meeting.updateMany(created);
      await tx.poll.updateMany(created);
      await tx.ideaRound.updateMany(created);
      await tx.summary.updateMany(created);
      await tx.supportRequest.updateMany({ where: { handledById: memberId }, data: { handledById: pseudonym } });
      await tx.auditEvent.updateMany({ where: { actorId: memberId }, data: { actorId: pseudonym } });
      await tx.auditEvent.updateMany({ where: { objectId: memberId }, data: { objectId: pseudonym } });
      // Audit details are flat JSON of ids and codes: rewrite any value that is the member id.
      const quoted = JSON.stringify(memberId);
      for (const event of await tx.auditEvent.findMany({ where: { details: { contains: quoted } }, select: { id: true, details: true } })) {
        const details = parseJson(event.details, 'AuditEvent.details', isFlatRecord);
        const scrubbed = Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v === memberId ? pseudonym : v]));
        await tx.auditEvent.update({ where: { id: event.id }, data: { details: JSON.stringify(scrubbed) } });
      }
      await tx.member.delete({ where: { id: memberId } });
    },
  };
}
