// Modal submissions, answered before any database work. The form is read and checked in memory, with the
// core's pure checks (core/form-checks.ts) in the language the form was drawn in (its private_metadata
// carries it): a mistake is answered at once, next to its field. A good form is answered with "one moment"
// in the same modal; the database work then runs in the queue of acknowledged work, with the submission's
// delivery key claimed in the work's own transaction, and its outcome replaces "one moment" (views.update).
// What only storage can refuse (the privacy text not accepted yet, a poll closed meanwhile) brings the form
// back as the member left it, with the reason next to the field; if they closed the modal, a DM says why
// and quotes what they wrote.
import type { AckFn, App, types, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { isDomainError, DomainError, LANGUAGES, once, type Actor, type CoreDeps, type Language } from '../../../core/index.js';
import { button, modal, section, type Block } from '../blocks.js';
import { actorFor, failureText, metadataOf, whoIs, type Client, type SlackEnv, type Who } from '../context.js';
import { postDm } from '../dm.js';
import type { Tr } from '../i18n.js';
import type { ViewId } from '../ids.js';
import { deliveryKey } from '../support.js';
import { escapeText, md, splitEscaped } from '../text.js';
import { blockForField } from '../views/forms.js';
import { keptBlocks, keptView, withNotice } from '../views/kept.js';
import { needsPrivacyDetour } from '../../replies.js';

type Values = ViewSubmitAction['view']['state']['values'];

/** What is known of a submission before any database work. */
export interface Form {
  env: SlackEnv;
  client: Client;
  body: ViewSubmitAction;
  userId: string;
  values: Values;
  meta: Record<string, unknown>;
  /** The language the form was drawn in: its checks' messages are in it. */
  tr: Tr;
}

export interface Submission<T> extends Form {
  actor: Actor;
  /** What `check` gave back. */
  checked: T;
  /** The core's deps whose first transaction claims this submission's delivery key: use them for the effect. */
  deps: CoreDeps;
  key: string | null;
}

/** What the modal becomes, and what else to do once it shows it (DMs, the Home tab). */
export interface Outcome {
  view: types.ModalView;
  after?: () => Promise<void>;
}

export interface FormHandler<T> {
  /** Reads the form and checks it in memory (the core's checks); a DomainError is answered next to its field. */
  check(form: Form): T;
  /**
   * A mistake answered with a changed form instead of a field error (the privacy guard's offer to redact),
   * whether `check` found it or, after the answer, the use case did.
   */
  answerMistake?(form: Form, error: DomainError): types.ModalView | null;
  /** The database work, after the acknowledgement. */
  save(s: Submission<T>): Promise<Outcome>;
  /** Set when `save` hands `key` to a use case that claims it itself (a vote, in the ballot box). */
  claimsKey?: boolean;
}

export function formLanguage(meta: Record<string, unknown>): Language {
  // A modal drawn before the language was carried in it: the panel's first language.
  return (LANGUAGES as readonly unknown[]).includes(meta.l) ? (meta.l as Language) : 'nl';
}

/** The field an error is about: named, or the first of those the privacy guard found something in. */
function fieldOf(error: unknown): unknown {
  if (!isDomainError(error)) return undefined;
  const { field, fields } = error.params;
  return field ?? (typeof fields === 'string' ? fields.split(',')[0] : undefined);
}

function inputBlockIds(view: ViewSubmitAction['view']): string[] {
  return view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id ?? '').filter(Boolean);
}

/** A refusal shown in the form as it was left: next to the field it is about, or first. */
function formWithReason(form: Form, tr: Tr, error: unknown, privacyDetour: boolean): types.ModalView {
  const blocks = keptBlocks(form.body.view, form.values);
  if (privacyDetour) {
    const open = button(tr('privacy:page.bannerLink'), 'privacy_open', 'open', { style: 'primary' });
    return keptView(form.body.view, withNotice(blocks, `${tr('privacy:page.banner')} ${tr('form.keptBelow')}`, undefined, open));
  }
  const target = blockForField(fieldOf(error), inputBlockIds(form.body.view), '');
  return keptView(form.body.view, withNotice(blocks, `⚠️ ${escapeText(failureText(form.env, tr.lang, error))}`, target || undefined));
}

function mistakeAnswer(form: Form, error: unknown): ViewResponseAction {
  const blocks = inputBlockIds(form.body.view);
  if (blocks.length === 0) return { response_action: 'update', view: formWithReason(form, form.tr, error, false) };
  const block = blockForField(fieldOf(error), blocks, blocks[0] ?? '');
  return { response_action: 'errors', errors: { [block]: failureText(form.env, form.tr.lang, error) } };
}

function waitingView(tr: Tr, view: ViewSubmitAction['view']): types.ModalView {
  return modal('notice', view.title?.text || tr('common.noticeTitle'), [section(md(tr('common.saving')))], { close: tr('common.close') });
}

function alreadyView(tr: Tr): types.ModalView {
  return modal('done', tr('common.doneTitle'), [section(md(tr('common.alreadyReceived')))], { close: tr('common.close') });
}

