import { getSummaryVersion, type EditedStatement, type SummaryVersionRecord } from '../../../core/index.js';
import { checkedIf, html } from '../../../web-ui/html.js';
import { id, MalformedRequest, type Form } from '../../../web-ui/form.js';
import type { Ctx, FormState, Page } from '../../../web-ui/pages.js';
import { requireFacilitator } from './panel.js';
import { formAlert, val, vals } from '../../../web-ui/util.js';
import { translationLine } from '../../../web-ui/fragments/statements.js';

const FORM = 'edit-version';

/** Edit a version: theme and text per statement, keep or drop each statement and each quote. */
export async function versionEditPage(ctx: Ctx, state: FormState | null): Promise<Page> {
  requireFacilitator(ctx.actor);
  const version = await getSummaryVersion(ctx.deps, ctx.actor, id(ctx.params.id));
  const { t } = ctx;
  const keptStatements = vals(state, FORM, 'statement', version.statements.map((_, i) => String(i)));
  const body = html`<p>${t('web:edit.intro')}</p>
    ${formAlert(state, FORM)}
    <form method="post" action="/panel/versions/${version.id}">
    ${version.statements.map((s, i) => {
      const kept = vals(state, FORM, `keep.${i}`, s.citations.map((_, j) => String(j)));
      return html`<fieldset><legend>${t('web:summary.statement', { number: i + 1 })}</legend>
        <label class="choice" for="st-${i}"><input type="checkbox" id="st-${i}" name="statement" value="${i}"${checkedIf(keptStatements.includes(String(i)))}> ${t('web:edit.keepStatement')}</label>
        <label for="theme-${i}">${t('web:edit.theme')}</label>
        <input type="text" id="theme-${i}" name="theme.${i}" value="${val(state, FORM, `theme.${i}`, s.theme)}">
        <label for="text-${i}">${t('web:edit.text')}</label>
        <textarea id="text-${i}" name="text.${i}">${val(state, FORM, `text.${i}`, s.text)}</textarea>
        <p><strong>${t('web:edit.quotes')}</strong></p>
        ${s.citations.map((c, j) => html`<label class="choice" for="q-${i}-${j}"><input type="checkbox" id="q-${i}-${j}" name="keep.${i}" value="${j}"${checkedIf(kept.includes(String(j)))}>
          <span>“${c.quote}” <span class="hint">(${c.attributedName ?? t('web:summary.anonymous')})</span>${translationLine(ctx, c.translation)}</span></label>`)}
      </fieldset>`;
    })}
    <p class="hint">${t('web:edit.hint')}</p>
    <div class="actions"><button type="submit">${t('web:edit.save')}</button> <a href="/panel/versions/${version.id}">${t('web:common.cancel')}</a></div>
    </form>`;
  return { title: t('web:edit.title', { number: version.number }), body };
}

function index(value: string, size: number): number {
  const n = Number(value);
  if (!/^\d{1,3}$/.test(value) || n >= size) throw new MalformedRequest('bad index');
  return n;
}

/** The edited statements, taking quotes from the stored version (the form only says which to keep). */
export function editedStatements(version: SummaryVersionRecord, form: Form): EditedStatement[] {
  const keep = new Set(form.all('statement').map((v) => index(v, version.statements.length)));
  return version.statements
    .filter((_, i) => keep.has(i))
    .map((s) => {
      const i = version.statements.indexOf(s);
      const quotes = new Set(form.all(`keep.${i}`).map((v) => index(v, s.citations.length)));
      return {
        statementId: s.id,
        theme: form.str(`theme.${i}`) ?? s.theme,
        text: form.str(`text.${i}`) ?? s.text,
        citations: s.citations.filter((_, j) => quotes.has(j)).map((c) => ({ contributionId: c.contributionId, quote: c.quote })),
      };
    });
}

export { FORM as EDIT_VERSION_FORM };
