/**
 * The book's actions as commands with arguments: each runs its edit from shared/book/edits
 * through the store (one undo step), then shows where the change landed.
 */
import {
  addAuthor, addLink, addReply, addThread, authorsOf, defaultReplier, demoteThread, editReply, editThread, fieldOf, isObj, listOf, mergeThreads, moveAuthor,
  moveLink, moveReply, moveThread, nameOf, promoteReply, removeAuthor, removeLink, removeReply, removeThread, repliesOf, replyCount, setField, setLink, str,
  threadCount, threadMatches, threadsOf, plural, setBody } from '../../../shared/index';
import type { MoveVia } from '../../../shared/commands';
import type { EditorStore } from '../store/editorStore';
import { expandedWith, toggledWith } from '../store/uiSlice';
import { canEditForm, hasBook } from './handler';
import type { Handlers } from './handler';

type BookCommandId =
  | 'field.edit' | 'author.add' | 'author.remove' | 'author.move' | 'link.add' | 'link.edit' | 'link.delete' | 'link.move'
  | 'thread.add' | 'thread.toggle' | 'thread.edit' | 'thread.delete' | 'thread.move' | 'thread.moveTo' | 'thread.demote' | 'thread.demoteTo' | 'thread.merge' | 'thread.mergeInto'
  | 'reply.add' | 'reply.edit' | 'reply.delete' | 'reply.move' | 'reply.moveTo' | 'reply.promote'
  | 'body.edit';

const dataOf = (store: EditorStore) => store.get().book?.doc.data ?? null;
const expand = (store: EditorStore, t: number) => store.setUi({ toggled: expandedWith(store.get().ui, t) });
const edit = { enabled: canEditForm };

/**
 * Focus on an item that moved to `path`: the control it was moved with, in its new slot (its Move up button
 * after Move up, so a second Enter moves it again; the other one at the end of the list; its handle after a
 * drag), or the same field after Alt+Arrow in a field; `fallbacks` when it is not on screen.
 */
function focusMoved(store: EditorStore, path: string, via: MoveVia | undefined, fallbacks: readonly string[] = []): void {
  if (via === 'name' || via === 'text' || via === 'link') return store.focus(`${path}.${via}`, false, { fallbacks });
  const order = via === 'up' ? ['up', 'down', 'handle'] : via === 'down' ? ['down', 'up', 'handle'] : via === 'handle' ? ['handle'] : [];
  store.focus(path, false, { controls: order.map((c) => `${path}:${c}`), fallbacks });
}

const authorName = (store: EditorStore, id: string) => store.get().site.people.find((p) => p.id === id)?.name ?? id;
const authorsNow = (store: EditorStore) => authorsOf({ authors: fieldOf(dataOf(store), 'authors') ?? null });
const linkName = (store: EditorStore, i: number) => {
  const l = listOf(fieldOf(dataOf(store), 'links'))[i];
  return isObj(l) ? str(l.text) || str(l.link) || 'empty' : 'empty';
};

