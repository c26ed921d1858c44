// Taking part (the privacy text, accepted in a modal) and "I need support", both straight to the core.
import type { App } from '@slack/bolt';
import { acceptParticipation, currentPrivacyNotice, requestSupport, DomainError } from '../../../core/index.js';
import { modal } from '../blocks.js';
import { text, type SlackEnv } from '../context.js';
import { contributionView, privacyView, publishHome } from '../operations.js';
import { PRIVACY_FULL, privacyDone, privacyFullModal } from '../views/privacy.js';
import { onPress } from './interact.js';
import { onSubmit } from './submit.js';

export function registerPrivacy(app: App, env: SlackEnv): void {
  onPress(app, env, 'privacy_open', async ({ client, actor, body }) => {
    const view = privacyView(env, actor);
    if (body.view?.type === 'modal') await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  });

  onPress(app, env, PRIVACY_FULL, async ({ client, actor, body }) => {
    const view = privacyFullModal(env.tr(actor.language), currentPrivacyNotice(env.deps, actor.language));
    await client.views.push({ trigger_id: body.trigger_id, view });
  });

  // The member accepts the exact version they were shown; then the form they wanted opens. Shown on top of a
  // form they were filling in (pushed), "back" returns to that form, with what they typed still in it.
  onSubmit(app, env, 'participation', {
    check: ({ meta, tr }) => {
      const version = text(meta.v) ?? '';
      if (version !== currentPrivacyNotice(env.deps, tr.lang).version) throw new DomainError('version_not_current');
      return version;
    },
    save: async (s) => {
      await acceptParticipation(s.deps, s.actor, { version: s.checked });
      const tr = env.tr(s.actor.language);
      const after = () => publishHome(env, s.client, s.userId, s.actor);
      if (s.meta.k === 'contribution') {
        const view = await contributionView(env, s.actor, {
          ...(text(s.meta.r) ? { roundId: text(s.meta.r) } : {}),
          ...(text(s.meta.c) ? { contributionId: text(s.meta.c) } : {}),
          ...(text(s.meta.p) ? { prefill: text(s.meta.p), fromMessage: true } : {}),
        });
        return { view, after };
      }
      const onTop = Boolean(s.body.view.previous_view_id);
      const view = modal('done', tr('common.doneTitle'), privacyDone(tr, onTop), { close: tr(onTop ? 'common.back' : 'common.close') });
      return { view, after };
    },
  });

  onPress(app, env, 'support_request', async ({ actor, notice }) => {
    const { alreadyOpen } = await requestSupport(env.deps, actor);
    const tr = env.tr(actor.language);
    await notice(tr(alreadyOpen ? 'support.already' : 'support.sent'));
  });
}
