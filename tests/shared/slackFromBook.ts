// A Slack export made from a book's own archive, for the corpus round trip: each thread
// becomes a message of #book-of-the-week in the book's week and each reply a message of its
// thread (the second and later ones ten days after the week, so they live in later day
// files), the site's markdown turned back into Slack's form as far as the importer reads it.
import type { EmojiTable } from '../../shared/slack';
import { openBook } from '../../shared/index';
import type { Thread } from '../../shared/index';
import { exportFiles, slackTs, user } from './slackFixtures';
import type { Files } from './slackFixtures';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const EMOJI = /\p{RI}\p{RI}|(?:\p{Extended_Pictographic}|[#*0-9]\uFE0F?\u20E3)(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?)*/gu;

/** The site's markdown as Slack would hold it: the inverse of the importer's conversion where one exists. */
export function markdownToSlack(text: string, emoji: EmojiTable): string {
  const holes: string[] = [];
  const hold = (s: string) => `\uE000${holes.push(s) - 1}\uE001`;
  let out = text.replace(/```[\s\S]*?```/g, (m) => hold(escape(m)));
  out = out.replace(/`[^`\n]+`/g, (m) => hold(escape(m)));
  out = out.replace(/\[([^\]\n]*)\]\(([^()\s]+)\)/g, (_, label: string, url: string) => hold(`<${escape(url)}|${escape(label)}>`));
  out = out.replace(/(?<![\p{L}\p{N}*])\*\*([^\s*](?:[^*\n]*[^\s*])?)\*\*(?![\p{L}\p{N}*])/gu, (m, x: string) => hold(`*${escape(x)}*`));
  out = out.replace(/(?<![\p{L}\p{N}*_])\*([^\s*_](?:[^*_\n]*[^\s*_])?)\*(?![\p{L}\p{N}*_])/gu, (m, x: string) => hold(`_${escape(x)}_`));
  out = out.replace(/(?<![\p{L}\p{N}~])~~([^\s~](?:[^~\n]*[^\s~])?)~~(?![\p{L}\p{N}~])/gu, (m, x: string) => hold(`~${escape(x)}~`));
  out = out.replace(EMOJI, (m) => {
    const found = emoji.nameOf(m);
    if (!found || emoji.lookup(found.name, found.tone) !== m) return m;
    return hold(`:${found.name}:${found.tone ? `:skin-tone-${found.tone}:` : ''}`);
  });
  out = escape(out);
  const HOLE = /\uE000(\d+)\uE001/g;
  const expand = (s: string): string => s.replace(HOLE, (_, i: string) => expand(holes[Number(i)]!));
  return expand(out);
}

/** A book's text without its archive: as it was before the archive was pasted in at the end. */
export function withoutArchive(text: string): string {
  const doc = openBook(text);
  const entry = doc.tree!.root.entries.find((e) => e.key === 'archive')!;
  return text.slice(0, doc.tree!.base + doc.tree!.root.start + entry.start) + text.slice(doc.split!.end);
}

/** The export of a book's archive, for a book whose week starts on `start` (`YYYY-MM-DD`). */
export function exportOfArchive(archive: readonly Thread[], start: string, emoji: EmojiTable): Files {
  const ids = new Map<string, string>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (!id) ids.set(name, (id = `U${String(ids.size + 1).padStart(5, '0')}`));
    return id;
  };
  const days = new Map<string, unknown[]>();
  const post = (ts: string, message: object) => {
    const day = new Date(Number.parseFloat(ts) * 1000).toISOString().slice(0, 10);
    if (!days.has(day)) days.set(day, []);
    days.get(day)!.push({ type: 'message', ts, ...message });
  };
  post(slackTs(start, 60), { subtype: 'channel_join', user: 'UJOIN', text: '<@UJOIN> has joined the channel' });
  archive.forEach((t, i) => {
    const ts = slackTs(start, 3600 + i * 60);
    post(ts, { user: idOf(t.name), text: markdownToSlack(t.text, emoji), ...(t.replies.length ? { thread_ts: ts, reply_count: t.replies.length } : {}) });
    t.replies.forEach((r, j) => {
      const at = j === 0 ? slackTs(start, 3600 + i * 60 + 1) : slackTs(start, 17 * 86_400 + i * 60 + j);
      post(at, { user: idOf(r.name), thread_ts: ts, text: markdownToSlack(r.text, emoji) });
    });
  });
  // Alternate how names are given: as display names, and as real names with an empty display name.
  const users = [...ids].map(([name, id], k) => (k % 2 ? user(id, { display: name }) : user(id, { display: '', real: name })));
  users.push(user('UJOIN', { display: 'Joiner' }));
  return exportFiles({
    users,
    days: {
      'book-of-the-week': Object.fromEntries(days),
      general: { [start]: [{ type: 'message', ts: slackTs(start, 100), user: 'UJOIN', text: 'Elsewhere' }] },
    },
  });
}
