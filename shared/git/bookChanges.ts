/**
 * What changed in a book, in words: compares the book's value at HEAD with its value now
 * (never the text), and says it as a person would: "add 2 replies", "move 1 reply", "fix
 * the title". Threads, replies and links are aligned with a sequence diff; an item that
 * left one place and arrived at another is a move, one changed in place is an edit.
 */
import type { BookDocument } from '../book/document';
import { bookOf, BOOK_KEYS } from '../book/model';
import type { Book, Link, Reply, Thread } from '../book/model';
import { isPlainObject, valueEquals } from '../yaml/value';
import { alignLists, takeEdits, takeMoves } from './alignLists';
import type { Hunk } from './alignLists';

/** The verbs of a change, in the order a message lists them. */
export const VERBS = ['add', 'move', 'turn', 'edit', 'fix', 'change', 'reorder', 'remove'] as const;

/** One thing done to a book: a verb and what it was done to, e.g. add / "2 replies". */
export interface Phrase {
  readonly verb: (typeof VERBS)[number];
  readonly object: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const keyOf = (x: Reply) => `${x.name}\u0000${x.text}`;
const sameItem = (a: Reply, b: Reply) => a.name === b.name && a.text === b.text;

/** Keeps in each hunk only the indices still in the pools. */
function keepInHunks(hunks: readonly Hunk[], removed: ReadonlySet<number>, added: ReadonlySet<number>): void {
  for (const h of hunks) {
    h.removed.splice(0, h.removed.length, ...h.removed.filter((i) => removed.has(i)));
    h.added.splice(0, h.added.length, ...h.added.filter((j) => added.has(j)));
  }
}

/** A reply in one version of the book: its thread, its index, and itself. */
interface Placed {
  readonly pair: number;
  readonly index: number;
  readonly reply: Reply;
}

/** The changes to the Q&A archive as phrases. */
function archivePhrases(before: readonly Thread[], after: readonly Thread[]): Phrase[] {
  const threads = alignLists(before, after, sameItem);
  const removedT = threads.hunks.flatMap((h) => h.removed);
  const addedT = threads.hunks.flatMap((h) => h.added);
  const movedT = takeMoves(removedT, addedT, (i) => keyOf(before[i]!), (j) => keyOf(after[j]!));
  keepInHunks(threads.hunks, new Set(removedT), new Set(addedT));
  // A thread whose asker stayed the same but whose question changed is the same thread, edited.
  const editedT = threads.hunks.flatMap((h) => takeEdits(h, (r, a) => before[r]!.name === after[a]!.name));
  const goneT = threads.hunks.flatMap((h) => h.removed);
  const newT = threads.hunks.flatMap((h) => h.added);
  const paired = [...threads.kept, ...editedT, ...movedT];

  // Replies: aligned within each pair of threads, then pooled so that a reply may move between threads.
  const replyHunks: Hunk[][] = [];
  const removedR: Placed[] = [];
  const addedR: Placed[] = [];
  paired.forEach(([i, j], k) => {
    const from = before[i]!.replies;
    const to = after[j]!.replies;
    const a = alignLists(from, to, sameItem);
    replyHunks.push(a.hunks);
    for (const h of a.hunks) {
      for (const r of h.removed) removedR.push({ pair: k, index: r, reply: from[r]! });
      for (const r of h.added) addedR.push({ pair: k, index: r, reply: to[r]! });
    }
  });
  for (const i of goneT) for (const reply of before[i]!.replies) removedR.push({ pair: -1, index: -1, reply });
  for (const j of newT) for (const reply of after[j]!.replies) addedR.push({ pair: -1, index: -1, reply });

  const promoted = takeMoves(removedR, newT, (p) => keyOf(p.reply), (j) => keyOf(after[j]!)).length;
  const demoted = takeMoves(goneT, addedR, (i) => keyOf(before[i]!), (p) => keyOf(p.reply)).length;
  const movedReplies = takeMoves(removedR, addedR, (p) => keyOf(p.reply), (p) => keyOf(p.reply)).length;
  // What is left in a pair of threads, at the same place and by the same person, is an edit.
  const left = (pool: readonly Placed[]) => {
    const byPair = paired.map(() => new Set<number>());
    for (const p of pool) if (p.pair >= 0) byPair[p.pair]!.add(p.index);
    return byPair;
  };
  const removedLeft = left(removedR);
  const addedLeft = left(addedR);
  let editedReplies = 0;
  replyHunks.forEach((hunks, k) => {
    keepInHunks(hunks, removedLeft[k]!, addedLeft[k]!);
    const [i, j] = paired[k]!;
    for (const h of hunks) editedReplies += takeEdits(h, (r, a) => before[i]!.replies[r]!.name === after[j]!.replies[a]!.name).length;
  });

  const out: Phrase[] = [];
  const both = (verb: Phrase['verb'], t: number, r: number) => {
    if (t) out.push({ verb, object: count(t, 'thread', 'threads') });
    if (r) out.push({ verb, object: count(r, 'reply', 'replies') });
  };
  both('add', newT.length, addedR.length - editedReplies);
  both('move', movedT.length, movedReplies);
  if (promoted) out.push({ verb: 'turn', object: `${count(promoted, 'reply', 'replies')} into ${promoted === 1 ? 'a thread' : 'threads'}` });
  if (demoted) out.push({ verb: 'turn', object: `${count(demoted, 'thread', 'threads')} into ${demoted === 1 ? 'a reply' : 'replies'}` });
  both('edit', editedT.length, editedReplies);
  both('remove', goneT.length, removedR.length - editedReplies);
  return out;
}

/** The changes to the links as phrases. */
function linkPhrases(before: readonly Link[], after: readonly Link[]): Phrase[] {
  const a = alignLists(before, after, (x, y) => x.text === y.text && x.link === y.link);
  const removed = a.hunks.flatMap((h) => h.removed);
  const added = a.hunks.flatMap((h) => h.added);
  const key = (l: Link) => `${l.text}\u0000${l.link}`;
  const moved = takeMoves(removed, added, (i) => key(before[i]!), (j) => key(after[j]!)).length;
  keepInHunks(a.hunks, new Set(removed), new Set(added));
  const edited = a.hunks.flatMap((h) => takeEdits(h, (r, j) => before[r]!.link === after[j]!.link || before[r]!.text === after[j]!.text)).length;
  const out: Phrase[] = [];
  const left = (side: 'removed' | 'added') => a.hunks.reduce((n, h) => n + h[side].length, 0);
  if (left('added')) out.push({ verb: 'add', object: count(left('added'), 'link', 'links') });
  if (moved) out.push({ verb: 'move', object: count(moved, 'link', 'links') });
  if (edited) out.push({ verb: 'edit', object: count(edited, 'link', 'links') });
  if (left('removed')) out.push({ verb: 'remove', object: count(left('removed'), 'link', 'links') });
  return out;
}

/** Items of `a` not matched one for one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const at = left.indexOf(x);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

const names = (list: readonly string[]) => (list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

/** The changes to the authors as phrases. */
function authorPhrases(before: readonly string[], after: readonly string[]): Phrase[] {
  const added = minus(after, before);
  const removed = minus(before, after);
  const out: Phrase[] = [];
  if (added.length) out.push({ verb: 'add', object: `${added.length === 1 ? 'author' : 'authors'} ${names(added)}` });
  if (removed.length) out.push({ verb: 'remove', object: `${removed.length === 1 ? 'author' : 'authors'} ${names(removed)}` });
  if (!added.length && !removed.length && before.join('\u0000') !== after.join('\u0000')) out.push({ verb: 'reorder', object: 'the authors' });
  return out;
}

/** The changes to the single fields as phrases. */
function fieldPhrases(before: Book, after: Book): Phrase[] {
  const out: Phrase[] = [];
  if (before.title !== after.title) out.push({ verb: 'fix', object: 'the title' });
  if (before.description !== after.description) out.push({ verb: 'fix', object: 'the description' });
  if (before.cover !== after.cover) out.push({ verb: 'change', object: 'the cover' });
  if (before.image !== after.image) out.push({ verb: 'change', object: 'the image' });
  const start = before.start !== after.start;
  const end = before.end !== after.end;
  if (start && end) out.push({ verb: 'change', object: 'the week' });
  else if (start) out.push({ verb: 'change', object: 'the start' });
  else if (end) out.push({ verb: 'change', object: 'the end' });
  return out;
}

/** Keys outside the book's own (a typo such as `list:`), added, removed or changed. */
function otherKeyPhrases(before: Record<string, unknown>, after: Record<string, unknown>): Phrase[] {
  const known = new Set<string>(BOOK_KEYS);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !known.has(k));
  return keys.flatMap((k): Phrase[] => {
    const has = [Object.hasOwn(before, k), Object.hasOwn(after, k)];
    if (has[0] && !has[1]) return [{ verb: 'remove', object: k }];
    if (!has[0] && has[1]) return [{ verb: 'add', object: k }];
    return valueEquals(before[k], after[k]) ? [] : [{ verb: 'edit', object: k }];
  });
}

/**
 * What changed between two readings of a book, as phrases in the order of VERBS. Empty
 * when the values are equal (only the formatting changed); null when either side's front
 * matter cannot be read, so that no value can be compared.
 */
export function bookChangePhrases(before: BookDocument, after: BookDocument): Phrase[] | null {
  const a = bookOf(before.data);
  const b = bookOf(after.data);
  if (!a || !b || !isPlainObject(before.data) || !isPlainObject(after.data)) return null;
  const phrases = [
    ...archivePhrases(a.archive, b.archive),
    ...linkPhrases(a.links, b.links),
    ...authorPhrases(a.authors, b.authors),
    ...fieldPhrases(a, b),
    ...otherKeyPhrases(before.data, after.data),
  ];
  if (before.body !== after.body) phrases.push({ verb: 'edit', object: 'the body' });
  return VERBS.flatMap((v) => phrases.filter((p) => p.verb === v));
}
