/**
 * Drag and drop of replies and threads. A reply drops between the replies of any thread
 * (or onto a thread, to land at its end); a thread drops between threads. The drop line
 * lives in a tiny store of its own, so a drag re-renders only the two cards it touches.
 */
import { DndContext, DragOverlay, PointerSensor, closestCenter, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import type { Active, ClientRect, CollisionDetection, DragEndEvent, DragMoveEvent, KeyboardCoordinateGetter, KeyboardSensorOptions, Over } from '@dnd-kit/core';
import { memo, useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createStore } from '../store/createStore';
import { PromptKeyboardSensor } from '../ui/PromptKeyboardSensor';

export type DragItem = { readonly kind: 'reply'; readonly thread: number; readonly reply: number; readonly label: string } | { readonly kind: 'thread'; readonly thread: number; readonly label: string };
export type DropTarget = { readonly kind: 'reply'; readonly thread: number; readonly reply: number } | { readonly kind: 'replyEnd'; readonly thread: number } | { readonly kind: 'thread'; readonly thread: number };
export type DropPosition = 'before' | 'after' | 'inside';

interface Indicator {
  readonly id: string | null;
  readonly position: DropPosition | null;
}

const indicator = createStore<Indicator>({ id: null, position: null });

/** Where the drop line is for one droppable: before, after, inside, or null. */
export function useDropIndicator(id: string): DropPosition | null {
  return useSyncExternalStore(indicator.subscribe, () => (indicator.get().id === id ? indicator.get().position : null));
}

export const replyDropId = (t: number, r: number) => `drop-reply-${t}-${r}`;
export const replyEndDropId = (t: number) => `drop-end-${t}`;
export const threadDropId = (t: number) => `drop-thread-${t}`;

/** Where an item lands when dropped before or after item `over` of a list it may already be in (at `from`, or -1). */
function landingIndex(from: number, over: number, after: boolean): number {
  const index = after ? over + 1 : over;
  return from >= 0 && from < index ? index - 1 : index;
}

const accepts = (item: DragItem | undefined, target: DropTarget | undefined): boolean =>
  !!item && !!target && (item.kind === 'thread' ? target.kind === 'thread' : true);

const contains = (r: ClientRect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
const centerOf = (r: ClientRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** The droppable under the pointer (or the dragged box's center, from the keyboard), preferring replies over the thread around them. */
const collision: CollisionDetection = (args) => {
  const item = args.active.data.current as DragItem | undefined;
  const candidates = args.droppableContainers.filter((c) => accepts(item, c.data.current as DropTarget | undefined));
  const point = args.pointerCoordinates ?? centerOf(args.collisionRect);
  const rank = (c: (typeof candidates)[number]) => ((c.data.current as DropTarget).kind === 'thread' ? 1 : 0);
  const hits = candidates
    .filter((c) => {
      const r = args.droppableRects.get(c.id);
      return r && contains(r, point.x, point.y);
    })
    .sort((a, b) => rank(a) - rank(b));
  if (hits.length) return [{ id: hits[0]!.id, data: { droppableContainer: hits[0]!, value: 0 } }];
  return closestCenter({ ...args, droppableContainers: candidates.filter((c) => rank(c) === 0 || item?.kind === 'thread') });
};

function positionOf(item: DragItem, over: Over, y: number): DropPosition {
  const target = over.data.current as DropTarget;
  if (target.kind === 'replyEnd' || (target.kind === 'thread' && item.kind === 'reply')) return 'inside';
  return y > over.rect.top + over.rect.height / 2 ? 'after' : 'before';
}

function pointerY(event: { activatorEvent: Event | null; delta: { y: number }; active: Active }): number {
  const e = event.activatorEvent;
  if (e && 'clientY' in e && typeof (e as PointerEvent).clientY === 'number') return (e as PointerEvent).clientY + event.delta.y;
  const r = event.active.rect.current.translated;
  return r ? r.top + r.height / 2 : 0;
}

/** One place the dragged card can land, from the keyboard: the droppable and the height its center goes to. */
interface Slot {
  readonly y: number;
  readonly id: string;
}

/**
 * The distinct places a card can land, top to bottom: before each reply of an expanded thread and at its
 * end, into a collapsed thread (a reply), before each thread and after the last (a thread). "After reply
 * 2" is "before reply 3", so it is one slot; the two slots that leave the card where it is are left out,
 * so every arrow press moves it by one place.
 */
export function keyboardSlots(item: DragItem, targets: readonly { readonly id: string; readonly target: DropTarget; readonly rect: ClientRect }[]): Slot[] {
  const slots: Slot[] = [];
  const expanded = new Set(targets.filter((x) => x.target.kind === 'replyEnd').map((x) => x.target.thread));
  const before = (r: ClientRect) => r.top + r.height * 0.25;
  if (item.kind === 'reply') {
    for (const { id, target, rect } of targets) {
      const own = target.thread === item.thread;
      if (target.kind === 'reply') {
        if (own && (target.reply === item.reply || target.reply === item.reply + 1)) continue;
        slots.push({ y: before(rect), id });
      } else if (target.kind === 'replyEnd') {
        if (own && !targets.some((x) => x.target.kind === 'reply' && x.target.thread === item.thread && x.target.reply > item.reply)) continue;
        slots.push({ y: rect.top + rect.height / 2, id });
      } else if (!expanded.has(target.thread) && target.thread !== item.thread) {
        slots.push({ y: rect.top + Math.min(rect.height / 2, 20), id });
      }
    }
  } else {
    const threads = targets.filter((x) => x.target.kind === 'thread').sort((a, b) => a.target.thread - b.target.thread);
    for (const { id, target, rect } of threads) {
      if (target.thread !== item.thread && target.thread !== item.thread + 1) slots.push({ y: before(rect), id });
    }
    const last = threads.at(-1);
    if (last && last.target.thread !== item.thread) slots.push({ y: last.rect.top + last.rect.height * 0.75, id: last.id });
  }
  return slots.sort((a, b) => a.y - b.y);
}

/** Arrow keys move the dragged card one landing place at a time (keyboardSlots), not some pixels. */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers } }) => {
  if (event.code !== 'ArrowDown' && event.code !== 'ArrowUp') return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const item = active.data.current as DragItem | undefined;
  if (!item) return undefined;
  const targets = droppableContainers.getEnabled().flatMap((c) => {
    const target = c.data.current as DropTarget | undefined;
    const rect = droppableRects.get(c.id);
    return target && rect && accepts(item, target) ? [{ id: String(c.id), target, rect }] : [];
  });
  const slots = keyboardSlots(item, targets);
  const cy = collisionRect.top + collisionRect.height / 2;
  const next = event.code === 'ArrowDown' ? slots.find((s) => s.y > cy + 1) : [...slots].reverse().find((s) => s.y < cy - 1);
  if (next === undefined) return undefined;
  return { x: collisionRect.left, y: next.y - collisionRect.height / 2 };
};

const POINTER = { activationConstraint: { distance: 5 } };
// Instant scrolling: a smooth one slides other places under the card on the way, each said aloud.
const KEYBOARD: KeyboardSensorOptions = { coordinateGetter: keyboardCoordinates, scrollBehavior: 'instant' };

export interface DropHandlers {
  moveReply(t: number, r: number, toThread: number, toIndex: number): void;
  moveThread(t: number, toIndex: number): void;
  replyCount(t: number): number;
  threadCount(): number;
}

/** Where a drop moves the item: a thread's new index, a reply's thread and index; null when it stays where it is. */
type Drop = { readonly thread: number; readonly to: number } | { readonly thread: number; readonly reply: number; readonly toThread: number; readonly to: number };

function dropOf(item: DragItem, target: DropTarget, position: DropPosition, handlers: DropHandlers): Drop | null {
  if (item.kind === 'thread') {
    if (target.kind !== 'thread') return null;
    const to = landingIndex(item.thread, target.thread, position === 'after');
    return to === item.thread ? null : { thread: item.thread, to };
  }
  const same = target.thread === item.thread;
  const to = target.kind === 'reply' ? landingIndex(same ? item.reply : -1, target.reply, position === 'after') : handlers.replyCount(target.thread) - (same ? 1 : 0);
  return same && to === item.reply ? null : { thread: item.thread, reply: item.reply, toThread: target.thread, to };
}

/** Where the item would land, in words: `position 2 of 3 in thread 1`. */
function landingWords(item: DragItem, over: Over | null, y: number, handlers: DropHandlers): string {
  if (!over) return 'not over a place to drop';
  return dropWords(dropOf(item, over.data.current as DropTarget, positionOf(item, over, y), handlers), handlers);
}

/** A drop in words, from the book before it is made. */
function dropWords(drop: Drop | null, handlers: DropHandlers): string {
  if (!drop) return 'where it was';
  if (!('toThread' in drop)) return `position ${drop.to + 1} of ${handlers.threadCount()}`;
  const count = handlers.replyCount(drop.toThread) + (drop.toThread === drop.thread ? 0 : 1);
  return `position ${drop.to + 1} of ${count} in thread ${drop.toThread + 1}`;
}

/** The center height of the dragged card now (the pointer's, or the card's from the keyboard). */
const activeY = (active: Active) => {
  const r = active.rect.current.translated;
  return r ? r.top + r.height / 2 : 0;
};

/** The drag-and-drop context around the thread list (memoized: rendering it is not cheap). */
export const ThreadsDnd = memo(function ThreadsDnd({ children, handlers }: { readonly children: ReactNode; readonly handlers: DropHandlers }) {
  // Constant options: new ones would make new sensors, a new context, and every card render again.
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(PromptKeyboardSensor, KEYBOARD));
  const [dragging, setDragging] = useState<DragItem | null>(null);
  const onMove = useCallback((event: DragMoveEvent) => {
    const item = event.active.data.current as DragItem;
    const over = event.over;
    const next: Indicator = over ? { id: String(over.id), position: positionOf(item, over, pointerY(event)) } : { id: null, position: null };
    const now = indicator.get();
    if (now.id !== next.id || now.position !== next.position) indicator.set(() => next);
  }, []);
  // What the drop did, in words: the announcement comes after the move, when the counts have changed.
  const ended = useRef('');
  const onEnd = (event: DragEndEvent) => {
    const item = event.active.data.current as DragItem;
    const { id, position } = indicator.get();
    indicator.set(() => ({ id: null, position: null }));
    setDragging(null);
    const over = event.over;
    let drop: Drop | null = null;
    if (over && String(over.id) === id && position) drop = dropOf(item, over.data.current as DropTarget, position, handlers);
    ended.current = `${item.label} ${drop ? `dropped at ${dropWords(drop, handlers)}` : over ? 'dropped where it was' : 'dropped nowhere, so it stays where it was'}.`;
    if (!drop) return;
    if ('toThread' in drop) handlers.moveReply(drop.thread, drop.reply, drop.toThread, drop.to);
    else handlers.moveThread(drop.thread, drop.to);
  };
  // Said once per new landing place (a pointer drag moves many times over the same one).
  const said = useRef('');
  const say = (active: Active, over: Over | null) => {
    const words = `${(active.data.current as DragItem).label}: ${landingWords(active.data.current as DragItem, over, activeY(active), handlers)}.`;
    if (words === said.current) return undefined;
    said.current = words;
    return words;
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={(e) => setDragging(e.active.data.current as DragItem)}
      onDragMove={onMove}
      onDragOver={onMove as never}
      onDragEnd={onEnd}
      onDragCancel={() => {
        indicator.set(() => ({ id: null, position: null }));
        setDragging(null);
      }}
      accessibility={{
        // The move command focuses the moved card's handle in its new slot; dnd-kit's restore would pick the old slot's.
        restoreFocus: false,
        announcements: {
          onDragStart: ({ active }) => {
            // Not "where it was" right after: it would replace these words before they are read.
            said.current = `${(active.data.current as DragItem).label}: where it was.`;
            return `Picked up ${(active.data.current as DragItem).label}. Up and Down choose where it goes, one place at a time; Space drops it; Escape cancels.`;
          },
          onDragMove: ({ active, over }) => say(active, over),
          onDragOver: ({ active, over }) => say(active, over),
          onDragEnd: () => ended.current,
          onDragCancel: ({ active }) => `Moving ${(active.data.current as DragItem).label} was cancelled.`,
        },
      }}
    >
      {children}
      <DragOverlay dropAnimation={null}>{dragging ? <div className="drag-overlay">{dragging.label}</div> : null}</DragOverlay>
    </DndContext>
  );
});

/** A drag handle and a drop target for one card. */
export function useCardDnd(item: DragItem, target: DropTarget, dropId: string, disabled = false) {
  const drag = useDraggable({ id: `drag-${dropId}`, data: item, disabled });
  const drop = useDroppable({ id: dropId, data: target });
  const position = useDropIndicator(dropId);
  // One stable ref for both: a new function each render would re-register the card with dnd-kit.
  const { setNodeRef: setDrop } = drop;
  const { setNodeRef: setDrag } = drag;
  const setRef = useCallback(
    (el: HTMLElement | null) => {
      setDrop(el);
      setDrag(el);
    },
    [setDrop, setDrag],
  );
  return { drag, drop, position, setRef };
}

export { useDroppable };
