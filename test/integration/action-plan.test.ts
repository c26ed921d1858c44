import { describe, expect, it } from 'vitest';
import { actionPlan, backlogItemHistory, createBacklogItem, memberHome, updateBacklogItem, type PlanNode } from '../../src/core/index.js';
import { testDatabases } from '../setup/databases.js';
import { seedBrief } from '../support/brief-fixture.js';
import { usePanelHarness } from '../support/harness.js';
import { notificationView } from '../../src/channels/notification.js';
import { t } from '../../src/i18n/index.js';

const find = (nodes: PlanNode[], id: string): PlanNode | undefined => {
  for (const n of nodes) {
    if (n.item.id === id) return n;
    const below = find(n.children, id);
    if (below) return below;
  }
  return undefined;
};

describe.each(testDatabases())('the action plan that adds up, on $name', ({ makeUrl }) => {
  const s = usePanelHarness(makeUrl, { experts: 4 });

  it('rolls progress up from actions to goals to pillars, leaving dropped actions out', async () => {
    const { deps } = s.h;
    const board = s.p.actor('board');
    const { pillar, goal, op, action } = await seedBrief(deps, s.p);
    const second = await createBacklogItem(deps, board, { level: 'action', parentId: op.id, title: 'Tweede actie', status: 'done' });
    const third = await createBacklogItem(deps, board, { level: 'action', parentId: op.id, title: 'Geschrapt', progress: '0' });
    await updateBacklogItem(deps, board, third.id, { status: 'dropped' });

    const plan = await actionPlan(deps, board);
    // (40 + 100) / 2 = 70, the dropped action does not count; each level above takes the mean below it.
    expect(find(plan.roots, op.id)?.progress).toBe(70);
    expect(find(plan.roots, goal.id)?.progress).toBe(70);
    expect(find(plan.roots, pillar.id)?.progress).toBe(70);
    expect(find(plan.roots, action.id)?.progress).toBe(40);
    expect(find(plan.roots, second.id)?.progress).toBe(100);
  });

  it('filters by status, owner and due date, keeps the path to what matches, and marks overdue items', async () => {
    const { deps } = s.h;
    const board = s.p.actor('board');
    const plan = await actionPlan(deps, board);
    const op = plan.roots[0]!.children[0]!.children[0]!;
    const late = await createBacklogItem(deps, board, { level: 'action', parentId: op.item.id, title: 'Te laat', owner: 'Gemeente Brugge', dueDate: '2020-01-31', status: 'planned' });

    const byStatus = await actionPlan(deps, board, { status: 'in_progress' });
    expect(byStatus.matching).toBe(1);
    expect(byStatus.roots).toHaveLength(1);
    expect(byStatus.roots[0]!.matches).toBe(false); // the pillar is shown only as the path
    expect(find(byStatus.roots, late.id)).toBeUndefined();

    const byOwner = await actionPlan(deps, board, { owner: 'gemeente brügge' });
    expect(find(byOwner.roots, late.id)?.matches).toBe(true);
    expect(byOwner.matching).toBe(1);

    const due = await actionPlan(deps, board, { dueBefore: '2021-01-01' });
    expect(due.matching).toBe(1);
    const overdue = await actionPlan(deps, board, { overdue: '1' });
    expect(find(overdue.roots, late.id)?.overdue).toBe(true);
    expect(overdue.overdue).toBe(1);
    await expect(actionPlan(deps, board, { status: 'bogus' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(actionPlan(deps, s.p.actor('e1'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps each item’s history and tells linked contributors when its status changes', async () => {
    const { deps } = s.h;
    const board = s.p.actor('board');
    const plan = await actionPlan(deps, board, { owner: 'Zorgraad' });
    const action = plan.roots[0]!.children[0]!.children[0]!.children.find((n) => n.matches)!.item;
    const before = (await memberHome(deps, s.p.actor('e1'))).notifications.filter((n) => n.kind === 'item_status_changed').length;

    await updateBacklogItem(deps, board, action.id, { progress: '60' }); // progress only: nobody is told
    await updateBacklogItem(deps, board, action.id, { status: 'done', progress: '100' });

    const history = await backlogItemHistory(deps, board, action.id);
    expect(history.map((h) => [h.previousStatus, h.status, h.progress])).toEqual([
      [null, 'proposed', 0],
      ['proposed', 'in_progress', 40],
      ['in_progress', 'in_progress', 60],
      ['in_progress', 'done', 100],
    ]);
    const after = (await memberHome(deps, s.p.actor('e1'))).notifications.filter((n) => n.kind === 'item_status_changed');
    // e1 was quoted in the linked statement: told of in_progress (seeding) and of done, not of the progress step.
    expect(after.length - before).toBe(1);
    const done = after.find((n) => n.payload.itemId === action.id && n.payload.status === 'done')!;
    // In the member's channel and language: a title, the new status in words, and a link to their outcomes.
    // Its own title, not the board's answer's, in each language, with the new status in words.
    expect(notificationView('nl', done)).toMatchObject({ title: 'Een actie waaraan je bijdroeg is veranderd', text: 'Een actie waaraan je bijdroeg staat nu op: Klaar.' });
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const view = notificationView(lang, done);
      expect(view).toMatchObject({ title: t(lang, 'common:notificationTitle.item_status_changed'), text: expect.stringContaining(t(lang, 'common:backlogStatus.done')), target: { kind: 'outcomes', itemId: action.id } });
      expect(view.title).not.toBe(t(lang, 'common:notificationTitle.input_outcome'));
    }
    expect((await memberHome(deps, s.p.actor('e3'))).notifications.some((n) => n.payload.itemId === action.id)).toBe(false);
  });

  it('reads a status change stored under the old kind as a status change, not as the board’s answer', async () => {
    const { deps } = s.h;
    const e2 = s.p.actor('e2');
    const item = await createBacklogItem(deps, s.p.actor('board'), { level: 'pillar', title: 'Oude melding' });
    await deps.store.transaction((repos) => repos.notifications.create({ tenantId: e2.tenantId, memberId: e2.memberId, kind: 'input_outcome', payload: { itemId: item.id, status: 'planned' } }));
    const read = (await memberHome(deps, e2)).notifications.find((n) => n.payload.itemId === item.id)!;
    expect(read.kind).toBe('item_status_changed');
    expect(notificationView('en', read).title).toBe('An action you contributed to has changed');
  });
});
