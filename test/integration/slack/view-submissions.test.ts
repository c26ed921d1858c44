// Modal submissions are answered before any database work: a form with a mistake is answered from memory,
// next to the field, in the language it was drawn in; a good form is answered with "one moment" and its
// outcome follows; what only storage can refuse reaches the member with what they typed kept; a
// redelivered submission has one effect. The store is held shut by a gate while Slack waits for its
// answer: an answer that needed the database would never come while the gate is shut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIdeaRound, DomainError, listContributions, listIdeaRounds, listPolls, type CoreDeps } from '../../../src/core/index.js';
import { errorMessage } from '../../../src/i18n/errors.js';
import { t as tr } from '../../../src/i18n/index.js';
import { testDatabases } from '../../setup/databases.js';
import { startSlackApp, type SlackTestApp } from '../../support/slack-app.js';
import { blockText, enrol, input, type SlackPerson, type View } from '../../support/slack-person.js';
import { findAction } from '../../support/slack-requests.js';

/** Holds every store call (transactions and reads) at a gate; counts the calls that reached it. */
function gateStore(deps: CoreDeps) {
  const store = deps.store;
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  let calls = 0;
  const transaction = store.transaction.bind(store);
  store.transaction = async (work) => {
    calls += 1;
    await gate;
    return transaction(work);
  };
  const read = store.read?.bind(store);
  if (read) {
    store.read = async (work) => {
      calls += 1;
      await gate;
      return read(work);
    };
  }
  return {
    shut() {
      calls = 0;
      gate = new Promise((resolve) => (release = resolve));
    },
    open: () => release(),
    calls: () => calls,
  };
}

