import {
  closeIdeaRound,
  closePoll,
  createPoll,
  draftSummary,
  editSummary,
  getSummaryVersion,
  handleChangeRequest,
  openIdeaRound,
  planMeeting,
  publishSummary,
  recordMeetingOutcome,
  remindPanel,
} from '../../../core/index.js';
import { id, lines, optionalId } from '../../../web-ui/form.js';
import type { createPages } from '../../../web-ui/pages.js';
import { panelPage } from '../views/panel.js';
import { roundPage } from '../views/round.js';
import { EDIT_VERSION_FORM, editedStatements, versionEditPage } from '../views/version-edit.js';
import { versionPage } from '../views/version.js';
import { zoned } from '../../../web-ui/util.js';
import { confirmFirst } from '../confirm.js';

/** Facilitator controls. Every action calls exactly one use case, which checks the role itself. */
export function panelRoutes(pages: ReturnType<typeof createPages>): void {
  pages.page('/panel', panelPage);
  pages.page('/panel/rounds/:id', roundPage);
  pages.page('/panel/versions/:id', versionPage);
  pages.page('/panel/versions/:id/edit', versionEditPage);

  pages.action('/panel/meetings', {
    formId: 'plan-meeting',
    run: async (ctx, form) => {
      const meeting = await planMeeting(ctx.deps, ctx.actor, {
        title: form.str('title'),
        scheduledAt: zoned(form.str('scheduledAt'), ctx.timeZone),
        agenda: form.str('agenda'),
      });
      return `/panel?done=meeting#meeting-${meeting.id}`;
    },
    page: panelPage,
  });

  pages.action('/panel/meetings/:id/outcome', {
    formId: (ctx) => `meeting-${ctx.params.id}`,
    run: async (ctx, form) => {
      const meetingId = id(ctx.params.id);
      await recordMeetingOutcome(ctx.deps, ctx.actor, meetingId, { decisions: form.str('decisions'), status: form.str('status') });
      return `/panel?done=decisions#meeting-${meetingId}`;
    },
    page: panelPage,
  });

  pages.action('/panel/polls', {
    formId: 'create-poll',
    run: async (ctx, form) => {
      const poll = await createPoll(ctx.deps, ctx.actor, {
        question: form.str('question'),
        kind: form.str('kind'),
        anonymity: form.str('anonymity'),
        resultsVisibility: form.str('resultsVisibility'),
        audience: form.str('audience'),
        options: lines(form.str('options')),
        maxChoices: form.str('maxChoices'),
        deadline: zoned(form.str('deadline'), ctx.timeZone),
        meetingId: optionalId(form.str('meetingId')),
      });
      return `/panel?done=poll#poll-${poll.id}`;
    },
    page: panelPage,
  });

  pages.action('/panel/reminders', {
    formId: 'reminders',
    run: async (ctx) => {
      await remindPanel(ctx.deps, ctx.actor);
      return '/panel?done=reminders#polls-h';
    },
    page: panelPage,
  });

  pages.action('/panel/polls/:id/close', confirmFirst('close_poll', {
    formId: 'close-poll',
    run: async (ctx) => {
      const poll = await closePoll(ctx.deps, ctx.actor, id(ctx.params.id));
      return `/polls/${poll.id}?done=poll_closed`;
    },
    page: panelPage,
  }));

  pages.action('/panel/rounds', {
    formId: 'open-round',
    run: async (ctx, form) => {
      const round = await openIdeaRound(ctx.deps, ctx.actor, {
        question: form.str('question'),
        description: form.str('description'),
        closesAt: zoned(form.str('closesAt'), ctx.timeZone),
        meetingId: optionalId(form.str('meetingId')),
      });
      return `/panel?done=round#round-${round.id}`;
    },
    page: panelPage,
  });

  pages.action('/panel/rounds/:id/close', confirmFirst('close_round', {
    formId: 'close-round',
    run: async (ctx) => {
      const round = await closeIdeaRound(ctx.deps, ctx.actor, id(ctx.params.id));
      return `/panel?done=round_closed#round-${round.id}`;
    },
    page: panelPage,
  }));

  pages.action('/panel/rounds/:id/summaries', {
    formId: 'draft-summary',
    run: async (ctx, form) => {
      const { version } = await draftSummary(ctx.deps, ctx.actor, { roundId: id(ctx.params.id), title: form.str('title'), language: form.str('language') });
      return `/panel/versions/${version.id}?done=drafted`;
    },
    page: roundPage,
  });

  pages.action('/panel/versions/:id', {
    formId: EDIT_VERSION_FORM,
    run: async (ctx, form) => {
      const current = await getSummaryVersion(ctx.deps, ctx.actor, id(ctx.params.id));
      const next = await editSummary(ctx.deps, ctx.actor, current.id, editedStatements(current, form));
      return `/panel/versions/${next.id}?done=edited_version`;
    },
    page: versionEditPage,
  });

  pages.action('/panel/change-requests/:id/handled', {
    formId: 'change-requests',
    run: async (ctx, form) => {
      await handleChangeRequest(ctx.deps, ctx.actor, id(ctx.params.id));
      return `/panel/versions/${id(form.need('back'))}#change-requests`;
    },
    page: panelPage,
  });

  pages.action('/panel/versions/:id/publish', {
    formId: 'publish',
    run: async (ctx) => {
      const version = await publishSummary(ctx.deps, ctx.actor, id(ctx.params.id));
      return `/panel/versions/${version.id}?done=published`;
    },
    page: versionPage,
  });
}
