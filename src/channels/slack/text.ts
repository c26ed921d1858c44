// Text that members or a model wrote, made safe for Slack and kept inside Block Kit limits.
//
// Slack parses `&`, `<` and `>` in text objects: `<!channel>`, `<@U123>` and `<https://evil|bank.be>`
// would ping people or disguise a link. Escaping those three characters turns every such sequence
// into plain visible text. A bare "@channel" or "@here" is not a mention in blocks, but some clients
// and link_names settings turn it into one, so a word joiner (invisible) is put after the "@".
import type { types } from '@slack/bolt';

const ELLIPSIS = '…';

export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** Undoes `escapeText` (for text that comes back from one of our own messages). */
export function unescapeText(text: string): string {
  return text.replace(/@\u2060/g, '@').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Upper bound of the escaped length of one code point ("@" may gain a word joiner). */
function cost(char: string): number {
  if (char === '&') return 5;
  if (char === '<' || char === '>') return 4;
  if (char === '@') return 2;
  return char.length;
}

/** The longest raw prefix (whole code points) whose escaped form surely fits in `max` UTF-16 units. */
function fittingPrefix(text: string, max: number): string {
  let size = 0;
  let end = 0;
  for (const char of text) {
    size += cost(char);
    if (size > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * `text` escaped and cut to `max` characters (UTF-16 units, as Slack counts) at a code point; when
 * cut, an ellipsis shows that something is missing.
 */
export function fitEscaped(text: string, max: number): { text: string; cut: boolean } {
  const full = escapeText(text);
  if (full.length <= max) return { text: full, cut: false };
  return { text: escapeText(fittingPrefix(text, max - ELLIPSIS.length).trimEnd()) + ELLIPSIS, cut: true };
}

/** Raw text cut to `max` UTF-16 units without splitting a code point (for input initial values). */
export function clipRaw(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** A short excerpt of member text, for lists (raw; escape when rendering). */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const clipped = clipRaw(flat, max - 1);
  return clipped.length < flat.length ? `${clipped.trimEnd()}${ELLIPSIS}` : flat;
}

/**
 * Splits long member text into pieces that each fit one text object once escaped, at whitespace
 * where possible, so that a 5,000-character statement is shown whole over two sections.
 */
export function splitEscaped(text: string, max = 2900): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let raw = fittingPrefix(rest, max);
    if (raw.length < rest.length) {
      const space = raw.search(/\s\S*$/);
      if (space > raw.length / 2) raw = raw.slice(0, space + 1);
    }
    pieces.push(escapeText(raw));
    rest = rest.slice(raw.length);
  }
  return pieces.length > 0 ? pieces : [''];
}

/** Plain text object for member or model text: no mrkdwn formatting, escaped, within `max`. */
export function plain(text: string, max = 3000): types.PlainTextElement {
  return { type: 'plain_text', text: fitEscaped(text, max).text || ' ', emoji: false };
}

/** Plain text object for our own catalog text (already safe), cut to `max` with a visible ellipsis. */
export function label(text: string, max = 3000): types.PlainTextElement {
  return { type: 'plain_text', text: text.length <= max ? text : clipRaw(text, max - 1) + ELLIPSIS, emoji: true };
}

/**
 * mrkdwn object for catalog text. Parameters that carry member text must be escaped before they are
 * put in (see `escapeText`); `verbatim` stops Slack from turning plain words into links or mentions.
 */
export function md(text: string, max = 3000): types.MrkdwnElement {
  return { type: 'mrkdwn', text: text.length <= max ? text : clipRaw(text, max - 1) + ELLIPSIS, verbatim: true };
}

/**
 * A Slack message's text (Slack markup) as plain words: entities decoded, links shown with their
 * address, and mentions of people or channels reduced to a neutral "@…" so that a saved contribution
 * does not carry other people's ids.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_m, target: string, shown: string) => (/^[@#!]/.test(target) ? (target.startsWith('#') ? `#${shown}` : '@…') : `${shown} (${target})`))
    .replace(/<([^<>]+)>/g, (_m, target: string) => (/^[@!]/.test(target) ? '@…' : target.startsWith('#') ? '#…' : target))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
