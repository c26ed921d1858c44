// The whole panel cycle from Slack surfaces only (SQLite): poll, question of the month, contributions,
// a saved message, summary and consent in DMs, withdrawal, publication, and "you said, we did".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBacklogItem,
  listContributions,
  listSummaries,
  pollResults,
  respondToBacklogItem,
  updateBacklogItem,
} from '../../../src/core/index.js';
import { BOARD_LINK_PURPOSE, verifySignInToken } from '../../../src/web-ui/sign-in-link.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { checkBlocks } from '../../support/slack-blockkit.js';
import { blockText, input, SlackPerson, type DmMessage } from '../../support/slack-person.js';
import { findAction, findActions } from '../../support/slack-requests.js';

describe('the whole panel cycle inside Slack', () => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let anna: SlackPerson;
  let bruno: SlackPerson;
  let clara: SlackPerson;
  let board: SlackPerson;
  const actor = (p: SlackPerson) => p.actor();
  /** A personal sign-in link to the board pages at the public address, for this person only. */
  const expectBoardLinkFor = async (link: string, p: SlackPerson) => {
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://stemmen.example.org/auth/link');
    const who = await actor(p);
    const verified = verifySignInToken(t.app.deps.secret, BOARD_LINK_PURPOSE, url.searchParams.get('t'), new Date());
    expect(verified).toMatchObject({ ok: true, claims: { tenantId: who.tenantId, memberId: who.memberId } });
  };

  beforeAll(async () => {
    t = await startSlackApp();
    t.api.users.set('UFAC', { name: 'Fien', locale: 'nl-BE' });
    t.api.users.set('UANNA', { name: 'Anna', locale: 'nl-BE' });
    t.api.users.set('UBRUNO', { name: 'Bruno', locale: 'fr-FR' });
    t.api.users.set('UCLARA', { name: 'Clara', locale: 'en-GB' });
    t.api.users.set('UBOARD', { name: 'Bert', locale: 'nl-BE' });
    [fac, anna, bruno, clara, board] = ['UFAC', 'UANNA', 'UBRUNO', 'UCLARA', 'UBOARD'].map((id) => new SlackPerson(t, id)) as [SlackPerson, SlackPerson, SlackPerson, SlackPerson, SlackPerson];
  });
  afterAll(async () => t?.close());

  it('enrols the first person as facilitator, the others as experts in their Slack language', async () => {
    await fac.command('help');
    expect(blockText(fac.lastReply().blocks)).toContain('Voor begeleiders');
    const homes = [await anna.openHome(), await bruno.openHome(), await clara.openHome()];
    expect(blockText(homes[0]!.blocks)).toContain('Dag Anna');
    expect(blockText(homes[1]!.blocks)).toContain('Bonjour Bruno');
    expect(blockText(homes[2]!.blocks)).toContain('Hello Clara');
    expect((await actor(bruno)).role).toBe('expert');
    await fac.command('rol <@UBOARD|bert> board');
    expect(fac.lastReply().text).toBe('Bert is nu: Bestuurslid.');
    const boardHome = await board.openHome();
    const link = findAction(boardHome.blocks, 'board_link').element.url as string;
    await expectBoardLinkFor(link, board);
    // Pressing it opens the link in the browser; the Home tab gets a fresh one (a link works once).
    await board.pressInView(boardHome, 'board_link');
    const fresh = findAction(board.home().blocks, 'board_link').element.url as string;
    expect(fresh).not.toBe(link);
    await expectBoardLinkFor(fresh, board);
    // Facilitators get their own link among the panel controls, and from /panel board.
    await expectBoardLinkFor(findAction((await fac.openHome()).blocks, 'board_link').element.url as string, fac);
    await fac.command('bestuur');
    const reply = String(fac.lastReply().text);
    expect(reply).toContain('binnen 12 uur');
    await expectBoardLinkFor(/https:\/\/\S+/.exec(reply)![0], fac);
  });

  it('runs a poll in DMs: explicit submit, answers that can change, live results updated in place, closed from Home', async () => {
    const { trigger } = await fac.command('stemming');
    const form = fac.opened(trigger);
    const created = await fac.submit(form, {
      question: { question: input.text('Welk thema eerst?') },
      kind: { kind: input.radio('single') },
      options: { options: input.text('Vervoer\nWachttijden\n\nDigitale drempels') },
      maxChoices: { maxChoices: { type: 'number_input', value: null } },
      anonymity: { anonymity: input.radio('confidential') },
      resultsVisibility: { resultsVisibility: input.radio('live') },
      deadline: { deadline: { type: 'datetimepicker', selected_date_time: null } },
    });
    expect((created.json as { response_action: string }).response_action).toBe('update');
    expect(blockText(fac.showing(form.id).blocks)).toContain('De stemming is open.');
    const annaPoll = anna.lastDm('poll_submit');
    expect(annaPoll.text).toBe('Een stemming wacht op je antwoord.');
    expect(blockText(bruno.lastDm('poll_submit').blocks)).toContain('Envoyer ma réponse');
    const choice = findAction(annaPoll.blocks, 'poll_choice');
    const options = choice.element.options as { value: string; text: { text: string } }[];
    const vervoer = options.find((o) => o.text.text === 'Vervoer')!.value;
    const wacht = options.find((o) => o.text.text === 'Wachttijden')!.value;
    const pick = (value: string) => ({ [choice.block_id]: { poll_choice: input.radio(value) } });

    // Anna has not accepted the privacy text yet: pressing submit opens it instead of counting a vote.
    const privacy = anna.opened(await anna.pressInDm(annaPoll, 'poll_submit', pick(wacht)));
    expect(privacy.callback_id).toBe('participation');
    expect(blockText(privacy.blocks)).toContain('Meedoen aan het panel');
    expect((await pollResults(t.app.deps, await actor(fac), findAction(annaPoll.blocks, 'poll_submit').value!)).turnout).toBe(0);
    await anna.submit(privacy, {});
    await anna.pressInDm(anna.lastDm('poll_submit'), 'poll_submit', pick(wacht));
    await anna.pressInDm(anna.lastDm('poll_submit'), 'poll_submit', pick(vervoer)); // changes her mind
    const updated = anna.lastDm('poll_submit');
    expect(updated.ts).toBe(annaPoll.ts); // the same message, updated in place
    expect(blockText(updated.blocks)).toContain('Jouw antwoord: *Vervoer*');
    // Turnout is counted against the poll's audience: the experts.
    expect(blockText(updated.blocks)).toMatch(/1 van de \d+ ervaringsdeskundigen antwoordden\./);

    // Bruno answers from his Home tab, in a modal.
    const home = await bruno.openHome();
    const voteTrigger = await bruno.pressInView(home, 'poll_open');
    const vote = bruno.opened(voteTrigger);
    const refused = await bruno.submit(vote, { choice: { choice: input.radio(vervoer) } });
    expect((refused.json as { response_action: string }).response_action).toBe('update'); // answered at once: "one moment"
    // Only storage knows Bruno has not accepted the privacy text: his form comes back with his answer kept,
    // and the privacy text one tap away, on top of it.
    const back = bruno.showing(vote.id);
    expect(back.callback_id).toBe('poll_vote');
    expect(blockText(back.blocks)).toContain('Avant de participer : lisez le texte sur la vie privée.');
    expect((findAction(back.blocks, 'choice').element.initial_option as { value: string }).value).toBe(vervoer);
    const onTop = bruno.opened(await bruno.pressInView(back, 'privacy_open'));
    await bruno.submit({ ...onTop, previous_view_id: vote.id }, {});
    expect(blockText(bruno.showing(onTop.id).blocks)).toContain('Retour');
    await bruno.submit(back, { choice: { choice: input.radio(vervoer) } });
    expect(blockText(bruno.showing(vote.id).blocks)).toContain('Votre réponse : *Vervoer*');

    const results = await pollResults(t.app.deps, await actor(fac), (findAction(updated.blocks, 'poll_submit').value)!);
    expect(results.turnout).toBe(2);
    expect(results.options.find((o) => o.label === 'Vervoer')?.count).toBe(2);

    const facHome = await fac.openHome();
    await fac.pressInView(facHome, 'poll_close');
    const closed = anna.dms().find((m) => m.ts === annaPoll.ts)!;
    expect(findActions(closed.blocks, 'poll_submit')).toHaveLength(0);
    expect(blockText(closed.blocks)).toContain('Deze stemming is gesloten.');
    expect(blockText(clara.dms().find((m) => m.text === 'A poll is waiting for your answer.')!.blocks)).toContain('This poll is closed.');
  });

  let roundId = '';
  it('opens a question of the month and collects structured contributions (with inline errors, nothing half-stored)', async () => {
    const { trigger } = await fac.command('vraag');
    await fac.submit(fac.opened(trigger), {
      question: { question: input.text('Wat maakt de weg naar zorg moeilijk?') },
      description: { description: input.text('') },
      closesAt: { closesAt: { type: 'datetimepicker', selected_date_time: null } },
    });
    const dm = anna.lastDm('contribution_open');
    roundId = findAction(dm.blocks, 'contribution_open').value!;
    const formTrigger = await anna.pressInDm(dm, 'contribution_open');
    const form = anna.opened(formTrigger);
    await anna.submit(form, {
      whatHappens: { whatHappens: input.text('De bus naar het gezondheidscentrum rijdt maar één keer per uur.') },
      whatIsNeeded: { whatIsNeeded: input.text('Vervoer op maat voor wie slecht te been is.') },
      idea: { idea: input.text('Een vrijwilligersdienst die mensen naar de dokter brengt.') },
      domains: { domains: input.checks('chronic_illness') },
      attribution: { attribution: input.radio('named') },
    });

    const brunoForm = bruno.opened(await bruno.pressInDm(bruno.lastDm('contribution_open'), 'contribution_open'));
    expect(brunoForm.title).toEqual({ type: 'plain_text', text: 'Votre expérience', emoji: true });
    await bruno.submit(brunoForm, {
      whatHappens: { whatHappens: input.text("Je dois choisir entre payer le médecin et payer l'électricité.") },
      whatIsNeeded: { whatIsNeeded: input.text('') },
      idea: { idea: input.text('Le tiers payant pour tout le monde dans la zone.') },
      domains: { domains: input.checks('poverty') },
      attribution: { attribution: input.radio('anonymous') },
    });

    // Clara reads the privacy text first; accepting it leads straight on to the form.
    const claraPrivacy = clara.opened(await clara.pressInDm(clara.lastDm('contribution_open'), 'contribution_open'));
    expect(claraPrivacy.callback_id).toBe('participation');
    await clara.submit(claraPrivacy, {});
    const claraForm = clara.showing(claraPrivacy.id);
    expect(claraForm.callback_id).toBe('contribution');
    // She sends an empty form: the error is shown next to the field, nothing is stored.
    const empty = await clara.submit(claraForm, {
      whatHappens: { whatHappens: input.empty() },
      whatIsNeeded: { whatIsNeeded: input.empty() },
      idea: { idea: input.empty() },
      attribution: { attribution: input.radio('named') },
    });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { whatHappens: 'Please write something in "your contribution".' } });
    expect((await listContributions(t.app.deps, await actor(fac), roundId)).map((c) => c.attribution).sort()).toEqual(['anonymous', 'named']);
    await clara.submit(claraForm, {
      whatHappens: { whatHappens: input.text('Waiting lists for the psychologist are months long.') },
      whatIsNeeded: { whatIsNeeded: input.empty() },
      idea: { idea: input.empty() },
      domains: { domains: input.checks('psychic_vulnerability') },
      attribution: { attribution: input.radio('named') },
    });
    const stored = await listContributions(t.app.deps, await actor(fac), roundId);
    expect(stored).toHaveLength(3);
    expect(stored.find((c) => c.attribution === 'anonymous')?.authorId).toBeNull();
  });

  let annaConsent: DmMessage;
  it('drafts a summary and asks every quoted member for consent in a DM, with the exact quotes', async () => {
    const home = await fac.openHome();
    await fac.pressInView(home, 'summary_draft', roundId);
    expect(blockText(fac.lastDm().blocks)).toContain('Versie 1');
    annaConsent = anna.lastDm('consent_approve');
    expect(annaConsent.text).toBe('Een samenvatting citeert je. Kijk ze even na.');
    expect(blockText(annaConsent.blocks)).toContain('“De bus naar het gezondheidscentrum rijdt maar één keer per uur.”');
    expect(blockText(annaConsent.blocks)).toContain('getoond met de naam: Anna');
    expect(blockText(annaConsent.blocks)).toContain('Jouw woorden');
    expect(blockText(bruno.lastDm('consent_approve').blocks)).toContain('Vos mots');
    expect(blockText(clara.lastDm('consent_approve').blocks)).toContain('Your words');
  });

  it('takes consent answers in DMs; a change request and a withdrawal re-issue the summary; then it is published', async () => {
    const whole = anna.opened(await anna.pressInDm(annaConsent, 'consent_read')); // every statement, paged
    expect(findAction(whole.blocks, 'consent_approve').value).toBe(findAction(annaConsent.blocks, 'consent_approve').value);
    await anna.pressInDm(annaConsent, 'consent_approve');
    expect(blockText(anna.dms().find((m) => m.ts === annaConsent.ts)!.blocks)).toContain('Je hebt de tekst goedgekeurd.');
    await bruno.pressInDm(bruno.lastDm('consent_approve'), 'consent_approve_anonymous');

    const claraAsk = clara.lastDm('consent_change');
    const change = clara.opened(await clara.pressInDm(claraAsk, 'consent_change'));
    await clara.submit(change, { comment: { comment: input.text('Please do not mention the psychologist.') } });
    expect(blockText(clara.dms().find((m) => m.ts === claraAsk.ts)!.blocks)).toContain('We asked the facilitator to change the text.');
    expect(fac.dms().some((m) => m.text === 'Een panellid vroeg een aanpassing in een samenvatting.')).toBe(true);

    // Publishing now fails, and says why.
    const pubTrigger = await fac.pressInView(await fac.openHome(), 'summary_publish');
    expect(blockText(fac.opened(pubTrigger).blocks)).toContain('Nog niet iedereen die geciteerd wordt');

    // Clara withdraws her contribution from her Home tab: the summary is made again without it.
    const claraHome = await clara.openHome();
    const withdraw = clara.opened(await clara.pressInView(claraHome, 'withdraw_open'));
    await clara.submit(withdraw, {});
    // Anna's and Bruno's own quotes did not change: their answers carry over to version 2, nobody is asked again.
    expect(anna.dms().filter((m) => blockText(m.blocks).includes('versie 2'))).toEqual([]);

    await fac.command('publiceer');
    expect(fac.lastReply().text).toBe('De samenvatting is naar het bestuur gestuurd. Iedereen die geciteerd wordt, krijgt een bericht.');
    const published = (await listSummaries(t.app.deps, await actor(fac)))[0]!;
    expect(published.published?.number).toBe(2);
    const notice = board.dms().find((m) => m.text === 'Een samenvatting ging naar het bestuur.');
    await expectBoardLinkFor(findAction(notice!.blocks, 'board_link').element.url as string, board);
  });

  it('tells the member what became of their input ("you said, we did")', async () => {
    const boardActor = await actor(board);
    const summary = (await listSummaries(t.app.deps, boardActor))[0]!;
    const statement = summary.published!.statements.find((s) => s.citations.some((c) => c.attributedName === 'Anna'))!;
    // The board's work happens on the board pages; here through the same core use cases.
    const pillar = await createBacklogItem(t.app.deps, boardActor, { level: 'pillar', title: 'Toegang tot zorg' });
    const goal = await createBacklogItem(t.app.deps, boardActor, { level: 'strategic_goal', parentId: pillar.id, title: 'Iedereen geraakt bij de huisarts' });
    const operational = await createBacklogItem(t.app.deps, boardActor, { level: 'operational_goal', parentId: goal.id, title: 'Vervoer organiseren' });
    const item = await createBacklogItem(t.app.deps, boardActor, { level: 'action', parentId: operational.id, title: 'Vervoer op maat naar de huisarts', status: 'planned', owner: 'Zone', progress: 20, statementIds: [statement.id] });
    await respondToBacklogItem(t.app.deps, boardActor, item.id, 'We starten in maart met een pendeldienst.');
    expect(await t.runtime.flushOutbox()).toBeGreaterThan(0);
    const outcome = anna.lastDm();
    expect(outcome.text).toBe('Het bestuur deed iets met je inbreng.');
    expect(blockText(outcome.blocks)).toContain('We starten in maart met een pendeldienst.');
    expect(blockText((await anna.openHome()).blocks)).toContain('Vervoer op maat naar de huisarts');

    // A status change is its own news, with its own title: not "the board answered" again.
    await updateBacklogItem(t.app.deps, boardActor, item.id, { status: 'in_progress' });
    expect(await t.runtime.flushOutbox()).toBeGreaterThan(0);
    const change = anna.lastDm();
    expect(change.text).toBe('Een actie waaraan je bijdroeg staat nu op: Bezig.');
    expect(change.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Een actie waaraan je bijdroeg is veranderd' } });
    expect(blockText(change.blocks)).toContain('Vervoer op maat naar de huisarts');
    expect(blockText(change.blocks)).not.toContain('Antwoord van het bestuur');
  });

  it('lets a member change their language with /panel', async () => {
    await anna.command('taal fr');
    expect(anna.lastReply().text).toBe('Désormais, je vous écris en Français.');
    expect(blockText(anna.home().blocks)).toContain('Bonjour Anna');
  });

  it('kept every message within Block Kit limits and recorded every DM for erasure', async () => {
    for (const call of t.api.of('chat.postMessage')) checkBlocks(call.args.blocks, 'message');
    for (const call of t.api.of('chat.update')) checkBlocks(call.args.blocks, 'message');
    const annaActor = await actor(anna);
    const recorded = await t.app.deps.store.transaction((r) => r.outbound.listByMember(annaActor.memberId));
    expect(recorded.length).toBe(t.api.of('chat.postMessage', (c) => c.args.channel === anna.dmChannel).length);
  });
});
