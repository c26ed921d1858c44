import { can, canDraftTranslations, contentTranslations, listSummaries, type DraftSubject, listBacklog, listIdeaRounds, listPolls, panelOverview, type ContentTranslationRecord, type Language, LANGUAGES, type TranslatableType } from '../../core/index.js';
import { html, type Html } from '../../web-ui/html.js';
import type { Ctx, FormState, Page } from '../../web-ui/pages.js';
import { formAlert } from '../../web-ui/util.js';
import { requireReader } from '../access.js';

interface Field {
  objectType: TranslatableType;
  objectId: string;
  field: string;
  label: string;
  original: string;
  long?: boolean;
}

/** The object a form translates, and whether a language model can draft its missing translations. */
interface Subject {
  objectType: DraftSubject;
  objectId: string;
  drafting: boolean;
}

/**
 * One form per object: each field in the original, with an input per other language. A model's draft is
 * marked next to its input; "save" leaves an unchanged draft a draft, "confirm" makes the drafts readable.
 */
function objectForm(ctx: Ctx, state: FormState | null, formId: string, subject: Subject, fields: Field[], others: Language[], translations: ContentTranslationRecord[], panelLang: Language, parent?: { name: 'pollId' | 'versionId'; id: string }): Html {
  const { t } = ctx;
  const found = (f: Field, lang: Language) => translations.find((x) => x.objectType === f.objectType && x.objectId === f.objectId && x.field === f.field && x.language === lang);
  const isDraft = (f: Field, lang: Language) => {
    const x = found(f, lang);
    return !!x && x.source === 'llm' && !x.confirmedAt;
  };
  const drafts = fields.some((f) => others.some((lang) => isDraft(f, lang)));
  return html`<form method="post" action="/board/translations" class="card" id="${formId}">${formAlert(state, formId)}
    <input type="hidden" name="formId" value="${formId}">${parent ? html`<input type="hidden" name="${parent.name}" value="${parent.id}">` : ''}
    <input type="hidden" name="objectType" value="${subject.objectType}"><input type="hidden" name="objectId" value="${subject.objectId}">
    ${fields.map((f, i) => html`<fieldset><legend>${f.label}: <span lang="${panelLang}">${f.original}</span></legend>
      ${others.map((lang) => {
        const name = `t.${f.objectType}.${f.objectId}.${f.field}.${lang}`;
        const fid = `${formId}-${i}-${lang}`;
        const draft = isDraft(f, lang);
        const describedBy = draft ? html` aria-describedby="${fid}-draft"` : html``;
        const value = found(f, lang)?.text ?? '';
        return html`<label for="${fid}">${t('translate:into', { language: t(`common:language.${lang}`) })}</label>
          ${draft ? html`<p class="draft-mark" id="${fid}-draft">${t('translate:draftMark')}</p>` : ''}
          ${f.long ? html`<textarea id="${fid}" name="${name}" lang="${lang}"${describedBy}>${value}</textarea>` : html`<input type="text" id="${fid}" name="${name}" lang="${lang}" value="${value}"${describedBy}>`}`;
      })}</fieldset>`)}
    ${drafts ? html`<p class="hint">${t('translate:saveHint')}</p>` : ''}
    <div class="actions"><button type="submit">${t('translate:save')}</button>
      ${drafts ? html`<button type="submit" name="confirm" value="1">${t('translate:confirm')}</button>` : ''}
      ${subject.drafting ? html`<button type="submit" class="secondary" formaction="/board/translations/draft">${t('translate:askDrafts')}</button>` : ''}</div></form>`;
}

/** The statements of each summary handed to the board, in the language the summary was written in. */
async function summariesSection(ctx: Ctx, state: FormState | null, subject: (type: DraftSubject, id: string) => Subject): Promise<Html> {
  const { t } = ctx;
  const published = (await listSummaries(ctx.deps, ctx.actor)).flatMap((o) => (o.published ? [{ title: o.summary.title, version: o.published }] : []));
  const str = await contentTranslations(ctx.deps, ctx.actor, 'statement', published.flatMap((p) => p.version.statements.map((s) => s.id)));
  return html`<h2>${t('translate:summaries')}</h2>${published.length ? '' : html`<p>${t('translate:empty')}</p>`}
    ${published.map(({ title, version }) => {
      const statements = [...version.statements].sort((a, b) => a.position - b.position);
      const others = LANGUAGES.filter((l) => l !== version.language);
      return html`<h3 lang="${version.language}">${title}</h3>${objectForm(ctx, state, `tr-summary-${version.id}`, subject('summary_version', version.id), statements.flatMap((s, i) => [
        { objectType: 'statement' as const, objectId: s.id, field: 'theme', label: t('translate:statementTheme', { number: i + 1 }), original: s.theme },
        { objectType: 'statement' as const, objectId: s.id, field: 'text', label: t('translate:statement', { number: i + 1 }), original: s.text, long: true },
      ]), others, str, version.language, { name: 'versionId', id: version.id })}`;
    })}`;
}

