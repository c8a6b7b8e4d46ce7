/**
 * What the thread cards can do, bound to the store. The functions take positions, so the
 * object is created once and the memoized cards keep their props when a sibling changes.
 */
import { addReplyEdits, addThreadEdits, demoteThreadEdits, mergeThreadsEdits, promoteReplyEdits } from '../../../shared/index';
import type { Path, Value } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { formatPeopleName } from './names';
import { moveReplyEdits, moveThreadEdits, replyCount } from './moves';
import { repliesOf, threadsOf, isObj } from './threadValue';

export interface ThreadActions {
  set(path: Path, value: Value, label: string): void;
  toggle(t: number): void;
  addThread(after?: number): void;
  addReply(t: number, after?: number): void;
  deleteThread(t: number): void;
  deleteReply(t: number, r: number): void;
  moveThread(t: number, to: number): void;
  moveReply(t: number, r: number, toThread: number, toIndex: number): void;
  promote(t: number, r: number): void;
  demote(t: number, target: number, index?: number): void;
  merge(into: number, from: number): void;
  openMoveReply(t: number, r: number): void;
  openMoveThread(t: number): void;
  openDemote(t: number): void;
  openMerge(t: number): void;
}

export function threadActions(store: EditorStore): ThreadActions {
  const doc = () => store.get().book!.doc;
  const setToggled = (f: (s: Set<number>) => void) => {
    const next = new Set(store.get().ui.toggled);
    f(next);
    store.setUi({ toggled: next });
  };
  const expand = (t: number) => {
    const ui = store.get().ui;
    if (ui.expandedByDefault !== ui.toggled.has(t)) return;
    setToggled((s) => (s.has(t) ? s.delete(t) : s.add(t)));
  };
  const defaultReplier = (t: number): string => {
    // A new reply is most often the book's author answering: take the first author's name.
    const data = doc().data;
    const authors = isObj(data) && Array.isArray(data.authors) ? data.authors : [];
    const first = typeof authors[0] === 'string' ? authors[0] : '';
    const replies = repliesOf(threadsOf(data)[t]);
    return formatPeopleName(first, store.get().site.people) || (isObj(replies[0]) && typeof replies[0].name === 'string' ? replies[0].name : '');
  };
  return {
    set(path, value, label) {
      store.edit(label, [{ op: 'set', path, value }], `set:${path.join('.')}`);
    },
    toggle: (t) => setToggled((s) => (s.has(t) ? s.delete(t) : s.add(t))),
    addThread(after) {
      const n = threadsOf(doc().data).length;
      const at = after === undefined ? n : after + 1;
      if (store.edit('Add thread', addThreadEdits(doc(), { name: '', text: '' }, at))) store.focus(`archive.${at}.name`);
    },
    addReply(t, after) {
      const at = after === undefined ? replyCount(doc(), t) : after + 1;
      if (store.edit('Add reply', addReplyEdits(doc(), t, { name: defaultReplier(t), text: '' }, at))) {
        expand(t);
        store.focus(`archive.${t}.replies.${at}.text`);
      }
    },
    deleteThread(t) {
      if (store.edit('Delete thread', [{ op: 'remove', path: ['archive', t] }])) store.notify('info', `Thread ${t + 1} deleted. Undo brings it back.`);
    },
    deleteReply(t, r) {
      if (store.edit('Delete reply', [{ op: 'remove', path: ['archive', t, 'replies', r] }])) store.notify('info', `Reply ${r + 1} of thread ${t + 1} deleted. Undo brings it back.`);
    },
    moveThread(t, to) {
      const edits = moveThreadEdits(doc(), t, to);
      if (edits.length && store.edit('Move thread', edits)) store.focus(`archive.${to}`);
    },
    moveReply(t, r, toThread, toIndex) {
      const edits = moveReplyEdits(doc(), t, r, toThread, toIndex);
      if (edits.length && store.edit('Move reply', edits)) {
        expand(toThread);
        store.focus(`archive.${toThread}.replies.${toIndex}`);
      }
    },
    promote(t, r) {
      if (store.edit('Promote reply to thread', promoteReplyEdits(doc(), t, r))) store.focus(`archive.${t + 1}`);
    },
    demote(t, target, index) {
      const landed = target > t ? target - 1 : target;
      const at = index ?? replyCount(doc(), target);
      if (store.edit('Demote thread to reply', demoteThreadEdits(doc(), t, target, index))) {
        expand(landed);
        store.focus(`archive.${landed}.replies.${at}`);
      }
    },
    merge(into, from) {
      const landed = into > from ? into - 1 : into;
      if (store.edit('Merge threads', mergeThreadsEdits(doc(), into, from))) store.focus(`archive.${landed}`);
    },
    openMoveReply: (t, r) => store.openDialog({ kind: 'moveReply', thread: t, reply: r }),
    openMoveThread: (t) => store.openDialog({ kind: 'moveThread', thread: t }),
    openDemote: (t) => store.openDialog({ kind: 'demote', thread: t }),
    openMerge: (t) => store.openDialog({ kind: 'merge', thread: t }),
  };
}
