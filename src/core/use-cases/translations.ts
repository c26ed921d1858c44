import { audit, sameTenant, type CoreDeps } from '../context.js';
import { DomainError } from '../errors.js';
import { can, enforce } from '../policy.js';
import type { Repositories } from '../ports.js';
import { LANGUAGES, LIMITS, TRANSLATABLE, type Actor, type ContentTranslationRecord, type Language, type TranslatableType } from '../types.js';
import { oneOf, optionalText } from '../validation.js';

export const TRANSLATION_MAX: Record<string, number> = {
  question: LIMITS.question,
  label: LIMITS.shortText,
  title: LIMITS.shortText,
  description: LIMITS.longText,
  boardResponse: LIMITS.longText,
  theme: LIMITS.shortText,
  text: LIMITS.longText,
};

export interface TranslationInput {
  objectType: unknown;
  objectId: unknown;
  field: unknown;
  language: unknown;
  /** Empty removes the translation. */
  text: unknown;
  /** For a poll option: the poll it belongs to. */
  pollId?: unknown;
  /** For a statement: the summary version it belongs to. */
  versionId?: unknown;
}

/**
 * The object must be in the actor's panel, and the actor must be the one who writes that kind of content.
 * `parentId` is the poll of an option, or the summary version of a statement. Returns the language the
 * object was written in when it is not the panel's (a summary is written in the language it was drafted in).
 */
export async function checkObject(repos: Repositories, actor: Actor, type: TranslatableType, objectId: string, parentId: unknown): Promise<Language | null> {
  if (type === 'statement') {
    enforce(actor, 'summary.edit');
    const version = await repos.summaries.findVersion(String(parentId ?? ''));
    if (!version || !version.statements.some((s) => s.id === objectId)) throw new DomainError('not_found');
    sameTenant(actor, await repos.summaries.findById(version.summaryId));
    return version.language;
  }
  if (type === 'backlog_item') {
    enforce(actor, 'backlog.update');
    sameTenant(actor, await repos.backlog.findById(objectId));
    return null;
  }
  enforce(actor, 'poll.create');
  if (type === 'round') sameTenant(actor, await repos.rounds.findById(objectId));
  else if (type === 'poll') sameTenant(actor, await repos.polls.findById(objectId));
  else {
    const poll = sameTenant(actor, await repos.polls.findById(String(parentId ?? '')));
    if (!poll.options.some((o) => o.id === objectId)) throw new DomainError('not_found');
  }
  return null;
}

/**
 * A person enters (or replaces, or with empty text removes) translations of an object's fields, in one
 * transaction: they count as confirmed at once. A drafted one (source `llm`) that comes back unchanged stays
 * a draft, unless the person says they confirm the drafts (`confirmDrafts`): then it is kept as the model's
 * text, confirmed. A draft the person changed becomes theirs.
 */
export async function translateContent(deps: CoreDeps, actor: Actor, inputs: TranslationInput[], opts: { confirmDrafts?: boolean } = {}): Promise<number> {
  const parsed = inputs.map((input) => {
    const objectType = oneOf(input.objectType, Object.keys(TRANSLATABLE) as TranslatableType[], 'objectType');
    const field = oneOf(input.field, TRANSLATABLE[objectType] as readonly string[], 'field');
    const language = oneOf(input.language, LANGUAGES, 'language');
    const text = optionalText(input.text, field, TRANSLATION_MAX[field] ?? LIMITS.shortText);
    return { objectType, field, language, text, objectId: typeof input.objectId === 'string' ? input.objectId : '', parentId: objectType === 'statement' ? input.versionId : input.pollId };
  });
  return deps.store.transaction(async (repos) => {
    const panel = sameTenant(actor, await repos.panels.findById(actor.panelId));
    let saved = 0;
    for (const { objectType, field, language, text, objectId, parentId } of parsed) {
      const original = (await checkObject(repos, actor, objectType, objectId, parentId)) ?? panel.defaultLanguage;
      // A "translation" into the language the content is written in would hide the original.
      if (language === original) throw new DomainError('invalid_input', { field: 'language' });
      if (!text) {
        await repos.translations.remove(objectType, objectId, field, language);
        continue;
      }
      const before = (await repos.translations.listFor(objectType, [objectId])).find((x) => x.field === field && x.language === language && x.tenantId === actor.tenantId);
      const draft = before?.source === 'llm' && !before.confirmedAt && before.text === text;
      if (draft && !opts.confirmDrafts) continue;
      await repos.translations.upsert({ tenantId: actor.tenantId, objectType, objectId, field, language, text, source: draft ? 'llm' : 'person', confirmedAt: deps.clock.now(), createdById: actor.memberId });
      await audit(repos, actor, draft ? 'translation.confirmed' : 'translation.saved', objectType, objectId, { field, language });
      saved += 1;
    }
    return saved;
  });
}

