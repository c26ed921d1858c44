import { audit, sameTenant, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import { LANGUAGES, LIMITS, TRANSLATABLE, type Actor, type Language, type TranslatableType } from '../types.js';
import { cleanText, oneOf } from '../validation.js';
import { checkObject, TRANSLATION_MAX } from './translations.js';

/** Whether a language model can draft translations here (the page offers the button, or says why not). */
export const canDraftTranslations = (deps: Pick<CoreDeps, 'translator'>): boolean => !!deps.translator;

interface Piece {
  objectType: TranslatableType;
  objectId: string;
  field: string;
  text: string;
}

/** Every translatable field of one object, with its text (a poll with its options). */
async function piecesOf(repos: Repositories, actor: Actor, type: TranslatableType, objectId: string): Promise<Piece[]> {
  const of = (objectType: TranslatableType, id: string, values: Record<string, string | null>): Piece[] =>
    (TRANSLATABLE[objectType] as readonly string[]).map((field) => ({ objectType, objectId: id, field, text: values[field] ?? '' }));
  switch (type) {
    case 'poll': {
      const poll = sameTenant(actor, await repos.polls.findById(objectId));
      return [...of('poll', poll.id, { question: poll.question }), ...poll.options.flatMap((o) => of('poll_option', o.id, { label: o.label }))];
    }
    case 'round': {
      const round = sameTenant(actor, await repos.rounds.findById(objectId));
      return of('round', round.id, { question: round.question, description: round.description });
    }
    case 'backlog_item': {
      const item = sameTenant(actor, await repos.backlog.findById(objectId));
      return of('backlog_item', item.id, { title: item.title, boardResponse: item.boardResponse });
    }
    default:
      // Options are drafted with their poll.
      throw new DomainError('invalid_input', { field: 'objectType' });
  }
}

const keyOf = (p: { objectType: string; objectId: string; field: string }, language: string) => `${p.objectType}.${p.objectId}.${p.field}.${language}`;

/**
 * Asks the language model for translations of one object's fields into the panel's other languages, where
 * none exists yet (a person's translation, or an earlier draft, is never replaced). Drafts are stored
 * unconfirmed: readers do not get them until a person confirms or edits them on the translations page.
 * The model is called outside any transaction; what is stored is checked like a person's input.
 */
export async function draftTranslations(deps: CoreDeps, actor: Actor, input: { objectType: unknown; objectId: unknown }): Promise<number> {
  const type = oneOf(input.objectType, Object.keys(TRANSLATABLE) as TranslatableType[], 'objectType');
  const objectId = typeof input.objectId === 'string' ? input.objectId : '';
  const translator = deps.translator;
  const { panelLanguage, missing } = await deps.store.transaction((repos) => readMissing(repos, actor, type, objectId));
  if (!translator) throw new DomainError('drafting_unavailable');
  if (missing.length === 0) return 0;

  const pieces = [...new Map(missing.map((m) => [`${m.piece.objectType}.${m.piece.objectId}.${m.piece.field}`, m.piece])).values()];
  const to = [...new Set(missing.map((m) => m.language))];
  const result = await translator.translate({ from: panelLanguage, to, pieces: pieces.map((p, i) => ({ ref: `t${i + 1}`, text: p.text })) });
  if (!result.ok) throw new DomainError('drafting_failed');
  const wanted = new Map(missing.map((m) => [keyOf(m.piece, m.language), m]));
  const drafts = result.drafts.flatMap((d) => {
    const piece = pieces[Number(d.ref.slice(1)) - 1];
    const text = cleanText(d.text);
    const max = TRANSLATION_MAX[piece?.field ?? ''] ?? LIMITS.shortText;
    // Only what was asked, once, non-empty and within the field's limit; anything else is dropped.
    if (!piece || !/^t\d+$/.test(d.ref) || !wanted.delete(keyOf(piece, d.language)) || !text || [...text].length > max) return [];
    return [{ piece, language: d.language, text }];
  });
  if (drafts.length === 0) throw new DomainError('drafting_failed');

  return deps.store.transaction(async (repos) => {
    // Someone may have written a translation while the model was busy: theirs stays.
    const still = new Set((await readMissing(repos, actor, type, objectId)).missing.map((m) => keyOf(m.piece, m.language)));
    let stored = 0;
    for (const { piece, language, text } of drafts) {
      if (!still.has(keyOf(piece, language))) continue;
      await repos.translations.upsert({ tenantId: actor.tenantId, objectType: piece.objectType, objectId: piece.objectId, field: piece.field, language, text, source: 'llm', confirmedAt: null, createdById: actor.memberId });
      stored += 1;
    }
    await audit(repos, actor, 'translation.drafted', type, objectId, { drafts: stored });
    return stored;
  });
}

/** The fields (with text) and languages of one object that have no translation yet. */
async function readMissing(repos: Repositories, actor: Actor, type: TranslatableType, objectId: string): Promise<{ panelLanguage: Language; missing: { piece: Piece; language: Language }[] }> {
  const panel = sameTenant(actor, await repos.panels.findById(actor.panelId));
  await checkObject(repos, actor, type, objectId, undefined);
  const pieces = (await piecesOf(repos, actor, type, objectId)).filter((p) => p.text.trim() !== '');
  const existing = new Set<string>();
  for (const objectType of new Set(pieces.map((p) => p.objectType))) {
    const ids = [...new Set(pieces.filter((p) => p.objectType === objectType).map((p) => p.objectId))];
    for (const t of await repos.translations.listFor(objectType, ids)) if (t.tenantId === actor.tenantId) existing.add(keyOf(t, t.language));
  }
  const others = LANGUAGES.filter((l) => l !== panel.defaultLanguage);
  return { panelLanguage: panel.defaultLanguage, missing: pieces.flatMap((piece) => others.filter((l) => !existing.has(keyOf(piece, l))).map((language) => ({ piece, language }))) };
}