/** Translations of polls and questions (facilitators) and of the action plan (board members). */
export async function translationsPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireReader(ctx.actor);
  const { t } = ctx;
  const { panel } = await panelOverview(ctx.deps, ctx.actor);
  const others = LANGUAGES.filter((l) => l !== panel.defaultLanguage);
  const drafting = canDraftTranslations(ctx.deps);
  const subject = (objectType: DraftSubject, objectId: string): Subject => ({ objectType, objectId, drafting });
  const sections: Html[] = [];
  if (can(ctx.actor, 'poll.create')) {
    const polls = await listPolls(ctx.deps, ctx.actor);
    const tr = [...(await contentTranslations(ctx.deps, ctx.actor, 'poll', polls.map((p) => p.id))), ...(await contentTranslations(ctx.deps, ctx.actor, 'poll_option', polls.flatMap((p) => p.options.map((o) => o.id))))];
    sections.push(html`<h2>${t('translate:polls')}</h2>${polls.length ? '' : html`<p>${t('translate:empty')}</p>`}
      ${polls.map((p) => objectForm(ctx, state, `tr-poll-${p.id}`, subject('poll', p.id), [
        { objectType: 'poll', objectId: p.id, field: 'question', label: t('meeting:poll'), original: p.question },
        ...p.options.map((o) => ({ objectType: 'poll_option' as const, objectId: o.id, field: 'label', label: t('translate:option'), original: o.label })),
      ], others, tr, panel.defaultLanguage, { name: 'pollId', id: p.id }))}`);
    const rounds = await listIdeaRounds(ctx.deps, ctx.actor);
    const rtr = await contentTranslations(ctx.deps, ctx.actor, 'round', rounds.map((r) => r.id));
    sections.push(html`<h2>${t('translate:rounds')}</h2>${rounds.length ? '' : html`<p>${t('translate:empty')}</p>`}
      ${rounds.map((r) => objectForm(ctx, state, `tr-round-${r.id}`, subject('round', r.id), [
        { objectType: 'round', objectId: r.id, field: 'question', label: t('meeting:round'), original: r.question },
        ...(r.description ? [{ objectType: 'round' as const, objectId: r.id, field: 'description', label: t('board:field.description'), original: r.description, long: true }] : []),
      ], others, rtr, panel.defaultLanguage))}`);
  }
  if (can(ctx.actor, 'summary.edit')) sections.push(await summariesSection(ctx, state, subject));
  if (can(ctx.actor, 'backlog.update')) {
    const items = await listBacklog(ctx.deps, ctx.actor);
    const itr = await contentTranslations(ctx.deps, ctx.actor, 'backlog_item', items.map((i) => i.id));
    sections.push(html`<h2>${t('translate:items')}</h2>${items.length ? '' : html`<p>${t('translate:empty')}</p>`}
      ${items.map((i) => objectForm(ctx, state, `tr-item-${i.id}`, subject('backlog_item', i.id), [
        { objectType: 'backlog_item', objectId: i.id, field: 'title', label: t(`common:backlogLevel.${i.level}`), original: i.title },
        ...(i.boardResponse ? [{ objectType: 'backlog_item' as const, objectId: i.id, field: 'boardResponse', label: t('board:field.response'), original: i.boardResponse, long: true }] : []),
      ], others, itr, panel.defaultLanguage))}`);
  }
  return { title: t('translate:title'), body: html`<p>${t('translate:intro', { language: t(`common:language.${panel.defaultLanguage}`) })}</p>
    <p class="muted" id="drafting-note">${drafting ? t('translate:drafting') : t('translate:draftingUnavailable')}</p>${sections}` };
}