describe.each(testDatabases())('Slack modal submissions on $name', ({ makeUrl }) => {
  let t: SlackTestApp;
  let fac: SlackPerson;
  let chloe: SlackPerson;
  let gate: ReturnType<typeof gateStore>;
  let roundId = '';

  beforeAll(async () => {
    t = await startSlackApp({ databaseUrl: await makeUrl() });
    [fac, chloe] = (await enrol(t, [
      ['UFAC', 'Fien', 'nl-BE'],
      ['UCHLOE', 'Chloé', 'fr-BE'],
    ])) as [SlackPerson, SlackPerson];
    const { trigger } = await fac.command('vraag');
    await fac.submit(fac.opened(trigger), { question: { question: input.text('Wat maakt de weg naar zorg moeilijk?') } });
    roundId = (await listIdeaRounds(t.app.deps, await fac.actor(), 'open'))[0]!.id;
    gate = gateStore(t.app.deps);
  });
  afterAll(async () => t?.close());

  /** Chloé opens the contribution form for the question (after the privacy text, the first time). */
  async function chloeForm(): Promise<View> {
    const opened = chloe.opened(await chloe.pressInDm(chloe.lastDm('contribution_open'), 'contribution_open'));
    if (opened.callback_id === 'contribution') return opened;
    await chloe.submit(opened, {});
    return chloe.showing(opened.id);
  }

  it('answers a form with a mistake next to its field, in the form language, without any store call', async () => {
    const form = fac.opened((await fac.command('stemming')).trigger);
    gate.shut();
    const sent = await t.slack.submit('UFAC', form, {
      question: { question: input.text('Welk thema eerst?') },
      kind: { kind: input.radio('single') },
      options: { options: input.text('Vervoer\nWachttijden') },
      anonymity: { anonymity: input.radio('confidential') },
      resultsVisibility: { resultsVisibility: input.radio('after_close') },
      deadline: { deadline: { type: 'datetimepicker', selected_date_time: Math.floor(Date.now() / 1000) - 3600 } },
    });
    // Answered while the store is shut: nothing waited for it.
    expect(sent.json).toEqual({ response_action: 'errors', errors: { deadline: errorMessage('nl', new DomainError('deadline_past', { field: 'deadline' })) } });
    gate.open();
    await t.settle();
    expect(gate.calls()).toBe(0);
    expect(await listPolls(t.app.deps, await fac.actor())).toHaveLength(0);

    // The same for an expert's form, in French; an empty contribution is refused from memory too.
    const contribution = await chloeForm();
    gate.shut();
    const empty = await t.slack.submit('UCHLOE', contribution, { whatHappens: { whatHappens: input.empty() }, attribution: { attribution: input.radio('named') } });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { whatHappens: errorMessage('fr', new DomainError('text_empty', { field: 'contribution' })) } });
    gate.open();
    await t.settle();
    expect(gate.calls()).toBe(0);
  });

  it('acknowledges a good form before the work, then shows the outcome in the same modal', async () => {
    const form = fac.opened((await fac.command('stemming')).trigger);
    gate.shut();
    const sent = await t.slack.submit('UFAC', form, {
      question: { question: input.text('Welk thema eerst?') },
      kind: { kind: input.radio('scale') },
      anonymity: { anonymity: input.radio('confidential') },
      resultsVisibility: { resultsVisibility: input.radio('after_close') },
    });
    const waiting = sent.json as { response_action: string; view: View };
    expect(waiting.response_action).toBe('update');
    expect(blockText(waiting.view.blocks)).toContain(tr('nl', 'slack:common.saving'));
    gate.open();
    await t.settle();
    expect(gate.calls()).toBeGreaterThan(0); // the work came after the answer
    expect(await listPolls(t.app.deps, await fac.actor())).toHaveLength(1);
    expect(blockText(fac.showing(form.id).blocks)).toContain(tr('nl', 'slack:pollForm.done'));
  });

  it('brings a form that only storage refuses back with what was typed, and the reason in the member language', async () => {
    const form = await chloeForm();
    await closeIdeaRound(t.app.deps, await fac.actor(), roundId); // closed while Chloé was writing
    const typed = "Le bus ne passe qu'une fois par heure.";
    const sent = await chloe.submit(form, { whatHappens: { whatHappens: input.text(typed) }, attribution: { attribution: input.radio('anonymous') } });
    expect((sent.json as { response_action: string }).response_action).toBe('update');
    const back = chloe.showing(form.id);
    expect(back.callback_id).toBe('contribution');
    expect(blockText(back.blocks)).toContain(errorMessage('fr', new DomainError('round_closed')));
    expect(findAction(back.blocks, 'whatHappens').element.initial_value).toBe(typed);
    expect((findAction(back.blocks, 'attribution').element.initial_option as { value: string }).value).toBe('anonymous');
    expect(await listContributions(t.app.deps, await fac.actor(), roundId)).toHaveLength(0);

    // Had she closed the modal meanwhile, a DM tells her why and quotes her words back.
    t.api.failNext('views.update', { error: 'not_found' });
    await chloe.submit(back, { whatHappens: { whatHappens: input.text(typed) }, attribution: { attribution: input.radio('anonymous') } });
    const dm = chloe.dms().at(-1)!;
    expect(dm.text).toBe(errorMessage('fr', new DomainError('round_closed')));
    expect(blockText(dm.blocks)).toContain(typed);
  });

  it('gives a redelivered submission one effect and the same outcome', async () => {
    const { trigger } = await fac.command('vraag');
    const form = fac.opened(trigger);
    const values = { question: { question: input.text('Wat helpt je het meest?') } };
    await fac.submit(form, values, { triggerId: 'trig-redelivered' });
    const first = fac.showing(form.id);
    await fac.submit(form, values, { triggerId: 'trig-redelivered', retryNum: 1 });
    const asked = (await listIdeaRounds(t.app.deps, await fac.actor())).filter((r) => r.question === 'Wat helpt je het meest?');
    expect(asked).toHaveLength(1);
    expect(fac.showing(form.id).blocks).toEqual(first.blocks);
    expect(blockText(first.blocks)).toContain(tr('nl', 'slack:roundForm.done'));
  });
});
