/**
 * Slack's message markup ("mrkdwn") to the markdown the site renders: mentions to names,
 * links to markdown links, `*bold*` to `**bold**`, `_italic_` to `*italic*`, `~strike~` to
 * `~~strike~~`, `&gt; ` quotes to `> `, `:emoji:` codes to Unicode, Slack's three entities
 * decoded; code kept as written. Line breaks stay where they are.
 */
import type { EmojiTable } from './emoji';

/** What a conversion needs to know about the workspace. */
export interface MrkdwnContext {
  /** User id to the person's name. */
  readonly users: ReadonlyMap<string, string>;
  /** Channel id to its name. */
  readonly channels: ReadonlyMap<string, string>;
  readonly emoji: EmojiTable;
}

/** A converted text and the workspace-custom emoji it kept as `:name:`. */
export interface Converted {
  readonly text: string;
  readonly customEmoji: readonly string[];
}

// Stand-ins for the parts that formatting must not touch (code, links, mentions): private-use
// characters, which are neither letters, digits nor spaces, so word boundaries still hold.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HOLE = /\uE000(\d+)\uE001/g;

const decode = (s: string) => s.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));

// Slack formats a span only between word boundaries: the marker follows no letter or digit,
// the span neither starts nor ends with a space, stays on one line, and is followed by no
// letter or digit (so snake_case_names and 2*3*4 stay as they are).
const BOLD = /(?<![\p{L}\p{N}*])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?![\p{L}\p{N}*])/gu;
const ITALIC = /(?<![\p{L}\p{N}_])_([^\s_](?:[^_\n]*[^\s_])?)_(?![\p{L}\p{N}_])/gu;
const STRIKE = /(?<![\p{L}\p{N}~])~([^\s~](?:[^~\n]*[^\s~])?)~(?![\p{L}\p{N}~])/gu;
// An emoji code may follow a word ("thanks:pray:" shows an emoji in Slack) but not a digit, so
// times such as 10:30:45 stay as they are.
const EMOJI = /(?<!\p{N}):([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/gu;
const CHANNEL_WIDE = new Set(['here', 'channel', 'everyone']);

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 32);

/** A markdown link, escaping what would end its text or its address early. */
export function markdownLink(text: string, url: string): string {
  const label = text.replace(/[[\]\\]/g, (c) => '\\' + c);
  let depth = 0;
  let balanced = true;
  for (const c of url) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) balanced = false;
  }
  const plain = balanced && depth === 0 && !/\s/.test(url) && !hasControl(url) && !url.startsWith('<');
  const dest = plain ? url : `<${url.replace(/[<>\n]/g, (c) => encodeURIComponent(c))}>`;
  return `[${label}](${dest})`;
}

/** One `<…>` token: a mention, a channel, a special mention or a link. `plain` writes it without markdown (inside code). */
function angle(inner: string, ctx: MrkdwnContext, plain: boolean): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? decode(inner.slice(bar + 1)) : null;
  if (target.startsWith('@')) return ctx.users.get(target.slice(1)) ?? label?.replace(/^@/, '') ?? target.slice(1);
  if (target.startsWith('#')) return '#' + (label ?? ctx.channels.get(target.slice(1)) ?? target.slice(1));
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0]!;
    if (CHANNEL_WIDE.has(word)) return '@' + word;
    return label ?? '@' + word;
  }
  const url = decode(target);
  if (url.startsWith('mailto:')) {
    const address = url.slice('mailto:'.length);
    if (plain || label === null || label === address) return address;
    return markdownLink(label, url);
  }
  if (plain) return url;
  return markdownLink(label ?? url, url);
}

/** Converts one message text. */
export function mrkdwnToMarkdown(source: string, ctx: MrkdwnContext): Converted {
  const holes: string[] = [];
  const raw = new Set<number>();
  const hold = (s: string, isRaw = false) => {
    const i = holes.push(s) - 1;
    if (isRaw) raw.add(i);
    return `${OPEN}${i}${CLOSE}`;
  };
  // A held part may hold others (a stand-in character inside code): expand them too, once.
  const expand = (s: string): string => s.replace(HOLE, (_, i: string) => (raw.has(Number(i)) ? holes[Number(i)]! : expand(holes[Number(i)]!)));
  const code = (s: string) => decode(s.replace(/<([^<>\n]*)>/g, (_, inner: string) => angle(inner, ctx, true)));
  // Our stand-in characters, should a text hold them, are held like any other part.
  let text = source.replace(/[\uE000\uE001]/g, (c) => hold(c, true));
  text = text.replace(/```[\s\S]*?```/g, (m) => hold(code(m)));
  text = text.replace(/`[^`\n]+`/g, (m) => hold(code(m)));
  text = text.replace(/<([^<>\n]*)>/g, (_, inner: string) => hold(angle(inner, ctx, false)));
  text = text.replace(/^&gt;(?= |$)/gm, '>');
  text = text.replace(BOLD, '**$1**').replace(ITALIC, '*$1*').replace(STRIKE, '~~$1~~');
  const custom = new Set<string>();
  text = text.replace(EMOJI, (m, name: string, tone: string | undefined, at: number, all: string) => {
    const found = ctx.emoji.lookup(name, tone ? Number(tone) : undefined);
    if (found !== null) return found;
    // An unknown name is a custom emoji only where it stands apart and has a letter ("a:b:c" is not).
    if (/[a-z]/.test(name) && !/[\p{L}\p{N}]/u.test(all.charAt(at - 1))) custom.add(name);
    return m;
  });
  return { text: expand(decode(text)), customEmoji: [...custom] };
}
