import type { CoreDeps } from './context.js';
import type { Repositories } from './ports.js';
import type { DomainRecord, Language, MemberRecord, PanelRecord, Role, TenantRecord } from './types.js';
import { newPseudonym } from './use-cases/members.js';

export const DEFAULT_DOMAINS: { key: string; labels: Record<Language, string> }[] = [
  { key: 'informal_care', labels: { nl: 'Mantelzorg', fr: 'Aidance proche', en: 'Informal care' } },
  { key: 'chronic_illness', labels: { nl: 'Chronische ziekte', fr: 'Maladie chronique', en: 'Chronic illness' } },
  { key: 'poverty', labels: { nl: 'Armoede', fr: 'Pauvreté', en: 'Poverty' } },
  { key: 'addiction', labels: { nl: 'Verslaving', fr: 'Assuétude', en: 'Addiction' } },
  { key: 'psychic_vulnerability', labels: { nl: 'Psychische kwetsbaarheid', fr: 'Vulnérabilité psychique', en: 'Psychic vulnerability' } },
  { key: 'elderly_care', labels: { nl: 'Ouderenzorg', fr: 'Soins aux personnes âgées', en: 'Elderly care' } },
  { key: 'disability', labels: { nl: 'Beperking', fr: 'Handicap', en: 'Disability' } },
];

export interface PanelSpec {
  tenantSlug: string;
  tenantName: string;
  panelName: string;
  defaultLanguage: Language;
  members: { displayName: string; role: Role; language: Language; domainKeys?: string[] }[];
}

export interface CreatedPanel {
  tenant: TenantRecord;
  panel: PanelRecord;
  members: MemberRecord[];
}

/** Creates a tenant, its panel with the default domains, and members each with a web identity. */
export async function createPanel(repos: Repositories, spec: PanelSpec): Promise<CreatedPanel> {
  const tenant = await repos.tenants.create({ slug: spec.tenantSlug, name: spec.tenantName });
  const panel = await repos.panels.create({ tenantId: tenant.id, name: spec.panelName, defaultLanguage: spec.defaultLanguage });
  const domains: DomainRecord[] = [];
  for (const [position, domain] of DEFAULT_DOMAINS.entries()) {
    domains.push(await repos.panels.createDomain({ tenantId: tenant.id, panelId: panel.id, key: domain.key, labels: domain.labels, position }));
  }
  const members: MemberRecord[] = [];
  for (const spec_ of spec.members) {
    const member = await repos.members.create({
      tenantId: tenant.id,
      panelId: panel.id,
      displayName: spec_.displayName,
      role: spec_.role,
      language: spec_.language,
      pseudonym: newPseudonym(),
      domainIds: (spec_.domainKeys ?? []).map((key) => domains.find((d) => d.key === key)!.id),
    });
    await repos.members.addIdentity({ tenantId: tenant.id, memberId: member.id, channel: 'web', externalId: member.id });
    members.push(member);
  }
  await repos.audit.append({ tenantId: tenant.id, actorId: null, action: 'panel.created', objectType: 'panel', objectId: panel.id, details: { members: members.length } });
  return { tenant, panel, members };
}

const DEMO_EXPERTS: [string, Language, string[]][] = [
  ['An', 'nl', ['informal_care']],
  ['Bart', 'nl', ['chronic_illness']],
  ['Chantal', 'fr', ['poverty']],
  ['Dirk', 'nl', ['addiction']],
  ['Els', 'nl', ['psychic_vulnerability']],
  ['Fatima', 'fr', ['informal_care', 'poverty']],
  ['Georges', 'fr', ['elderly_care']],
  ['Hilde', 'nl', ['disability']],
  ['Ibrahim', 'en', ['chronic_illness', 'poverty']],
  ['Josée', 'fr', ['disability']],
  ['Karim', 'nl', ['addiction', 'psychic_vulnerability']],
  ['Lieve', 'nl', ['elderly_care', 'informal_care']],
  ['Marie', 'fr', ['chronic_illness']],
  ['Nora', 'en', ['psychic_vulnerability']],
  ['Omer', 'nl', ['poverty']],
];

/** Seeds a demo panel on an empty database so that a newcomer can try the whole cycle at once. */
export async function seedDemoPanel(deps: CoreDeps): Promise<CreatedPanel | null> {
  return deps.store.transaction(async (repos) => {
    if ((await repos.tenants.list()).length > 0) return null;
    const created = await createPanel(repos, {
      tenantSlug: 'demo',
      tenantName: 'Eerstelijnszone Demo',
      panelName: 'Panel ervaringsdeskundigen',
      defaultLanguage: 'nl',
      members: [
        ...DEMO_EXPERTS.map(([displayName, language, domainKeys]) => ({ displayName, role: 'expert' as const, language, domainKeys })),
        { displayName: 'Sofie (facilitator)', role: 'facilitator', language: 'nl' },
        { displayName: 'Julien (facilitateur)', role: 'facilitator', language: 'fr' },
        { displayName: 'Peter (bestuur)', role: 'board', language: 'nl' },
        { displayName: 'Anne (conseil)', role: 'board', language: 'fr' },
        { displayName: 'Admin', role: 'admin', language: 'en' },
      ],
    });
    const pillars = [
      'Populatiegericht denken, prioriteren en evalueren',
      'Zorgzame buurten',
      'Slimme acties in co-creatie',
    ];
    for (const [position, title] of pillars.entries()) {
      await repos.backlog.create({
        tenantId: created.tenant.id,
        panelId: created.panel.id,
        level: 'pillar',
        parentId: null,
        title,
        description: '',
        status: 'planned',
        owner: '',
        dueDate: null,
        progress: 0,
        position,
      });
    }
    return created;
  });
}