/** The translations of these objects (of the actor's tenant), for rendering them in each reader's language. */
export async function contentTranslations(deps: CoreDeps, actor: Actor, objectType: TranslatableType, objectIds: string[]): Promise<ContentTranslationRecord[]> {
  if (objectIds.length === 0) return [];
  return deps.store.transaction(async (repos) => (await repos.translations.listFor(objectType, objectIds)).filter((t) => t.tenantId === actor.tenantId));
}

/** One piece of content as a reader gets it. */
export interface LocalizedText {
  text: string;
  /** The language the text is in (for the `lang` attribute). */
  lang: Language;
  /** `original`: in the reader's language as written; `translated`: a confirmed translation; `draft`: an unconfirmed one; `untranslated`: the original, because no translation exists. */
  kind: 'original' | 'translated' | 'draft' | 'untranslated';
}

/** Picks the reader's language where a translation exists, else the original (to be marked as such). */
export function localize(
  original: string,
  originalLang: Language,
  reader: Language,
  translations: readonly ContentTranslationRecord[],
  objectId: string,
  field: string,
): LocalizedText {
  if (reader === originalLang) return { text: original, lang: originalLang, kind: 'original' };
  const found = translations.find((t) => t.objectId === objectId && t.field === field && t.language === reader);
  if (!found) return { text: original, lang: originalLang, kind: 'untranslated' };
  return { text: found.text, lang: reader, kind: found.source === 'llm' && !found.confirmedAt ? 'draft' : 'translated' };
}

/** Finds the text of one field for the reader: `texts.get(type, id, field, original)`. */
export interface ReaderTexts {
  get(objectType: TranslatableType, objectId: string, field: string, original: string): LocalizedText;
}

/** Everything a page shows of these objects, in the reader's language where it exists (one read). */
export async function readerTexts(deps: CoreDeps, actor: Actor, objects: Partial<Record<TranslatableType, string[]>>): Promise<ReaderTexts> {
  const { panelLang, translations } = await deps.store.transaction(async (repos) => {
    const panel = sameTenant(actor, await repos.panels.findById(actor.panelId));
    const all: ContentTranslationRecord[] = [];
    for (const [type, ids] of Object.entries(objects) as [TranslatableType, string[]][]) {
      if (ids.length && actor.language !== panel.defaultLanguage) all.push(...(await repos.translations.listFor(type, ids)));
    }
    // A model's draft reaches readers only once a person confirmed it; staff see it, marked, to check it in place.
    const drafts = can(actor, 'translation.drafts');
    return { panelLang: panel.defaultLanguage, translations: all.filter((t) => t.tenantId === actor.tenantId && t.language === actor.language && (drafts || t.source !== 'llm' || t.confirmedAt)) };
  });
  return {
    get: (objectType, objectId, field, original) =>
      localize(original, panelLang, actor.language, translations.filter((t) => t.objectType === objectType), objectId, field),
  };
}

/** A statement's translation into the reader's language; `draft` only ever reaches staff. */
export interface StatementTranslation {
  theme: string | null;
  text: string;
  lang: Language;
  draft: boolean;
}

/**
 * Translations of statements into the reader's language, by statement id (a statement without a translated
 * text has none). Readers get what a person wrote or confirmed; staff also see a model's drafts, marked.
 */
export async function statementTranslations(deps: CoreDeps, actor: Actor, statementIds: string[]): Promise<Map<string, StatementTranslation>> {
  const drafts = can(actor, 'translation.drafts');
  const rows = statementIds.length
    ? (await deps.store.transaction((repos) => repos.translations.listFor('statement', statementIds))).filter(
        (t) => t.tenantId === actor.tenantId && t.language === actor.language && (drafts || t.source !== 'llm' || t.confirmedAt),
      )
    : [];
  const out = new Map<string, StatementTranslation>();
  for (const row of rows.filter((r) => r.field === 'text')) {
    const theme = rows.find((r) => r.objectId === row.objectId && r.field === 'theme');
    const isDraft = (r: ContentTranslationRecord | undefined) => !!r && r.source === 'llm' && !r.confirmedAt;
    out.set(row.objectId, { theme: theme?.text ?? null, text: row.text, lang: actor.language, draft: isDraft(row) || isDraft(theme) });
  }
  return out;
}