/**
 * What this process showed for a submission, by delivery key, so that a redelivery (which the database
 * turns away) shows the same outcome again instead of "one moment". Bounded: a redelivery comes within
 * minutes; an older one is told "already received".
 */
class ShownOutcomes {
  readonly #shown = new Map<string, Promise<types.ModalView | null>>();

  constructor(private readonly max = 500) {}

  begin(key: string | null): (view: types.ModalView | null) => void {
    if (!key || this.#shown.has(key)) return () => undefined;
    let settle: (view: types.ModalView | null) => void = () => undefined;
    this.#shown.set(key, new Promise((resolve) => (settle = resolve)));
    while (this.#shown.size > this.max) this.#shown.delete(this.#shown.keys().next().value as string);
    return settle;
  }

  of(key: string | null): Promise<types.ModalView | null> {
    return (key && this.#shown.get(key)) || Promise.resolve(null);
  }
}

export function onSubmit<T>(app: App, env: SlackEnv, callbackId: ViewId, handler: FormHandler<T>): void {
  const shown = new ShownOutcomes();
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: callbackId }, async ({ ack, body, client }) => {
    const meta = metadataOf(body.view);
    const who = whoIs(body);
    const form: Form = { env, client, body, userId: who?.userId ?? '', values: body.view.state.values, meta, tr: env.tr(formLanguage(meta)) };
    let checked: T;
    try {
      if (!who) throw new DomainError('invalid_input', { field: 'displayName' });
      checked = handler.check(form);
    } catch (error) {
      const changed = isDomainError(error) ? handler.answerMistake?.(form, error) : null;
      await answer(ack, changed ? { response_action: 'update', view: changed } : mistakeAnswer(form, error));
      return;
    }
    await answer(ack, { response_action: 'update', view: waitingView(form.tr, body.view) });
    await env.afterAck(() => finish(handler, form, who, checked, shown));
  });
}

async function finish<T>(handler: FormHandler<T>, form: Form, who: Who, checked: T, shown: ShownOutcomes): Promise<void> {
  const { env, client, body } = form;
  const key = deliveryKey(body as unknown as Record<string, unknown>);
  const settle = shown.begin(key);
  let actor: Actor | null = null;
  let view: types.ModalView | null = null;
  try {
    actor = await actorFor(env, client, who);
    const base = { ...form, actor, checked, key };
    const done = handler.claimsKey ? ({ repeated: false, value: await handler.save({ ...base, deps: env.deps }) } as const) : await once(env.deps, key, (deps) => handler.save({ ...base, deps }));
    if (done.repeated) {
      // A redelivery: the first delivery did the work; show what it showed.
      view = (await shown.of(key)) ?? alreadyView(env.tr(actor.language));
      await update(env, client, body.view.id, view);
      return;
    }
    view = done.value.view;
    settle(view);
    await update(env, client, body.view.id, view);
    await done.value.after?.();
  } catch (error) {
    const tr = env.tr(actor?.language ?? form.tr.lang);
    // The same answer as from memory where the handler has one (storage's guard ran in another language).
    const changed = isDomainError(error) ? handler.answerMistake?.(form, error) : null;
    view = changed ?? formWithReason(form, tr, error, actor !== null && needsPrivacyDetour(error));
    settle(view);
    if (!(await update(env, client, body.view.id, view))) await tellByDm(form, actor, tr, error);
  } finally {
    settle(view);
  }
}

/** Replaces what the modal shows; false when it could not (the member closed it). */
async function update(env: SlackEnv, client: Client, viewId: string, view: types.ModalView): Promise<boolean> {
  try {
    await client.views.update({ view_id: viewId, view });
    return true;
  } catch (error) {
    env.logger.info({ err: (error as { data?: { error?: string } }).data?.error ?? 'unknown' }, 'slack modal gone before its outcome');
    return false;
  }
}

/** The modal is gone: the reason by DM, with what the member wrote quoted back, so nothing is lost. */
async function tellByDm(form: Form, actor: Actor | null, tr: Tr, error: unknown): Promise<void> {
  if (!actor) return;
  const typed = Object.values(form.values)
    .flatMap((block) => Object.values(block))
    .map((v) => v.value)
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const reason = failureText(form.env, tr.lang, error);
  const blocks: Block[] = [section(md(escapeText(reason)))];
  if (typed.length > 0) blocks.push(section(md(tr('form.whatYouWrote'))), ...typed.flatMap((t) => splitEscaped(t, 2500).map((piece) => section(md(piece.split('\n').map((line) => `>${line}`).join('\n'))))));
  await postDm(form.env, form.client, { tenantId: actor.tenantId, memberId: actor.memberId, userId: form.userId }, { text: reason, blocks: blocks.slice(0, 50) });
}

async function answer(ack: AckFn<ViewResponseAction> | AckFn<void>, response: ViewResponseAction | undefined): Promise<void> {
  await (ack as AckFn<ViewResponseAction | undefined>)(response);
}
