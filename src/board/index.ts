import type { Router } from 'express';
import { createBacklogItem, draftTranslations, respondToBacklogItem, translateContent, updateBacklogItem, type CoreDeps, type TranslationInput } from '../core/index.js';
import { securityHeaders } from '../web-ui/security.js';
import { id, optionalId, type Form } from '../web-ui/form.js';
import { createPages, type PageOptions } from '../web-ui/pages.js';
import { zoned } from '../web-ui/util.js';
import { itemPage, newItemPage } from './views/items.js';
import { boardPage } from './views/overview.js';
import { briefDownload, briefPage } from './brief/routes.js';
import { planPage } from './views/plan.js';
import { statsPage } from './views/stats.js';
import { translationsPage } from './views/translations.js';
import { meetingRoutes } from './meetings/routes.js';

/** Field names are t.<objectType>.<objectId>.<field>.<language>; the core checks every part. */
function translationInputs(form: Form): TranslationInput[] {
  return [...form.fields.keys()]
    .filter((name) => name.startsWith('t.'))
    .map((name) => {
      const [, objectType, objectId, field, language] = name.split('.');
      return { objectType, objectId, field, language, text: form.str(name), pollId: form.str('pollId'), versionId: form.str('versionId') };
    });
}

/**
 * The board's pages (mounted at /board), on the same web session: facilitators, board members and admins
 * read; board members and admins change the action plan and answer the panel.
 */
export function createBoardPages(deps: CoreDeps, opts: PageOptions): Router {
  const pages = createPages(deps, opts);
  pages.router.use(securityHeaders);
  pages.page('/', boardPage);
  pages.page('/brief', briefPage);
  pages.page('/plan', planPage);
  pages.page('/stats', statsPage);
  pages.page('/translations', translationsPage);
  pages.action('/translations', {
    formId: (_ctx, form) => form.str('formId') ?? 'translations',
    run: async (ctx, form) => {
      await translateContent(ctx.deps, ctx.actor, translationInputs(form), { confirmDrafts: form.str('confirm') === '1' });
      return `/board/translations?done=translations_saved#${form.str('formId') ?? ''}`;
    },
    page: translationsPage,
  });
  // The "suggest" button of the same form: a language model drafts what is missing; what was typed is not saved.
  pages.action('/translations/draft', {
    formId: (_ctx, form) => form.str('formId') ?? 'translations',
    run: async (ctx, form) => {
      // What the person typed first is saved (as with "save"), so that asking for the rest loses nothing.
      await translateContent(ctx.deps, ctx.actor, translationInputs(form));
      const drafted = await draftTranslations(ctx.deps, ctx.actor, { objectType: form.str('objectType'), objectId: form.str('objectId') });
      return `/board/translations?done=${drafted ? 'translations_drafted' : 'translations_none_missing'}#${form.str('formId') ?? ''}`;
    },
    page: translationsPage,
  });
  meetingRoutes(deps, opts, pages);
  pages.router.get('/brief.pdf', briefDownload(deps, opts.timeZone, 'pdf'));
  pages.router.get('/brief.md', briefDownload(deps, opts.timeZone, 'md'));
  pages.router.get('/brief.csv', briefDownload(deps, opts.timeZone, 'csv'));
  pages.page('/items/new', newItemPage);
  pages.page('/items/:id', itemPage);

  pages.action('/items', {
    formId: 'new-item',
    run: async (ctx, form) => {
      const item = await createBacklogItem(ctx.deps, ctx.actor, {
        level: form.str('level'),
        parentId: optionalId(form.str('parentId')),
        title: form.str('title'),
        description: form.str('description'),
        status: form.str('status'),
        owner: form.str('owner'),
        dueDate: zoned(form.str('dueDate'), ctx.timeZone),
        progress: form.str('progress'),
        statementIds: form.all('statementIds').map(id),
        pollIds: form.all('pollIds').map(id),
      });
      return `/board/items/${item.id}?done=item_created`;
    },
    page: newItemPage,
  });

  pages.action('/items/:id', {
    formId: 'update-item',
    run: async (ctx, form) => {
      const item = await updateBacklogItem(ctx.deps, ctx.actor, id(ctx.params.id), {
        title: form.str('title'),
        status: form.str('status'),
        owner: form.str('owner'),
        dueDate: zoned(form.str('dueDate'), ctx.timeZone),
        progress: form.str('progress'),
      });
      return `/board/items/${item.id}?done=item_saved`;
    },
    page: itemPage,
  });

  pages.action('/items/:id/response', {
    formId: 'respond',
    run: async (ctx, form) => {
      const item = await respondToBacklogItem(ctx.deps, ctx.actor, id(ctx.params.id), form.str('response'));
      return `/board/items/${item.id}?done=responded`;
    },
    page: itemPage,
  });

  return pages.finish();
}
