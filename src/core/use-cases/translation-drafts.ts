import { audit, sameTenant, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import { enforce } from '../policy.js';
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

/** What one "suggest" asks for: an object, with its parts (a poll with its options, a summary version with its statements). */
export const DRAFT_SUBJECTS = ['poll', 'round', 'backlog_item', 'summary_version'] as const;
export type DraftSubject = (typeof DRAFT_SUBJECTS)[number];

/**
 * Every translatable field of one subject, with its text, after the same checks as a person's translation;
 * and the language the subject is written in when it is not the panel's.
 */
async function piecesOf(repos: Repositories, actor: Actor, type: DraftSubject, objectId: string): Promise<{ pieces: Piece[]; language: Language | null }> {
  const of = (objectType: TranslatableType, id: string, values: Record<string, string | null>): Piece[] =>
    (TRANSLATABLE[objectType] as readonly string[]).map((field) => ({ objectType, objectId: id, field, text: values[field] ?? '' }));
  if (type === 'summary_version') {
    enforce(actor, 'summary.edit');
    const version = await repos.summaries.findVersion(objectId);
    if (!version) throw new DomainError('not_found');
    sameTenant(actor, await repos.summaries.findById(version.summaryId));
    // Each statement is asked with its own theme, so that each translation is whole where it is shown.
    return { pieces: version.statements.flatMap((s) => of('statement', s.id, { theme: s.theme, text: s.text })), language: version.language };
  }
  await checkObject(repos, actor, type, objectId, undefined);
  return { pieces: await fieldsOf(repos, actor, type, objectId, of), language: null };
}

async function fieldsOf(
  repos: Repositories,
  actor: Actor,
  type: Exclude<DraftSubject, 'summary_version'>,
  objectId: string,
  of: (objectType: TranslatableType, id: string, values: Record<string, string | null>) => Piece[],
): Promise<Piece[]> {
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
  const type = oneOf(input.objectType, DRAFT_SUBJECTS, 'objectType');
  const objectId = typeof input.objectId === 'string' ? input.objectId : '';
  const translator = deps.translator;
  const { sourceLanguage, missing } = await deps.store.transaction((repos) => readMissing(repos, actor, type, objectId));
  if (!translator) throw new DomainError('drafting_unavailable');
  if (missing.length === 0) return 0;

  const pieces = [...new Map(missing.map((m) => [`${m.piece.objectType}.${m.piece.objectId}.${m.piece.field}`, m.piece])).values()];
  const to = [...new Set(missing.map((m) => m.language))];
  const result = await translator.translate({ from: sourceLanguage, to, pieces: pieces.map((p, i) => ({ ref: `t${i + 1}`, text: p.text })) });
  if (!result.ok) throw new DomainError('drafting_failed');
  const wanted = new Set(missing.map((m) => keyOf(m.piece, m.language)));
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
async function readMissing(repos: Repositories, actor: Actor, type: DraftSubject, objectId: string): Promise<{ sourceLanguage: Language; missing: { piece: Piece; language: Language }[] }> {
  const panel = sameTenant(actor, await repos.panels.findById(actor.panelId));
  const subject = await piecesOf(repos, actor, type, objectId);
  const original = subject.language ?? panel.defaultLanguage;
  const pieces = subject.pieces.filter((p) => p.text.trim() !== '');
  const existing = new Set<string>();
  for (const objectType of new Set(pieces.map((p) => p.objectType))) {
    const ids = [...new Set(pieces.filter((p) => p.objectType === objectType).map((p) => p.objectId))];
    for (const t of await repos.translations.listFor(objectType, ids)) if (t.tenantId === actor.tenantId) existing.add(keyOf(t, t.language));
  }
  const others = LANGUAGES.filter((l) => l !== original);
  return { sourceLanguage: original, missing: pieces.flatMap((piece) => others.filter((l) => !existing.has(keyOf(piece, l))).map((language) => ({ piece, language }))) };
}
