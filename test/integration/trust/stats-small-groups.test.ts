// The board's "across months" page over HTTP: a domain of experience that only one or two experts of the
// panel have is named without any figure (the small-group rule of the board brief), in the board member's
// own language. In the demo zone addiction, elderly care and disability have two experts each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptParticipation, currentPrivacyNotice, openIdeaRound, submitContribution } from '../../../src/core/index.js';
import { t } from '../../../src/i18n/index.js';
import { startWebZone, type WebZone } from '../../support/web-zone.js';

let z: WebZone;

beforeAll(async () => {
  z = await startWebZone(['Peter (bestuur)', 'Anne (conseil)']);
  const round = await openIdeaRound(z.app.deps, await z.actor('Sofie (facilitator)'), { question: 'Wat hielp jou deze maand?' });
  // Dirk is one of the two experts with addiction; An one of the three with informal care.
  for (const [name, domain] of [['Dirk', 'addiction'], ['An', 'informal_care']] as const) {
    const actor = await z.actor(name);
    await acceptParticipation(z.app.deps, actor, { version: currentPrivacyNotice(z.app.deps, actor.language).version });
    await submitContribution(z.app.deps, actor, { roundId: round.id, whatHappens: 'Het wachten was te lang.', domainKeys: [domain], attribution: 'anonymous' });
  }
});

afterAll(async () => z?.close());

const domainTable = (page: string, caption: string) => {
  const from = page.indexOf(caption);
  return page.slice(from, page.indexOf('</table>', from));
};

describe('the board stats page and small groups', () => {
  it('counts per domain only for groups of at least three, and names the others without figures', async () => {
    const nl = await z.page('/board/stats', z.cookies.get('Peter (bestuur)')!);
    const table = domainTable(nl, t('nl', 'stats:perDomain'));
    expect(table).toMatch(/<th scope="row">Mantelzorg<\/th>(<td>\d+<\/td>)*<td>[1-9]\d*<\/td><\/tr>/);
    for (const small of ['Verslaving', 'Ouderenzorg', 'Beperking']) expect(table).not.toContain(small);
    expect(nl).toContain(t('nl', 'brief:representationHidden', { min: 3, domains: 'Verslaving, Ouderenzorg, Beperking' }));

    const fr = await z.page('/board/stats', z.cookies.get('Anne (conseil)')!);
    expect(domainTable(fr, t('fr', 'stats:perDomain'))).not.toContain('Assuétude');
    expect(fr).toContain(t('fr', 'brief:representationHidden', { min: 3, domains: 'Assuétude, Soins aux personnes âgées, Handicap' }));
  });
});
