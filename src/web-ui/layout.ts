import { LANGUAGES, type Actor, type Language } from '../core/index.js';
import { translator } from '../i18n/index.js';
import { html, type Html } from './html.js';

export type T = ReturnType<typeof translator>;

/**
 * Which pages this server offers in a browser. `web`: the local web channel (the picker, every role's pages,
 * and the board pages). `board`: only the board pages, signed in with a link from Slack or Teams.
 */
export type Site = 'web' | 'board';

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
  /** Default `web`. */
  site?: Site;
  /** Query to keep when a visitor without a session switches language on a board-site page (e.g. `t=<token>`). */
  keepQuery?: string;
}

const canPanel = (a: Actor) => a.role === 'facilitator' || a.role === 'admin';
const canBoard = (a: Actor) => a.role !== 'expert';

function nav(t: T, actor: Actor, path: string, site: Site): Html {
  const links: [string, string][] = [];
  if (site === 'web') links.push(['/home', t('web:nav.home')]);
  if (site === 'web' && canPanel(actor)) links.push(['/panel', t('web:nav.panel')]);
  if (canBoard(actor)) links.push(['/board', t('web:nav.board')]);
  if (site === 'web') links.push(['/privacy', t('privacy:page.title')]);
  return html`<nav aria-label="${t('web:nav.label')}"><ul>${links.map(([href, label]) => {
    const here = path === href || path.startsWith(`${href}/`) || path.startsWith(`${href}?`);
    return html`<li><a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a></li>`;
  })}</ul></nav>`;
}

function languageSwitch(t: T, lang: Language, actor: Actor | null, path: string, site: Site, keepQuery: string | undefined): Html {
  if (!actor) {
    // The local channel's anonymous page is the picker; elsewhere (the board site, a sign-in link) the visitor stays here.
    const href = (l: Language) => (site === 'web' && !keepQuery ? `/?lang=${l}` : `?${keepQuery ? `${keepQuery}&` : ''}lang=${l}`);
    return html`<p class="langs">${LANGUAGES.map((l) =>
      l === lang ? html`<strong lang="${l}">${t(`common:language.${l}`)}</strong> ` : html`<a lang="${l}" hreflang="${l}" href="${href(l)}">${t(`common:language.${l}`)}</a> `,
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
  const site = input.site ?? 'web';
  const home = site === 'web' ? (actor ? '/home' : '/') : actor && canBoard(actor) ? '/board' : '/';
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
  <p class="brand"><a href="${home}">${t('common:app')}</a> <span>${t('common:tagline')}</span></p>
  ${actor ? nav(t, actor, input.path, site) : ''}
  ${actor
    ? site === 'web'
      ? html`<p class="who">${t('web:layout.youAre')} <strong>${actor.displayName}</strong> (${t(`common:role.${actor.role}`)}) · <a href="/">${t('web:layout.switch')}</a></p>`
      : html`<form method="post" action="/session/end" class="who">${t('web:layout.youAre')} <strong>${actor.displayName}</strong> (${t(`common:role.${actor.role}`)}) · <button type="submit" class="signout">${t('web:signIn.signOut')}</button></form>`
    : ''}
  ${languageSwitch(t, input.lang, actor, input.path, site, input.keepQuery)}
</header>
<main id="main" tabindex="-1">
<h1>${input.title}</h1>
${input.alert
  ? html`<div class="alert" role="alert" id="alert"><p>${input.alert}</p>${input.alertFor ? html`<p><a href="#${input.alertFor}">${t('web:layout.toForm')}</a></p>` : ''}</div>`
  : ''}
<div role="status" class="${input.status ? 'done' : 'quiet'}">${input.status ? html`<p>${input.status}</p>` : ''}</div>
${input.body}
</main>
<footer><p>${t(site === 'web' ? 'web:layout.footer' : 'web:signIn.footer')}</p></footer>
</body>
</html>`;
}
