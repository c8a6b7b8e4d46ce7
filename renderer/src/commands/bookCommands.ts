/**
 * The book's actions as commands with arguments: each runs its edit from shared/book/edits
 * through the store (one undo step), then shows where the change landed.
 */
import {
  addAuthor, addLink, addReply, addThread, defaultReplier, demoteThread, editReply, editThread, fieldOf, listOf, mergeThreads, moveAuthor,
  moveLink, moveReply, moveThread, promoteReply, removeAuthor, removeLink, removeReply, removeThread, replyCount, setField, setLink, threadCount,
} from '../../../shared/index';
import { setBody } from '../../../shared/index';
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

/** What the book's commands do. */
export const BOOK_COMMANDS: Handlers<BookCommandId> = {
  'field.edit': { ...edit, run: ({ store }, args) => store.run(setField, args) },
  'body.edit': { ...edit, run: ({ store }, args) => store.run(setBody, args) },
  'author.add': { ...edit, run: ({ store }, args) => store.run(addAuthor, args) },
  'author.remove': { ...edit, run: ({ store }, args) => store.run(removeAuthor, args) },
  'author.move': { ...edit, run: ({ store }, args) => store.run(moveAuthor, args) },
  'link.add': {
    ...edit,
    run: ({ store }) => {
      const n = listOf(fieldOf(dataOf(store), 'links')).length;
      if (store.run(addLink, undefined)) store.focus(`links.${n}.text`);
    },
  },
  'link.edit': { ...edit, run: ({ store }, args) => store.run(setLink, args) },
  'link.delete': { ...edit, run: ({ store }, args) => store.run(removeLink, args) },
  'link.move': { ...edit, run: ({ store }, args) => store.run(moveLink, args) && store.focus(`links.${args.to}`) },
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
  'thread.delete': { ...edit, run: ({ store }, args) => store.run(removeThread, args) && store.notify('info', `Thread ${args.thread + 1} deleted. Undo brings it back.`) },
  'thread.move': { ...edit, run: ({ store }, args) => store.run(moveThread, args) && store.focus(`archive.${args.to}`) },
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
  'reply.delete': { ...edit, run: ({ store }, args) => store.run(removeReply, args) && store.notify('info', `Reply ${args.reply + 1} of thread ${args.thread + 1} deleted. Undo brings it back.`) },
  'reply.move': {
    ...edit,
    run: ({ store }, args) => {
      if (!store.run(moveReply, args)) return;
      expand(store, args.toThread);
      store.focus(`archive.${args.toThread}.replies.${args.toIndex}`);
    },
  },
  'reply.moveTo': { ...edit, run: ({ store }, { thread, reply }) => store.openDialog({ kind: 'moveReply', thread, reply }) },
  'reply.promote': { ...edit, run: ({ store }, args) => store.run(promoteReply, args) && store.focus(`archive.${args.thread + 1}`) },
};
