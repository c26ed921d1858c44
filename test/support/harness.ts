import { afterAll, beforeAll } from 'vitest';
import { actorOf, newPseudonym } from '../../src/core/use-cases/members.js';
import { createPanel, type CreatedPanel } from '../../src/core/seed-demo.js';
import type { CoreDeps } from '../../src/core/context.js';
import type { Actor, Language, MemberRecord, Role } from '../../src/core/types.js';
import { openDatabase } from '../../src/store/client.js';
import { createPrismaStore } from '../../src/store/prisma-store.js';
import { OfflineSynthesizer } from '../../src/synthesis/offline.js';
import { participationRecord, privacyNotice } from '../../src/core/privacy/notice.js';

export interface Harness {
  deps: CoreDeps;
  close(): Promise<void>;
}

/** Real storage (migrated) on the given database URL, with the offline synthesis. */
export async function openHarness(url: string, overrides: Partial<CoreDeps> = {}): Promise<Harness> {
  const db = await openDatabase(url);
  const store = createPrismaStore(db);
  return {
    deps: {
      store,
      clock: { now: () => new Date() },
      secret: 'test-secret-that-is-long-enough-0123456789',
      synthesizer: new OfflineSynthesizer(),
      ...overrides,
    },
    close: () => store.close(),
  };
}

export interface TestPanel extends CreatedPanel {
  actor(name: string): Actor;
  member(name: string): MemberRecord;
}

/** `participation: false` leaves the privacy notice unanswered (by default every member accepted it). */
export interface PanelOptions {
  experts?: number;
  languages?: Language[];
  slug?: string;
  participation?: boolean;
}

let counter = 0;

/** A tenant with a panel: experts e1..eN, facilitator "fac", board "board", admin "admin". */
/** Members per seeding transaction. */
export const SEED_BATCH = 200;

export async function makePanel(deps: CoreDeps, opts: PanelOptions = {}): Promise<TestPanel> {
  const experts = opts.experts ?? 4;
  const languages = opts.languages ?? ['nl', 'fr', 'en'];
  const members: { displayName: string; role: Role; language: Language; domainKeys?: string[] }[] = [];
  const domainKeys = ['informal_care', 'chronic_illness', 'poverty', 'addiction'];
  for (let i = 1; i <= experts; i += 1) {
    members.push({ displayName: `e${i}`, role: 'expert', language: languages[(i - 1) % languages.length]!, domainKeys: [domainKeys[(i - 1) % 4]!] });
  }
  members.push({ displayName: 'fac', role: 'facilitator', language: 'nl' });
  members.push({ displayName: 'board', role: 'board', language: 'nl' });
  members.push({ displayName: 'admin', role: 'admin', language: 'en' });
  counter += 1;
  type Repos = Parameters<Parameters<CoreDeps['store']['transaction']>[0]>[0];
  const consent = async (repos: Repos, created: MemberRecord[]) => {
    if (opts.participation === false) return;
    for (const member of created) {
      const notice = privacyNotice(member.language);
      await repos.consent.appendRecord(participationRecord(member, notice, 'granted', 'web'));
    }
  };
  // Large zones are seeded in batches: one transaction per SEED_BATCH members, so none runs into the
  // transaction timeout on a busy machine.
  const created = await deps.store.transaction(async (repos) => {
    const panel = await createPanel(repos, {
      tenantSlug: opts.slug ?? `zone-${process.pid}-${counter}-${Date.now()}`,
      tenantName: 'Test zone',
      panelName: 'Test panel',
      defaultLanguage: 'nl',
      members: members.slice(0, SEED_BATCH),
    });
    await consent(repos, panel.members);
    return panel;
  });
  for (let i = SEED_BATCH; i < members.length; i += SEED_BATCH) {
    const batch = members.slice(i, i + SEED_BATCH);
    created.members.push(
      ...(await deps.store.transaction(async (repos) => {
        const domains = await repos.panels.listDomains(created.panel.id);
        const made: MemberRecord[] = [];
        for (const spec of batch) {
          const member = await repos.members.create({
            tenantId: created.tenant.id,
            panelId: created.panel.id,
            displayName: spec.displayName,
            role: spec.role,
            language: spec.language,
            pseudonym: newPseudonym(),
            domainIds: (spec.domainKeys ?? []).map((key) => domains.find((d) => d.key === key)!.id),
          });
          await repos.members.addIdentity({ tenantId: created.tenant.id, memberId: member.id, channel: 'web', externalId: member.id });
          made.push(member);
        }
        await consent(repos, made);
        return made;
      })),
    );
  }
  const member = (name: string) => {
    const found = created.members.find((m) => m.displayName === name);
    if (!found) throw new Error(`no member ${name}`);
    return found;
  };
  return { ...created, member, actor: (name: string) => actorOf(member(name), 'web') };
}

export interface PanelSetup {
  /** The database's URL. */
  url: string;
  h: Harness;
  p: TestPanel;
}

/**
 * For a describe block: before its tests, a harness on a fresh database from `makeUrl` (with `overrides`)
 * and a panel on it; after them, the harness closed. The returned object is filled in by the time tests run.
 */
export function usePanelHarness(makeUrl: () => Promise<string>, panel: PanelOptions = {}, overrides: Partial<CoreDeps> = {}): PanelSetup {
  const setup = {} as PanelSetup;
  beforeAll(async () => {
    setup.url = await makeUrl();
    setup.h = await openHarness(setup.url, overrides);
    setup.p = await makePanel(setup.h.deps, panel);
  });
  afterAll(async () => setup.h?.close());
  return setup;
}
