// Contributions from Slack beyond the first answer: editing (with the sensitive-data guard), and the
// "Save as contribution" message shortcut, where only the message's author decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContributions, listIdeaRounds } from '../../../src/core/index.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, input, SlackPerson } from '../../support/slack-person.js';
import { findAction } from '../../support/slack-requests.js';

describe('contributions from Slack: edit, guard, and saving a message', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let anna: SlackPerson;
  let clara: SlackPerson;
  let roundId = '';
  const actor = (p: SlackPerson) => p.actor();
  const stored = async () => listContributions(t.app.deps, await actor(fac), roundId);

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UANNA', { name: 'Anna', locale: 'nl-BE' });
    t.api.users.set('UCLARA', { name: 'Clara', locale: 'en-GB' });
    [fac, anna, clara] = ['UFAC', 'UANNA', 'UCLARA'].map((id) => new SlackPerson(t, id)) as [SlackPerson, SlackPerson, SlackPerson];
    await fac.command('help');
    await anna.command('help');
    await clara.command('help');
    const { trigger } = await fac.command('vraag');
    await fac.submit(fac.opened(trigger), { question: { question: input.text('Wat maakt de weg naar zorg moeilijk?') } });
    roundId = (await listIdeaRounds(t.app.deps, await actor(fac), 'open'))[0]!.id;
    // Anna takes part (privacy text first) and answers.
    const privacy = anna.opened(await anna.pressInDm(anna.lastDm('contribution_open'), 'contribution_open'));
    await anna.submit(privacy, {});
    const form = anna.showing(privacy.id);
    await anna.submit(form, {
      whatHappens: { whatHappens: input.text('De bus naar het gezondheidscentrum rijdt maar één keer per uur.') },
      attribution: { attribution: input.radio('named') },
    });
  });
  afterAll(async () => t?.close());

  it('lets a member change what they wrote; details we may not keep are refused or left out on request', async () => {
    const home = await anna.openHome();
    const form = anna.opened(await anna.pressInView(home, 'contribution_edit'));
    expect(findAction(form.blocks, 'whatHappens').element.initial_value).toBe('De bus naar het gezondheidscentrum rijdt maar één keer per uur.');
    const values = {
      whatHappens: { whatHappens: input.text('De bus rijdt maar één keer per uur.') },
      whatIsNeeded: { whatIsNeeded: input.text('Bel me gerust op 0470 12 34 56.') },
      idea: { idea: input.text('Een vrijwilligersdienst die mensen naar de dokter brengt.') },
      domains: { domains: input.checks('chronic_illness') },
      attribution: { attribution: input.radio('named') },
    };
    const refused = await anna.submit(form, values);
    const back = refused.json as { response_action: string; view: { blocks: unknown[] } };
    expect(back.response_action).toBe('update');
    expect(blockText(back.view.blocks)).toContain('een telefoonnummer');
    expect(findAction(back.view.blocks, 'whatIsNeeded').element.initial_value).toBe('Bel me gerust op 0470 12 34 56.'); // nothing typed is lost
    expect((await stored())[0]!.whatIsNeeded).toBe(''); // nothing half-stored
    await anna.submit({ ...(back.view as object), id: form.id } as typeof form, { ...values, redact: { redact: input.checks('yes') } });
    const [mine] = await stored();
    expect(mine!.whatHappens).toBe('De bus rijdt maar één keer per uur.');
    expect(mine!.whatIsNeeded).not.toContain('0470');
  });

  it('saves a Slack message as a contribution only after its author agrees in a DM', async () => {
    const shortcut = await t.slack.shortcut('UFAC', { user: 'UCLARA', text: 'Waiting lists for the psychologist are *months* long <!channel> <https://evil.example|bank.be>' });
    expect(shortcut.status).toBe(200);
    await t.settle();
    expect(fac.lastReply().text).toBe('Ik heb het de schrijver gevraagd in een privébericht. Er wordt niets bewaard tenzij die akkoord gaat.');
    expect(fac.dms().some((m) => blockText(m.blocks).includes('capture_review'))).toBe(false);
    const ask = clara.lastDm('capture_review'); // checkBlocks refuses any "<" in text: nothing pings
    expect(blockText(ask.blocks)).toContain('Fien would like to save this message of yours');
    expect(await stored()).toHaveLength(1); // nothing stored yet

    // Clara has not taken part yet: the privacy text comes first, then the form with her words.
    const privacy = clara.opened(await clara.pressInDm(ask, 'capture_review'));
    expect(privacy.callback_id).toBe('participation');
    expect(blockText(clara.dms().find((m) => m.ts === ask.ts)!.blocks)).toContain('Only what you send there is saved.');
    await clara.submit(privacy, {});
    const form = clara.showing(privacy.id);
    expect(findAction(form.blocks, 'whatHappens').element.initial_value).toBe('Waiting lists for the psychologist are *months* long @… bank.be (https://evil.example)');
    await clara.submit(form, {
      round: { round: input.select(roundId) },
      whatHappens: { whatHappens: input.text('Waiting lists for the psychologist are months long.') },
      domains: { domains: input.checks('psychic_vulnerability') },
      attribution: { attribution: input.radio('anonymous') },
    });
    const all = await stored();
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.whatHappens.startsWith('Waiting'))?.authorId).toBeNull(); // anonymous: not linked in storage
    const claraHome = await clara.openHome();
    expect(blockText(claraHome.blocks)).toContain('Waiting lists for the psychologist are months long.'); // but hers to see
  });

  it('refuses to save a message that no person wrote', async () => {
    await t.slack.shortcut('UANNA', { bot_id: 'B0OTHER', text: 'Automatic reminder' });
    await t.settle();
    expect(anna.lastReply().text).toBe('Alleen berichten die een persoon schreef, kunnen bewaard worden.');
  });
});
