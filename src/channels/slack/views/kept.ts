// A submitted modal drawn again as the member left it. After a submission is acknowledged, the modal shows
// "one moment" while the database works; when storage then refuses (a closed poll, the privacy text not yet
// accepted), the form comes back with everything typed or picked as its initial values, and the reason next
// to the field it is about. Built from the submitted view alone: no database read.
import type { types, ViewOutput, ViewStateValue } from '@slack/bolt';
import { context, section, type Block } from '../blocks.js';
import { md } from '../text.js';

type Values = ViewOutput['state']['values'];
type Element = Record<string, unknown> & { type: string; action_id?: string; options?: types.PlainTextOption[] };

/** Blocks we add to a kept form (notices); dropped when it is kept again, so that they never pile up. */
const NOTICE_BLOCK = 'form_notice';

function withInitial(element: Element, state: ViewStateValue | undefined): Element {
  const out: Element = { ...element };
  const options = element.options ?? [];
  switch (element.type) {
    case 'plain_text_input':
    case 'number_input':
      delete out.initial_value;
      if (typeof state?.value === 'string' && state.value !== '') out.initial_value = state.value;
      break;
    case 'radio_buttons':
    case 'static_select': {
      delete out.initial_option;
      const chosen = options.find((o) => o.value === state?.selected_option?.value);
      if (chosen) out.initial_option = chosen;
      break;
    }
    case 'checkboxes':
    case 'multi_static_select': {
      delete out.initial_options;
      const picked = new Set((state?.selected_options ?? []).map((o) => o.value));
      const chosen = options.filter((o) => picked.has(o.value ?? ''));
      if (chosen.length > 0) out.initial_options = chosen;
      break;
    }
    case 'datetimepicker':
      delete out.initial_date_time;
      if (typeof state?.selected_date_time === 'number') out.initial_date_time = state.selected_date_time;
      break;
    case 'datepicker':
      delete out.initial_date;
      if (typeof state?.selected_date === 'string') out.initial_date = state.selected_date;
      break;
  }
  return out;
}

/** The form's blocks with what was typed as initial values, and without notices added before. */
export function keptBlocks(view: Pick<ViewOutput, 'blocks'>, values: Values): Block[] {
  return (view.blocks as unknown as Block[])
    .filter((b) => b.block_id !== NOTICE_BLOCK)
    .map((block) => {
      if (block.type !== 'input') return block;
      const element = block.element as unknown as Element;
      const state = values[block.block_id ?? '']?.[element.action_id ?? ''];
      return { ...block, element: withInitial(element, state) as unknown as types.InputBlockElement };
    });
}

/** A notice (plain words, already escaped mrkdwn) placed right above the input block `beforeBlock`, or first. */
export function withNotice(blocks: Block[], text: string, beforeBlock?: string, accessory?: types.Button): Block[] {
  const notice: Block = { ...(accessory ? section(md(text), accessory) : context(md(text))), block_id: NOTICE_BLOCK };
  const at = beforeBlock ? blocks.findIndex((b) => b.block_id === beforeBlock) : -1;
  const index = at >= 0 ? at : 0;
  return [...blocks.slice(0, index), notice, ...blocks.slice(index)];
}

/** The submitted modal again, as a view to update it with (same callback id, metadata, title and buttons). */
export function keptView(view: ViewOutput, blocks: Block[]): types.ModalView {
  return {
    type: 'modal',
    callback_id: view.callback_id,
    title: view.title as types.PlainTextElement,
    ...(view.submit ? { submit: view.submit as types.PlainTextElement } : {}),
    ...(view.close ? { close: view.close as types.PlainTextElement } : {}),
    ...(view.private_metadata ? { private_metadata: view.private_metadata } : {}),
    blocks: blocks.slice(0, 100),
  };
}
