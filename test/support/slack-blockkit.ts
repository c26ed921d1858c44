// Checks recorded Block Kit JSON against Slack's limits and our safety rules, and hands it back typed
// as @slack/types (through Bolt's re-export) for the assertions that follow.
import type { types } from '@slack/bolt';

export type Surface = 'message' | 'modal' | 'home';

const KNOWN = new Set(['section', 'header', 'context', 'actions', 'divider', 'input']);
const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

function texts(value: unknown, path: string, out: { path: string; text: string; kind: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') out.push({ path, text: o.text, kind: String(o.type) });
  for (const [k, v] of Object.entries(o)) texts(v, `${path}.${k}`, out);
}

/** Throws with every problem found; returns the blocks typed. */
export function checkBlocks(blocks: unknown, surface: Surface): types.KnownBlock[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) throw new Error('blocks is not an array');
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks in a ${surface}`);
  const blockIds = new Set<string>();
  for (const [i, raw] of blocks.entries()) {
    const block = raw as Record<string, unknown>;
    if (!KNOWN.has(String(block.type))) problems.push(`block ${i}: unknown type ${String(block.type)}`);
    if (block.type === 'input' && surface === 'message') problems.push(`block ${i}: input block in a message`);
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.push(`block ${i}: duplicate block_id`);
      blockIds.add(block.block_id);
      if (block.block_id.length > 255) problems.push(`block ${i}: block_id too long`);
    }
    if (block.type === 'header' && ((block.text as { text: string }).text.length > 150)) problems.push(`block ${i}: header over 150`);
    if (block.type === 'context' && (block.elements as unknown[]).length > 10) problems.push(`block ${i}: context over 10 elements`);
    if (block.type === 'actions') {
      const elements = block.elements as Record<string, unknown>[];
      if (elements.length > 25) problems.push(`block ${i}: over 25 elements`);
      for (const e of elements) checkElement(e, `block ${i}`, problems);
    }
    if (block.type === 'section' && block.accessory) checkElement(block.accessory as Record<string, unknown>, `block ${i}`, problems);
    if (block.type === 'input') checkElement(block.element as Record<string, unknown>, `block ${i}`, problems);
  }
  const found: { path: string; text: string; kind: string }[] = [];
  texts(blocks, 'blocks', found);
  for (const t of found) {
    if (t.text.length === 0) problems.push(`${t.path}: empty text`);
    if (t.text.length > 3000) problems.push(`${t.path}: ${t.text.length} characters`);
    // We never mention anyone or write links in mrkdwn: any "<" means member text was not escaped.
    if (t.text.includes('<')) problems.push(`${t.path}: unescaped "<"`);
    if (/@(channel|here|everyone)\b/i.test(t.text)) problems.push(`${t.path}: a bare @channel/@here`);
  }
  if (problems.length > 0) throw new Error(`Block Kit problems:\n${problems.join('\n')}`);
  return blocks as types.KnownBlock[];
}

function checkElement(e: Record<string, unknown>, where: string, problems: string[]): void {
  const text = (e.text as { text?: string } | undefined)?.text;
  if (e.type === 'button') {
    if ((text ?? '').length > 75) problems.push(`${where}: button text over 75`);
    if (typeof e.value === 'string' && e.value.length > 2000) problems.push(`${where}: button value over 2000`);
  }
  const options = (e.options as { text: { text: string }; value: string }[] | undefined) ?? [];
  if ((e.type === 'radio_buttons' || e.type === 'checkboxes') && options.length > 10) problems.push(`${where}: over 10 options`);
  for (const o of options) if (o.text.text.length > 75) problems.push(`${where}: option text over 75`);
  if (e.type === 'plain_text_input' && typeof e.max_length === 'number' && e.max_length > 3000) problems.push(`${where}: max_length over 3000`);
  if (typeof e.action_id === 'string' && e.action_id.length > 255) problems.push(`${where}: action_id too long`);
}

export function checkView(view: unknown): types.ModalView | types.HomeView {
  const v = view as Record<string, unknown>;
  const surface: Surface = v.type === 'home' ? 'home' : 'modal';
  checkBlocks(v.blocks, surface);
  const problems: string[] = [];
  for (const key of ['title', 'submit', 'close'] as const) {
    const text = (v[key] as { text?: string } | undefined)?.text;
    if (text !== undefined && text.length > 24) problems.push(`${key} over 24 characters: ${text}`);
  }
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > 3000) problems.push('private_metadata over 3000');
  if (surface === 'modal' && (v.blocks as { type: string }[]).some((b) => b.type === 'input') && !v.submit) problems.push('input without submit');
  if (problems.length > 0) throw new Error(`View problems:\n${problems.join('\n')}`);
  return view as types.ModalView | types.HomeView;
}
