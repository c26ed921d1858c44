// The expert's page shows the summaries they are part of with the statements in their language where a
// person wrote or confirmed a translation (marked, with its language), and never a model's unconfirmed draft.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { translateContent } from '../../src/core/index.js';
import { t } from '../../src/i18n/index.js';
import { startApp } from '../e2e/helpers.js';
import { seedBrief, BRIEF_TEXT } from '../support/brief-fixture.js';
import { makePanel, type TestPanel } from '../support/harness.js';

let app: App;
let base: string;
let dir: string;
let p: TestPanel;
let seeded: Awaited<ReturnType<typeof seedBrief>>;

async function homeOf(name: string): Promise<string> {
  const member = p.member(name);
  const res = await fetch(`${base}/session`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ tenant: member.tenantId, member: member.id }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (await (await fetch(`${base}/home`, { headers: { cookie } })).text()).replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

beforeAll(async () => {
  ({ app, base, dir } = await startApp({ STEMMEN_DEMO: '0' }));
  p = await makePanel(app.deps, { experts: 4 }); // e2 reads French
  seeded = await seedBrief(app.deps, p);
});
afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('statements in the reader’s language on the expert’s page', () => {
  it('shows a confirmed translation under the original, and leaves a draft out', async () => {
    const fac = p.actor('fac');
    const [first, second] = [...seeded.published.statements].sort((a, b) => a.position - b.position);
    await translateContent(app.deps, fac, [{ objectType: 'statement', objectId: first!.id, versionId: seeded.published.id, field: 'text', language: 'fr', text: 'Le transport vers les soins est un obstacle.' }]);
    // A model's draft of the other statement, not confirmed by anyone.
    await app.deps.store.transaction((repos) =>
      repos.translations.upsert({ tenantId: fac.tenantId, objectType: 'statement', objectId: second!.id, field: 'text', language: 'fr', text: 'BROUILLON du modèle', source: 'llm', confirmedAt: null, createdById: fac.memberId }),
    );

    const french = await homeOf('e2');
    expect(french).toContain(`<p lang="nl">${BRIEF_TEXT.statementNl}</p>`);
    expect(french).toContain(`<p class="translation"><span class="label">${t('fr', 'translate:translated')}:</span> <span lang="fr">Le transport vers les soins est un obstacle.</span></p>`);
    expect(french).not.toContain('BROUILLON');
    // The Dutch reader reads the original only.
    const dutch = await homeOf('e1');
    expect(dutch).toContain(BRIEF_TEXT.statementNl);
    expect(dutch).not.toContain('Le transport vers les soins');
  });
});
