import { LANGUAGES, type Actor, type Language } from '../../core/index.js';
import { translator } from '../../i18n/index.js';
import { html, type Html } from './html.js';

export type T = ReturnType<typeof translator>;

export interface LayoutInput {
  lang: Language;
  title: string;
  body: Html;
  actor: Actor | null;
  /** Path (with query) of this page, to come back to after switching language. */
  path: string;
  /** A message for the alert region (errors), shown at the top of the page. */
  alert?: string | null;
  /** Id of the form the alert is about, to offer a link to it. */
  alertFor?: string | null;
  /** A confirmation for the status region (after a successful form). */
  status?: string | null;
}

const canPanel = (a: Actor) => a.role === 'facilitator' || a.role === 'admin';
const canBoard = (a: Actor) => a.role !== 'expert';

function nav(t: T, actor: Actor, path: string): Html {
  const links: [string, string][] = [['/home', t('web:nav.home')]];
  if (canPanel(actor)) links.push(['/panel', t('web:nav.panel')]);
  if (canBoard(actor)) links.push(['/board', t('web:nav.board')]);
  links.push(['/privacy', t('privacy:page.title')]);
  return html`<nav aria-label="${t('web:nav.label')}"><ul>${links.map(([href, label]) => {
    const here = path === href || path.startsWith(`${href}/`) || path.startsWith(`${href}?`);
    return html`<li><a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a></li>`;
  })}</ul></nav>`;
}

function languageSwitch(t: T, lang: Language, actor: Actor | null, path: string): Html {
  if (!actor) {
    return html`<p class="langs">${LANGUAGES.map((l) =>
      l === lang ? html`<strong lang="${l}">${t(`common:language.${l}`)}</strong> ` : html`<a lang="${l}" hreflang="${l}" href="/?lang=${l}">${t(`common:language.${l}`)}</a> `,
    )}</p>`;
  }
  return html`<form method="post" action="/language" class="langs">
    <input type="hidden" name="back" value="${path.replace(/([?&])done=[a-z_]*&?/, '$1').replace(/[?&](#|$)/, '$1')}">
    <span id="lang-label">${t('web:layout.language')}</span>
    ${LANGUAGES.map((l) =>
      html`<button type="submit" name="language" value="${l}" lang="${l}" aria-describedby="lang-label"${l === lang ? html` aria-pressed="true" class="current"` : html` aria-pressed="false"`}>${t(`common:language.${l}`)}</button>`,
    )}
  </form>`;
}

export function layout(input: LayoutInput): Html {
  const t = translator(input.lang);
  const { actor } = input;
  return html`<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${t('common:app')}</title>
<link rel="stylesheet" href="/assets/stemmen.css">
</head>
<body>
<a class="skip" href="#main">${t('web:layout.skip')}</a>
<header class="top">
  <p class="brand"><a href="${actor ? '/home' : '/'}">${t('common:app')}</a> <span>${t('common:tagline')}</span></p>
  ${actor ? nav(t, actor, input.path) : ''}
  ${actor
    ? html`<p class="who">${t('web:layout.youAre')} <strong>${actor.displayName}</strong> (${t(`common:role.${actor.role}`)}) · <a href="/">${t('web:layout.switch')}</a></p>`
    : ''}
  ${languageSwitch(t, input.lang, actor, input.path)}
</header>
<main id="main" tabindex="-1">
<h1>${input.title}</h1>
${input.alert
  ? html`<div class="alert" role="alert" id="alert"><p>${input.alert}</p>${input.alertFor ? html`<p><a href="#${input.alertFor}">${t('web:layout.toForm')}</a></p>` : ''}</div>`
  : ''}
<div role="status" class="${input.status ? 'done' : 'quiet'}">${input.status ? html`<p>${input.status}</p>` : ''}</div>
${input.body}
</main>
<footer><p>${t('web:layout.footer')}</p></footer>
</body>
</html>`;
}
