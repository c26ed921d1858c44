/** The one stylesheet: big readable type, strong contrast, visible focus, no framework. */
export const STYLESHEET = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --paper: #ffffff; --soft: #f3f1ec; --line: #8a8a8a;
  --accent: #0b5a7a; --accent-ink: #ffffff; --ok: #1d6b2f; --ok-bg: #e6f4e9; --bad: #a1121d; --bad-bg: #fdecee;
  --mine: #fff3b0; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-size: 125%; }
body { margin: 0; color: var(--ink); background: var(--paper); font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.6; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 3px; }
:focus-visible { outline: 4px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 6px var(--ink); }
.skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; }
.skip:focus { left: 0; z-index: 10; }
header.top { background: var(--accent); color: var(--accent-ink); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
header.top a { color: var(--accent-ink); }
header.top .brand { margin: 0; font-weight: 700; font-size: 1.2rem; }
header.top .brand span { font-weight: 400; font-size: .8rem; margin-left: .5rem; }
header.top nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header.top nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
header.top .who { margin: 0; }
header.top .who button { background: transparent; color: var(--accent-ink); border: 2px solid var(--accent-ink); padding: .15rem .6rem; font-size: .8rem; min-height: 0; margin: 0; }
.langs { margin: 0; display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
.langs button { background: transparent; color: var(--accent-ink); border: 2px solid var(--accent-ink); padding: .15rem .6rem; font-size: .8rem; min-height: 0; }
.langs button.current { background: var(--accent-ink); color: var(--accent); font-weight: 700; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main.wide, body.wide main { max-width: 64rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-top: .5rem; border-top: 3px solid var(--soft); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
section.card, article.card { background: var(--soft); border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
.card > :first-child { margin-top: .25rem; }
.alert a { color: var(--bad); }
.lead { font-size: 1.05rem; }
.muted, .hint { color: var(--muted); font-size: .9rem; }
.draft-mark { margin: .25rem 0; font-size: .9rem; font-weight: 600; color: #7a4a00; }
.alert { border: 3px solid var(--bad); background: var(--bad-bg); color: var(--bad); padding: .5rem 1rem; border-radius: .4rem; font-weight: 600; margin: 1rem 0; }
.alert p, .done p { margin: .25rem 0; }
.done { border: 3px solid var(--ok); background: var(--ok-bg); color: var(--ok); padding: .5rem 1rem; border-radius: .4rem; font-weight: 600; margin: 1rem 0; }
.quiet { display: contents; }
form { margin: .5rem 0; }
label, legend { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
fieldset { border: 2px solid var(--line); border-radius: .4rem; padding: .25rem 1rem .75rem; margin: .75rem 0; }
fieldset label, label.choice { font-weight: 400; display: flex; gap: .6rem; align-items: center; margin: .35rem 0; }
input[type=text], input[type=number], input[type=date], input[type=datetime-local], textarea, select {
  font: inherit; width: 100%; padding: .45rem .6rem; border: 2px solid var(--ink); border-radius: .3rem; background: #fff; color: var(--ink); }
input[type=number] { max-width: 8rem; }
textarea { min-height: 6rem; }
input[type=radio], input[type=checkbox] { width: 1.4rem; height: 1.4rem; accent-color: var(--accent); flex: none; }
button, .button { font: inherit; font-weight: 600; background: var(--accent); color: var(--accent-ink); border: 2px solid var(--accent); border-radius: .4rem;
  padding: .45rem 1.1rem; min-height: 2.75rem; cursor: pointer; text-decoration: none; display: inline-block; margin: .25rem .5rem .25rem 0; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: #fff; color: var(--bad); border-color: var(--bad); }
summary { cursor: pointer; font-weight: 600; color: var(--accent); padding: .4rem 0; }
details[open] > summary { margin-bottom: .25rem; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem; margin-top: .75rem; }
.inline { display: inline; }
blockquote { margin: .5rem 0; padding: .4rem .8rem; border-left: 5px solid var(--line); background: #fff; }
blockquote.mine { border-left-color: var(--accent); background: var(--mine); }
blockquote footer { font-size: .9rem; color: var(--muted); margin-top: .25rem; }
blockquote p { margin: .25rem 0; }
.translation { display: block; margin: .25rem 0; }
.translation .label { color: var(--muted); font-size: .9rem; }
.tag { display: inline-block; border: 2px solid var(--ink); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; margin: .1rem .2rem .1rem 0; background: #fff; }
.status-done { border-color: var(--ok); color: var(--ok); }
.status-dropped { border-color: var(--bad); color: var(--bad); }
ul.plain { list-style: none; padding: 0; }
ul.members { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem; }
ul.members button { width: 100%; text-align: left; background: #fff; color: var(--ink); border-color: var(--ink); }
ul.members button span { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.5rem; border-left: 4px solid var(--line); }
ul.tree { padding-left: 0; border-left: 0; }
ul.tree li { margin: .75rem 0; }
.item { background: var(--soft); border: 2px solid var(--line); border-radius: .4rem; padding: .5rem .8rem; }
.item p { margin: .3rem 0; }
.item .title { font-weight: 700; }
progress { width: 12rem; height: 1.1rem; vertical-align: middle; accent-color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.bar { display: inline-block; height: .9rem; background: var(--accent); vertical-align: middle; min-width: 2px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
body > footer { max-width: 48rem; margin: 2rem auto; padding: 1rem; color: var(--muted); font-size: .85rem; border-top: 2px solid var(--soft); }
section.notice { border: 3px solid var(--accent); background: var(--paper); }
section.guard { border: 3px solid var(--bad); background: var(--bad-bg); }
section.guard mark { background: var(--mine); color: var(--ink); padding: 0 .2rem; }
/* Board brief, charts and narrow screens (375 px): nothing may push the page wider than the screen. */
main { overflow-wrap: break-word; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table caption { text-align: left; font-weight: 600; padding: .25rem 0; }
figure.chart-pair { margin: .75rem 0; display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1rem; align-items: start; }
figure.chart-pair svg.chart { width: 100%; height: auto; display: block; background: #fff; }
/* A table of four columns or more does not fit in three fifths of the page (its longest words and dates
   would be cut off at 1280 px, the last column first): its chart goes above it and it takes the full width. */
figure.chart-pair:has(thead th:nth-child(4)) { grid-template-columns: minmax(0, 1fr); }
figure.chart-pair:has(thead th:nth-child(4)) .chart-box { max-width: 36rem; }
.dates { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.dates > div { flex: 1 1 10rem; }
nav.exports p { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem; }
.overdue { color: var(--bad); font-weight: 700; }
.item.late { border-color: var(--bad); }
.item.context { opacity: .75; border-style: dashed; }
@media (max-width: 40rem) {
  html { font-size: 112.5%; }
  figure.chart-pair { grid-template-columns: minmax(0, 1fr); }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: .4rem; }
  ul.tree ul { padding-left: .6rem; }
  th, td { padding: .25rem .3rem; }
  td progress { width: 4.5rem; }
  header.top nav ul { flex-wrap: wrap; }
}
/* The present view: big type for the projector, the QR code beside the results on a wide screen. */
.present { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
@media (min-width: 60rem) { .present { grid-template-columns: minmax(0, 3fr) minmax(0, 1fr); } }
#live { font-size: 1.3rem; }
#live.stale { opacity: .6; }
#live .agenda-now { font-size: 1.6rem; font-weight: 700; margin: .25rem 0 1rem; }
table.results td.count { font-weight: 700; font-size: 1.2em; }
.vote-here svg.qr { width: 100%; max-width: 16rem; height: auto; display: block; background: #fff; }
.short-link { word-break: break-all; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
`;
