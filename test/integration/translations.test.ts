import { describe, expect, it } from 'vitest';
import { createBacklogItem, createPoll, readerTexts, respondToBacklogItem, translateContent } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { usePanelHarness } from '../support/harness.js';

describe.each(testDatabases())('content in the reader’s language on $name', ({ makeUrl }) => {
  // e1 reads Dutch (the panel's language), e2 French, e3 English.
  const s = usePanelHarness(makeUrl, { experts: 3 });

  it('shows a translation where one exists, else the original marked, each with its language', async () => {
    const { deps } = s.h;
    const fac = s.p.actor('fac');
    const board = s.p.actor('board');
    const poll = await createPoll(deps, fac, { question: 'Welk thema eerst?', kind: 'single', anonymity: 'named', resultsVisibility: 'live', options: ['Vervoer', 'Wachttijden'] });
    const pillar = await createBacklogItem(deps, board, { level: 'pillar', title: 'Toegankelijke zorg' });
    await respondToBacklogItem(deps, board, pillar.id, 'Dit valt buiten onze bevoegdheid.');

    await translateContent(deps, fac, [
      { objectType: 'poll', objectId: poll.id, field: 'question', language: 'en', text: 'Which theme first?' },
      { objectType: 'poll_option', objectId: poll.options[0]!.id, pollId: poll.id, field: 'label', language: 'en', text: 'Transport' },
    ]);
    await translateContent(deps, board, [{ objectType: 'backlog_item', objectId: pillar.id, field: 'boardResponse', language: 'en', text: 'This is outside what we decide.' }]);

    const objects = { poll: [poll.id], poll_option: poll.options.map((o) => o.id), backlog_item: [pillar.id] };
    const en = await readerTexts(deps, s.p.actor('e3'), objects);
    expect(en.get('poll', poll.id, 'question', poll.question)).toEqual({ text: 'Which theme first?', lang: 'en', kind: 'translated' });
    expect(en.get('poll_option', poll.options[0]!.id, 'label', 'Vervoer')).toMatchObject({ text: 'Transport', lang: 'en' });
    expect(en.get('poll_option', poll.options[1]!.id, 'label', 'Wachttijden')).toEqual({ text: 'Wachttijden', lang: 'nl', kind: 'untranslated' });
    expect(en.get('backlog_item', pillar.id, 'boardResponse', 'Dit valt buiten onze bevoegdheid.').text).toBe('This is outside what we decide.');

    const fr = await readerTexts(deps, s.p.actor('e2'), objects);
    expect(fr.get('poll', poll.id, 'question', poll.question)).toEqual({ text: 'Welk thema eerst?', lang: 'nl', kind: 'untranslated' });
    const nl = await readerTexts(deps, s.p.actor('e1'), objects);
    expect(nl.get('poll', poll.id, 'question', poll.question)).toEqual({ text: 'Welk thema eerst?', lang: 'nl', kind: 'original' });

    // Emptying a translation removes it; nobody may "translate" into the original's language or another's content.
    await translateContent(deps, fac, [{ objectType: 'poll', objectId: poll.id, field: 'question', language: 'en', text: '' }]);
    expect((await readerTexts(deps, s.p.actor('e3'), objects)).get('poll', poll.id, 'question', poll.question).kind).toBe('untranslated');
    await expect(translateContent(deps, fac, [{ objectType: 'poll', objectId: poll.id, field: 'question', language: 'nl', text: 'x' }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(translateContent(deps, fac, [{ objectType: 'backlog_item', objectId: pillar.id, field: 'title', language: 'fr', text: 'x' }])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(translateContent(deps, board, [{ objectType: 'backlog_item', objectId: pillar.id, field: 'owner', language: 'fr', text: 'x' }])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
