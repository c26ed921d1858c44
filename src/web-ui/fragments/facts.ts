// The numbers behind a summary, computed by code, for the facilitator's and the board's pages.
import type { SummaryFacts } from '../../core/index.js';
import { html, type Html } from '../html.js';
import type { Ctx } from '../pages.js';

/** Numbers computed by code: contributors per theme, domains of experience represented and missing. */
export function factsBlock(ctx: Ctx, facts: SummaryFacts, labels: Map<string, string>): Html {
  const { t } = ctx;
  const names = (keys: string[]) => (keys.length ? keys.map((k) => labels.get(k) ?? k).join(', ') : t('web:summary.none'));
  return html`<dl class="facts">
    <dt>${t('web:summary.factContributions')}</dt><dd>${facts.contributions}</dd>
    <dt>${t('web:summary.factContributors')}</dt><dd>${facts.contributors}</dd>
    ${facts.themes.map((th) => html`<dt>${th.theme || t('web:summary.noTheme')}</dt><dd>${t('web:summary.themeContributors', { count: th.contributors })}</dd>`)}
    <dt>${t('web:summary.represented')}</dt><dd>${names(facts.domainsRepresented)}</dd>
    <dt>${t('web:summary.missing')}</dt><dd>${names(facts.domainsMissing)}</dd>
  </dl>`;
}
