import { card, execute, heading, note, say, type Verb } from '../cards/elements.js';
import type { Action } from './types.js';

/** What a confirm card can be about: the keys of the shared `common:confirm.*` texts. */
export type Confirmable = 'close_poll' | 'close_round' | 'withdraw' | 'withdraw_all' | 'withdraw_consent' | 'withdraw_participation';

/**
 * Before what cannot be undone: the first press shows a card that says what will happen, with "yes" (the
 * same verb again, with `confirm: 'yes'`) and "no" (back home). Only the second press changes anything.
 */
export function confirmFirst(what: Confirmable, verb: Verb, action: Action): Action {
  return {
    ...action,
    run: async (ctx, data) => {
      if (data.confirm === 'yes') return action.run(ctx, data);
      const { t } = ctx.view;
      // The button's own data (ids), not the verb, again with the confirmation.
      const carried = Object.fromEntries(Object.entries(data).filter(([key, value]) => key !== 'verb' && (typeof value === 'string' || typeof value === 'number'))) as Record<string, string | number>;
      return card(
        [heading(t(`common:confirm.${what}.title`)), say(t(`common:confirm.${what}.body`)), note(t('common:confirm.noUndo'), { subtle: true })],
        {
          actions: [
            execute(t(`common:confirm.${what}.yes`), verb, { ...carried, confirm: 'yes' }, { style: 'destructive' }),
            execute(t('common:confirm.cancel'), 'home'),
          ],
          fallback: t(`common:confirm.${what}.title`),
        },
      );
    },
  };
}