/** What the book's commands do. */
export const BOOK_COMMANDS: Handlers<BookCommandId> = {
  'field.edit': { ...edit, run: ({ store }, args) => store.run(setField, args) },
  'body.edit': { ...edit, run: ({ store }, args) => store.run(setBody, args) },
  'author.add': { ...edit, run: ({ store }, args) => store.run(addAuthor, args) && store.announce(`Added author ${authorName(store, args.author)}; ${plural(authorsNow(store).length, 'author')}.`) },
  'author.remove': {
    ...edit,
    run: ({ store }, { index }) => {
      const name = authorName(store, authorsNow(store)[index] ?? '');
      if (!store.run(removeAuthor, { index })) return;
      const left = authorsNow(store).length;
      // The next chip (the one that took its place), else the input to add one.
      store.focus('authors', false, { controls: [`authors.${index}:chip`, 'authors:input'] });
      store.announce(`Removed author ${name}; ${left ? plural(left, 'author') : 'no authors'} left.`);
    },
  },
  'author.move': {
    ...edit,
    run: ({ store }, args) => {
      if (!store.run(moveAuthor, args)) return;
      const list = authorsNow(store);
      store.focus(`authors.${args.to}`, false, { controls: [`authors.${args.to}:chip`] });
      store.announce(`${authorName(store, list[args.to] ?? '')} moved to position ${args.to + 1} of ${list.length}.`);
    },
  },
  'link.add': {
    ...edit,
    run: ({ store }) => {
      const n = listOf(fieldOf(dataOf(store), 'links')).length;
      if (store.run(addLink, undefined)) store.focus(`links.${n}.text`);
    },
  },
  'link.edit': { ...edit, run: ({ store }, args) => store.run(setLink, args) },
  'link.delete': {
    ...edit,
    run: ({ store }, { index }) => {
      const name = linkName(store, index);
      if (!store.run(removeLink, { index })) return;
      const left = listOf(fieldOf(dataOf(store), 'links')).length;
      store.focus(`links.${index}`, false, { controls: [`links.${index}:delete`, `links.${index - 1}:delete`, 'links:add'] });
      store.announce(`Deleted link ${index + 1}, ${name}; ${plural(left, 'link')} left.`);
    },
  },
  'link.move': {
    ...edit,
    run: ({ store }, { from, to, via }) => {
      if (!store.run(moveLink, { from, to })) return;
      const how = via ?? (to < from ? 'up' : 'down');
      focusMoved(store, `links.${to}`, how === 'card' ? 'handle' : how);
      store.announce(`Link ${linkName(store, to)} moved to position ${to + 1} of ${listOf(fieldOf(dataOf(store), 'links')).length}.`);
    },
  },
  'thread.add': {
    ...edit,
    run: ({ store }, args) => {
      const at = args?.after === undefined ? threadCount(dataOf(store)) : args.after + 1;
      if (!store.run(addThread, { index: at })) return;
      // From the toolbar or the keyboard: show the new thread whatever the view and the filter.
      if (args?.after === undefined) store.setUi({ view: 'form', threadFilter: '' });
      store.focus(`archive.${at}.name`);
    },
  },
  'thread.toggle': { enabled: hasBook, run: ({ store }, { thread }) => store.setUi({ toggled: toggledWith(store.get().ui, thread) }) },
  'thread.edit': { ...edit, run: ({ store }, args) => store.run(editThread, args) },
  'thread.delete': {
    ...edit,
    run: ({ store }, { thread }) => {
      const value = threadsOf(dataOf(store))[thread];
      const replies = repliesOf(value).length;
      if (!store.run(removeThread, { thread })) return;
      // The thread that took its place, else the one before, else the filter at the top of the list.
      store.focus(`archive.${thread}`, false, { fallbacks: [`archive.${thread - 1}`, '#thread-filter'] });
      const what = `Thread ${thread + 1} by ${nameOf(value) || 'nobody yet'}${replies ? ` and its ${plural(replies, 'reply', 'replies')}` : ''}`;
      store.notify('info', `${what} deleted.`, { label: 'Undo delete', command: 'undo' });
    },
  },
  'thread.move': {
    ...edit,
    run: ({ store }, { thread, to, via }) => {
      if (!store.run(moveThread, { thread, to })) return;
      focusMoved(store, `archive.${to}`, via);
      store.announce(`Thread by ${nameOf(threadsOf(dataOf(store))[to]) || 'nobody yet'} moved to position ${to + 1} of ${threadCount(dataOf(store))}.`);
    },
  },
  'thread.moveTo': { ...edit, run: ({ store }, { thread }) => store.openDialog({ kind: 'moveThread', thread }) },
  'thread.demote': {
    ...edit,
    run: ({ store }, args) => {
      const landed = args.target > args.thread ? args.target - 1 : args.target;
      const at = args.index ?? replyCount(dataOf(store), args.target);
      if (!store.run(demoteThread, args)) return;
      expand(store, landed);
      store.focus(`archive.${landed}.replies.${at}`);
    },
  },
  'thread.demoteTo': { ...edit, run: ({ store }, { thread }) => store.openDialog({ kind: 'demote', thread }) },
  'thread.merge': { ...edit, run: ({ store }, args) => store.run(mergeThreads, args) && store.focus(`archive.${args.into > args.from ? args.into - 1 : args.into}`) },
  'thread.mergeInto': { ...edit, run: ({ store }, { thread }) => store.openDialog({ kind: 'merge', thread }) },
  'reply.add': {
    ...edit,
    run: ({ store }, { thread, after }) => {
      const data = dataOf(store);
      const index = after === undefined ? replyCount(data, thread) : after + 1;
      if (!store.run(addReply, { thread, index, reply: { name: defaultReplier(data, thread, store.get().site.people), text: '' } })) return;
      expand(store, thread);
      store.focus(`archive.${thread}.replies.${index}.text`);
    },
  },
  'reply.edit': { ...edit, run: ({ store }, args) => store.run(editReply, args) },
  'reply.delete': {
    ...edit,
    run: ({ store }, { thread, reply }) => {
      if (!store.run(removeReply, { thread, reply })) return;
      store.focus(`archive.${thread}.replies.${reply}`, false, { fallbacks: [`archive.${thread}.replies.${reply - 1}`, `archive.${thread}`] });
      store.notify('info', `Reply ${reply + 1} of thread ${thread + 1} deleted.`, { label: 'Undo delete', command: 'undo' });
    },
  },
  'reply.move': {
    ...edit,
    run: ({ store }, { thread, reply, toThread, toIndex, via }) => {
      if (!store.run(moveReply, { thread, reply, toThread, toIndex })) return;
      expand(store, toThread);
      const target = threadsOf(dataOf(store))[toThread];
      const hidden = target !== undefined && !threadMatches(target, store.get().ui.threadFilter);
      // A target thread the filter hides: focus stays where the reply was (the reply that took its place, its thread), in view.
      const fallbacks = [`archive.${thread}.replies.${reply}`, `archive.${thread}.replies.${reply - 1}`, `archive.${thread}`, '#thread-filter'];
      if (hidden) {
        store.focus(fallbacks[0]!, false, { fallbacks: fallbacks.slice(1) });
        store.notify('info', `Reply moved to thread ${toThread + 1}, which the filter hides.`);
      }
      else focusMoved(store, `archive.${toThread}.replies.${toIndex}`, via, fallbacks);
      const where = `position ${toIndex + 1} of ${repliesOf(target).length} in thread ${toThread + 1}`;
      store.announce(`Reply by ${nameOf(repliesOf(target)[toIndex]) || 'nobody yet'} moved to ${where}${hidden ? ', which the filter hides' : ''}.`);
    },
  },
  'reply.moveTo': { ...edit, run: ({ store }, { thread, reply }) => store.openDialog({ kind: 'moveReply', thread, reply }) },
  'reply.promote': { ...edit, run: ({ store }, args) => store.run(promoteReply, args) && store.focus(`archive.${args.thread + 1}`) },
};
