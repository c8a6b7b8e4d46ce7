/**
 * What an import would bring into a book: the threads of the chosen channel in the window,
 * each with its replies wherever they were posted, converted to the site's markdown and
 * flagged for the user's review; and what was left out, and why.
 */
import type { Reply } from '../index';
import { loadEmoji } from './emoji';
import { markdownLink, mrkdwnToMarkdown } from './mrkdwn';
import type { MrkdwnContext } from './mrkdwn';
import { SKIP_REASONS } from './message';
import type { KeptMessage, SkipReason } from './message';
import { readExport } from './readExport';
import type { ExportProblem } from './readExport';
import type { ExportSource } from './source';
import { windowFor } from './window';
import type { ImportWindow } from './window';

/** The channel the site's Q&A happens in. */
export const DEFAULT_CHANNEL = 'book-of-the-week';

/** The user's choices; each has a default. */
export interface PlanOptions {
  /** Channel name, default `book-of-the-week`. */
  readonly channel?: string;
  /** First day of the window, `YYYY-MM-DD` (UTC); default the day before the book's start. */
  readonly from?: string;
  /** Last day of the window, `YYYY-MM-DD` (UTC), included; default the day after the book's end. */
  readonly to?: string;
}

/**
 * Why a thread deserves a look before it is imported: `announcement` (the host's post: an
 * @channel, @here or @everyone, or a post without a question by someone who made one),
 * `no-question` (no question mark in its text), `custom-emoji` (a workspace emoji kept as
 * `:name:`), `tombstone` (its first message was deleted; the replies are kept under it).
 */
export type ThreadFlag = 'announcement' | 'no-question' | 'custom-emoji' | 'tombstone';

/** A thread as it would be imported, with what the dialog shows about it. */
export interface PlannedThread {
  /** The Slack `ts` of its first message: unique, stable between plans. */
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly replies: readonly Reply[];
  /** The first non-empty line of its text (at most 160 characters). */
  readonly firstLine: string;
  readonly flags: readonly ThreadFlag[];
  /** The custom emoji its messages use, without colons. */
  readonly customEmoji: readonly string[];
  /** A thread with this name and text is already in the book's archive: importing skips it. */
  readonly inArchive: boolean;
}

/** Messages left out for one reason. */
export interface Skipped {
  readonly reason: SkipReason;
  /** The reason in words. */
  readonly message: string;
  readonly count: number;
}

/** Everything the dialog and the command line show before importing. */
export interface ImportPlan {
  readonly channel: string;
  /** Channels of the export with at least one day file, sorted. */
  readonly channels: readonly string[];
  readonly window: ImportWindow;
  /** Threads in the order they were started. */
  readonly threads: readonly PlannedThread[];
  /** Replies in all threads. */
  readonly replies: number;
  /** Messages left out, by reason, most frequent first. */
  readonly skipped: readonly Skipped[];
  /** Files that could not be used (bad day files with line and column, paths leaving the export, unknown users). */
  readonly problems: readonly ExportProblem[];
}

const CHANNEL_WIDE = /<!(?:here|channel|everyone)(?:\|[^>]*)?>/;
const byTs = (a: KeptMessage, b: KeptMessage) => compareTs(a.ts, b.ts);

/** Orders Slack ts values exactly (as numbers they lose the last digits). */
function compareTs(a: string, b: string): number {
  const [as, af = ''] = a.split('.');
  const [bs, bf = ''] = b.split('.');
  return as!.length - bs!.length || (as! < bs! ? -1 : as! > bs! ? 1 : 0) || (af.padEnd(9, '0') < bf.padEnd(9, '0') ? -1 : af.padEnd(9, '0') > bf.padEnd(9, '0') ? 1 : 0);
}

/** The name+text key by which a thread already in the archive is recognized. */
export const threadKey = (t: { readonly name: string; readonly text: string }) => `${t.name}\u0000${t.text}`;

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > 160 ? line.slice(0, 159) + '…' : line;
}

/**
 * Reads an export in one pass and plans the import of its threads into a book (its `start`,
 * `end` and `archive`, as `bookOf` gives them). Rejects with an ImportError for an export that
 * cannot be read or is not one, a users.json that is not valid JSON, or a bad window; bad day
 * files are problems of the plan, and the rest is planned.
 */
