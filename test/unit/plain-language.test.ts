import { describe, expect, it } from 'vitest';
import { LANGUAGES, privacyNotice } from '../../src/core/index.js';
import { t, translator as teamsT } from '../../src/i18n/index.js';
import { translator } from '../../src/channels/slack/i18n.js';
import { PRIVACY_FULL, privacyFullModal, privacyModal } from '../../src/channels/slack/views/privacy.js';
import { PRIVACY_FULL_ID, privacyCard } from '../../src/channels/teams/cards/privacy.js';

/**
 * Where consent is asked, the text opens with a short version a member who reads with difficulty can follow:
 * at most 120 words, short sentences (12 words on average), everyday words. The full text stays one step away.
 */
const FORBIDDEN = [
  // legal and administrative words
  'schuilnaam', 'pseudoniem', 'pseudonyme', 'pseudonym', 'rijksregisternummer', 'registre national', 'national register',
  'gdpr', 'avg', 'rgpd', 'verwerking', 'verwerkingsverantwoordelijke', 'traitement', 'processing', 'betrokkene',
  'personne concernée', 'data subject', 'artikel', 'article', 'grondslag', 'base légale', 'legal basis', 'bewaartermijn',
  'délai de conservation', 'retention', 'anonimiseren', 'anonymiser', 'anonymise', 'consent record', 'toestemmingsregister',
  // numbers of days nobody counts in
  '730 dagen', '730 jours', '730 days',
];

const words = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/u).filter((s) => words(s).length > 0);

function shortVersions() {
  return LANGUAGES.flatMap((lang) => [
    { lang, what: 'privacy text', text: privacyNotice(lang).short },
    { lang, what: 'consent request', text: t(lang, 'privacy:consentShort') },
  ]);
}

describe('plain language where consent is asked', () => {
  it.each(shortVersions())('the short $what in $lang stays short, in short sentences and everyday words', ({ text }) => {
    const count = words(text).length;
    const average = count / sentences(text).length;
    console.log(`${count} words, ${sentences(text).length} sentences, ${average.toFixed(1)} words a sentence`);
    expect(count).toBeLessThanOrEqual(120);
    expect(average).toBeLessThanOrEqual(12);
    const lower = text.toLocaleLowerCase();
    for (const word of FORBIDDEN) expect(lower, word).not.toContain(word);
    expect(text).not.toMatch(/\{\{/);
  });

  it('opens the privacy step with the short version only, the full text one button away (Slack, Teams)', () => {
    for (const lang of LANGUAGES) {
      const notice = privacyNotice(lang);
      const tr = translator(lang, 'Europe/Brussels');
      const first = JSON.stringify(notice.paragraphs[0]!).slice(1, 40);
      const modal = JSON.stringify(privacyModal(tr, notice).blocks);
      expect(modal).toContain(JSON.stringify(notice.short).slice(1, 40));
      expect(modal).not.toContain(first);
      expect(modal).toContain(`"action_id":"${PRIVACY_FULL}"`);
      expect(modal).toContain(JSON.stringify(t(lang, 'privacy:page.fullText')));
      const full = JSON.stringify(privacyFullModal(tr, notice).blocks);
      for (const p of notice.paragraphs) expect(full).toContain(JSON.stringify(p).slice(1, 40));

      const view = { actor: { memberId: 'm', tenantId: 't', panelId: 'p', role: 'expert' as const, language: lang, displayName: 'An', channel: 'teams' as const }, language: lang, t: teamsT(lang), timeZone: 'Europe/Brussels', boardUrl: '' };
      const status = { state: 'none' as const, version: null, acceptedAt: null, currentVersion: notice.version, grantId: null };
      const card = privacyCard(view, notice, status);
      const hidden = card.body.find((e) => e.id === PRIVACY_FULL_ID)!;
      expect(hidden.isVisible).toBe(false);
      expect(JSON.stringify(hidden)).toContain(first);
      const shown = JSON.stringify(card.body.filter((e) => e !== hidden));
      expect(shown).toContain(JSON.stringify(notice.short).slice(1, 40));
      expect(shown).not.toContain(first);
      expect(shown).toContain(JSON.stringify({ type: 'Action.ToggleVisibility', title: t(lang, 'privacy:page.fullText'), targetElements: [PRIVACY_FULL_ID] }));
    }
  });
});
