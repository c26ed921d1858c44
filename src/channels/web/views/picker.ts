import { ROLES, type Actor, type Language, type MemberRecord } from '../../../core/index.js';
import { translator } from '../../../i18n/index.js';
import { html, type Html } from '../../../web-ui/html.js';

/** The local picker: choose who you are (no password; this channel is for use on this computer only). */
export function pickerBody(lang: Language, tenants: { tenantId: string; tenantName: string; members: MemberRecord[] }[], current: Actor | null): Html {
  const t = translator(lang);
  return html`
  <p class="lead">${t('web:picker.intro')}</p>
  <p class="hint">${t('web:picker.local')}</p>
  ${current ? html`<p class="done">${t('web:picker.current', { name: current.displayName })} <a href="/home">${t('web:picker.continue')}</a></p>` : ''}
  ${tenants.length === 0 ? html`<p class="alert">${t('web:picker.empty')}</p>` : ''}
  ${tenants.map((tenant) => html`<section aria-labelledby="tenant-${tenant.tenantId}">
    <h2 id="tenant-${tenant.tenantId}">${tenant.tenantName}</h2>
    <form method="post" action="/session">
      <input type="hidden" name="tenant" value="${tenant.tenantId}">
      ${ROLES.map((role) => {
        const members = tenant.members.filter((m) => m.role === role);
        if (members.length === 0) return '';
        return html`<h3>${t(`web:picker.group.${role}`)}</h3>
          <ul class="members">${members.map((m) => html`<li><button type="submit" name="member" value="${m.id}">${m.displayName}
            <span>${t(`common:role.${m.role}`)} · <span lang="${m.language}">${t(`common:language.${m.language}`)}</span></span></button></li>`)}</ul>`;
      })}
    </form>
  </section>`)}`;
}
