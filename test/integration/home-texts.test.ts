// The core's member home carries the texts in the member's language, read once for every channel: what a
// person wrote or confirmed reaches members; a model's unconfirmed draft reaches only staff, as a draft.
import { describe, expect, it } from 'vitest';
import { memberHome, homeTexts } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { DRAFTS, HOME_TEXT, seedHomeTranslations } from '../support/home-translations.js';
import { usePanelHarness } from '../support/harness.js';

describe.each(testDatabases())('the member home in the member’s language on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 2 });

  it('carries confirmed translations of the poll, the plan item and the summary, and no unconfirmed draft', async () => {
    const { deps } = s.h;
    const expert = s.p.actor('e2'); // reads French in a Dutch panel
    await seedHomeTranslations(deps, { fac: s.p.actor('fac'), board: s.p.actor('board'), expert });
    const home = await memberHome(deps, expert);
    const texts = homeTexts(home);
    const poll = home.openPolls[0]!.poll;
    expect(texts.get('poll', poll.id, 'question', poll.question)).toEqual({ text: HOME_TEXT.questionFr, lang: 'fr', kind: 'translated' });
    expect(poll.options.map((o) => texts.get('poll_option', o.id, 'label', o.label))).toEqual([
      { text: HOME_TEXT.optionBusFr, lang: 'fr', kind: 'translated' },
      { text: HOME_TEXT.optionTaxi, lang: 'nl', kind: 'untranslated' },
    ]);
    const item = home.outcomes[0]!.items[0]!;
    expect(texts.get('backlog_item', item.id, 'title', item.title)).toMatchObject({ text: HOME_TEXT.itemTitleFr, kind: 'translated' });
    expect(texts.get('backlog_item', item.id, 'boardResponse', item.boardResponse!)).toMatchObject({ text: HOME_TEXT.response, kind: 'untranslated' });
    const [first, second] = home.summaries![0]!.version.statements;
    expect(texts.statements.get(first!.id)).toMatchObject({ text: HOME_TEXT.statementFr, draft: false });
    expect(texts.statements.has(second!.id)).toBe(false);
    expect(JSON.stringify([...texts.statements.values()])).not.toContain(DRAFTS[1]);
  });
});
