// Small Block Kit builders, typed against @slack/types (re-exported by Bolt), and the limits we keep.
import type { ActionId, ViewId } from './ids.js';
import type { types } from '@slack/bolt';
import { clipRaw, fitEscaped, label, plain } from './text.js';

export type Block = types.KnownBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  placeholder: 150,
  inputMax: 3000,
  contextElements: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

export const header = (text: string): types.HeaderBlock => ({ type: 'header', text: label(text, LIMITS.header) });
export const divider = (): types.DividerBlock => ({ type: 'divider' });

export function section(text: types.PlainTextElement | types.MrkdwnElement, accessory?: types.Button): types.SectionBlock {
  return accessory ? { type: 'section', text, accessory } : { type: 'section', text };
}

export function context(...elements: (types.PlainTextElement | types.MrkdwnElement)[]): types.ContextBlock {
  return { type: 'context', elements: elements.slice(0, LIMITS.contextElements) };
}

export function actions(elements: types.ActionsBlockElement[], blockId?: string): types.ActionsBlock {
  return blockId ? { type: 'actions', block_id: blockId, elements } : { type: 'actions', elements };
}

export interface Confirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export function button(
  text: string,
  actionId: ActionId,
  value: string,
  opts: { style?: 'primary' | 'danger'; confirm?: Confirm } = {},
): types.Button {
  if (value.length > LIMITS.buttonValue) throw new Error('button value too long');
  return {
    type: 'button',
    text: label(text, LIMITS.buttonText),
    action_id: actionId,
    value,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.confirm
      ? {
          confirm: {
            title: label(opts.confirm.title, LIMITS.confirmTitle),
            text: label(opts.confirm.text, LIMITS.confirmText),
            confirm: label(opts.confirm.confirm, LIMITS.confirmButton),
            deny: label(opts.confirm.deny, LIMITS.confirmButton),
            ...(opts.style === 'danger' ? { style: 'danger' as const } : {}),
          },
        }
      : {}),
  };
}

export function linkButton(text: string, actionId: ActionId, url: string): types.Button {
  return { type: 'button', text: label(text, LIMITS.buttonText), action_id: actionId, url };
}

/** An option whose text is member text (a poll option): escaped, cut visibly to 75 characters. */
export function memberOption(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value };
}

export function option(text: string, value: string, description?: string): types.PlainTextOption {
  return {
    text: label(text, LIMITS.optionText),
    value,
    ...(description ? { description: label(description, LIMITS.optionText) } : {}),
  };
}

export function input(
  blockId: string,
  text: string,
  element: types.InputBlockElement,
  opts: { optional?: boolean; hint?: string } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: label(text, 2000),
    element,
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: label(opts.hint, 2000) } : {}),
  };
}

export function textInput(
  actionId: string,
  opts: { multiline?: boolean; max: number; initial?: string; placeholder?: string },
): types.PlainTextInput {
  const max = Math.min(opts.max, LIMITS.inputMax);
  return {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: opts.multiline ?? false,
    max_length: max,
    ...(opts.initial ? { initial_value: clipRaw(opts.initial, max) } : {}),
    ...(opts.placeholder ? { placeholder: label(opts.placeholder, LIMITS.placeholder) } : {}),
  };
}

/** Modal title and buttons are cut at 24 characters (our catalogs keep them shorter; a test checks). */
export function modal(
  callbackId: ViewId,
  title: string,
  blocks: Block[],
  opts: { submit?: string; close: string; metadata?: unknown },
): types.ModalView {
  const metadata = opts.metadata === undefined ? undefined : JSON.stringify(opts.metadata);
  if (metadata && metadata.length > LIMITS.privateMetadata) throw new Error('private metadata too long');
  return {
    type: 'modal',
    callback_id: callbackId,
    title: label(title, LIMITS.modalTitle),
    close: label(opts.close, LIMITS.modalButton),
    ...(opts.submit ? { submit: label(opts.submit, LIMITS.modalButton) } : {}),
    ...(metadata ? { private_metadata: metadata } : {}),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** Member text as a plain section; long text is cut visibly (use `splitEscaped` to show it whole). */
export function memberText(text: string): types.SectionBlock {
  return section(plain(text));
}

/**
 * Collects blocks up to a limit. Lists that do not fit end with a visible line saying how many
 * items are not shown, so nothing disappears silently.
 */
export class BlockList {
  readonly blocks: Block[] = [];
  constructor(readonly max: number) {}

  room(): number {
    return this.max - this.blocks.length;
  }

  /** Adds all blocks or none; false when they do not fit (keeping `reserve` blocks free). */
  add(blocks: Block[], reserve = 0): boolean {
    if (blocks.length > this.room() - reserve) return false;
    this.blocks.push(...blocks);
    return true;
  }

  /** Adds items in order; when one does not fit, adds `more(n)` for the n items left out. */
  list<T>(items: T[], render: (item: T) => Block[], more: (n: number) => string, reserve = 0): void {
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i] as T;
      if (!this.add(render(item), reserve + 1)) {
        this.add([context({ type: 'mrkdwn', text: fitEscaped(more(items.length - i), LIMITS.text).text, verbatim: true })]);
        return;
      }
    }
  }
}