export async function planImport(source: ExportSource, book: { readonly start: string; readonly end: string; readonly archive: readonly { readonly name: string; readonly text: string }[] }, options: PlanOptions = {}): Promise<ImportPlan> {
  const channel = options.channel ?? DEFAULT_CHANNEL;
  const window = windowFor(book, options);
  const [emoji, content] = await Promise.all([loadEmoji(), readExport(source, channel, window)]);
  const ctx: MrkdwnContext = { users: content.users, channels: content.channels, emoji };
  const skipped = new Map(content.skipped);
  const skip = (reason: SkipReason, n = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + n);
  const problems = [...content.problems];
  if (!content.channelNames.includes(channel)) problems.push({ file: channel, message: `the export has no channel "${channel}"` });

  // One message per ts (an export may repeat one), parents and replies apart.
  const seen = new Map<string, KeptMessage>();
  const parents: KeptMessage[] = [];
  const replies = new Map<string, KeptMessage[]>();
  for (const m of content.messages.slice().sort(byTs)) {
    const twin = seen.get(m.ts);
    if (twin) {
      if (twin.broadcast || m.broadcast) skip('broadcast');
      continue;
    }
    seen.set(m.ts, m);
    if (m.threadTs === null) parents.push(m);
    else {
      const list = replies.get(m.threadTs);
      if (list) list.push(m);
      else replies.set(m.threadTs, [m]);
    }
  }

  const unknown = new Map<string, number>();
  const nameOf = (m: KeptMessage): string => {
    if (m.tombstone && (m.user === 'USLACKBOT' || m.user === '')) return '(deleted message)';
    const name = content.users.get(m.user) ?? m.profileName;
    if (name !== null) return name;
    unknown.set(m.user, (unknown.get(m.user) ?? 0) + 1);
    return m.user;
  };
  const convert = (m: KeptMessage, custom: Set<string>): Reply => {
    const c = mrkdwnToMarkdown(m.text, ctx);
    c.customEmoji.forEach((e) => custom.add(e));
    const links = m.files.map((f) => markdownLink(f.title, f.url));
    return { name: nameOf(m), text: [c.text, ...links].filter((t) => t !== '').join('\n') };
  };
  const hosts = new Set(parents.filter((m) => CHANNEL_WIDE.test(m.text)).map((m) => m.user));
  const archived = new Set(book.archive.map(threadKey));

  const threads: PlannedThread[] = [];
  let replyCount = 0;
  for (const parent of parents) {
    const own = replies.get(parent.ts) ?? [];
    replies.delete(parent.ts);
    if (parent.tombstone && own.length === 0) {
      skip('deleted');
      continue;
    }
    const custom = new Set<string>();
    const head = convert(parent, custom);
    const converted = own.map((r) => ({ broadcast: r.broadcast, reply: convert(r, custom) }));
    // A reply also sent to the channel is dropped when the thread holds it as a plain reply too;
    // when it is the only copy, it is the reply.
    const plain = new Set(converted.filter((c) => !c.broadcast).map((c) => threadKey(c.reply)));
    const kept: Reply[] = [];
    for (const c of converted) {
      if (c.broadcast && plain.has(threadKey(c.reply))) skip('broadcast');
      else kept.push(c.reply);
    }
    const flags: ThreadFlag[] = [];
    const noQuestion = !head.text.includes('?');
    if (CHANNEL_WIDE.test(parent.text) || (hosts.has(parent.user) && noQuestion)) flags.push('announcement');
    if (noQuestion) flags.push('no-question');
    if (custom.size > 0) flags.push('custom-emoji');
    if (parent.tombstone) flags.push('tombstone');
    replyCount += kept.length;
    threads.push({ id: parent.ts, ...head, replies: kept, firstLine: firstLine(head.text), flags, customEmoji: [...custom].sort(), inArchive: archived.has(threadKey(head)) });
  }
  for (const orphans of replies.values()) skip('orphan', orphans.length);
  for (const [user, n] of unknown) problems.push({ file: 'users.json', message: `${n} message${n === 1 ? '' : 's'} by ${user}, who is in neither users.json nor the message's profile: named by the id` });

  return {
    channel,
    channels: content.channelNames,
    window,
    threads,
    replies: replyCount,
    skipped: [...skipped].map(([reason, count]) => ({ reason, message: SKIP_REASONS[reason], count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    problems,
  };
}
