// Slack's Home tab shows what the member's home shows on the web in their language: the open poll's
// question and options, the summary that quotes them and the plan item that came from their input, each
// translation marked as one (the web's words), an original marked "original, in Dutch", and never a
// model's draft that nobody confirmed. Signed HTTP against the loopback Web API stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as tr } from '../../../src/i18n/index.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, enrol, SlackPerson } from '../../support/slack-person.js';
import { DRAFTS, HOME_TEXT, seedHomeTranslations } from '../../support/home-translations.js';

describe('translations on the Slack Home tab', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let bruno: SlackPerson;

  beforeAll(async () => {
    t = await startSlackApp();
    let board: SlackPerson;
    [fac, bruno, board] = (await enrol(t, [['UFAC', 'Fien', 'nl-BE'], ['UBRUNO', 'Bruno', 'fr-FR'], ['UBOARD', 'Bert', 'nl-BE']])) as [SlackPerson, SlackPerson, SlackPerson];
    await fac.command('rol <@UBOARD|bert> board');
    await seedHomeTranslations(t.app.deps, { fac: await fac.actor(), board: await board.actor(), expert: await bruno.actor() });
    await t.runtime.flushOutbox();
  });
  afterAll(async () => t?.close());

  it('shows confirmed translations marked, originals marked, and no unconfirmed draft, to a member who reads French', async () => {
    const text = blockText((await bruno.openHome()).blocks);
    const mark = `_(${tr('fr', 'translate:translated')})_`;
    expect(text).toContain(`${HOME_TEXT.questionFr} ${mark}`);
    expect(text).toContain(HOME_TEXT.optionBusFr);
    // The option whose only translation is an unconfirmed draft shows in the original.
    expect(text).toContain(HOME_TEXT.optionTaxi);
    expect(text).toContain(tr('fr', 'thread:summaries'));
    expect(text).toContain(`_${tr('fr', 'translate:translated')}:_ ${HOME_TEXT.statementFr}`);
    expect(text).toContain(`*${HOME_TEXT.itemTitleFr} ${mark}*`);
    expect(text).toContain(`${HOME_TEXT.response} _(${tr('fr', 'translate:original', { language: tr('fr', 'common:language.nl') })})_`);
    for (const draft of DRAFTS) expect(text).not.toContain(draft);
    expect(text).not.toContain(tr('fr', 'translate:draft'));
  });

  it('shows the originals, unmarked, to a member who reads the panel language', async () => {
    const text = blockText((await fac.openHome()).blocks);
    expect(text).toContain(HOME_TEXT.question);
    expect(text).not.toContain(HOME_TEXT.questionFr);
    expect(text).not.toContain(tr('nl', 'translate:translated'));
  });
});
