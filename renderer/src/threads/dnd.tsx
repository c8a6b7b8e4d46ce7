/**
 * Drag and drop of replies and threads. A reply drops between the replies of any thread
 * (or onto a thread, to land at its end); a thread drops between threads. The drop line
 * lives in a tiny store of its own, so a drag re-renders only the two cards it touches.
 */
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCenter, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import type { Active, ClientRect, CollisionDetection, DragEndEvent, DragMoveEvent, KeyboardCoordinateGetter, Over } from '@dnd-kit/core';
import { memo, useCallback, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createStore } from '../store/createStore';

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

/** Arrow keys jump the dragged box between drop places (before and after each target) instead of 25 pixels at a time. */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers } }) => {
  if (event.code !== 'ArrowDown' && event.code !== 'ArrowUp') return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const item = active.data.current as DragItem | undefined;
  const slots: number[] = [];
  for (const c of droppableContainers.getEnabled()) {
    const target = c.data.current as DropTarget | undefined;
    if (!accepts(item, target) || (item?.kind === 'reply' && target?.kind === 'thread')) continue;
    const r = droppableRects.get(c.id);
    if (!r) continue;
    if (target?.kind === 'replyEnd') slots.push(r.top + r.height / 2);
    else slots.push(r.top + r.height * 0.25, r.top + r.height * 0.75);
  }
  slots.sort((a, b) => a - b);
  const cy = collisionRect.top + collisionRect.height / 2;
  const next = event.code === 'ArrowDown' ? slots.find((y) => y > cy + 1) : [...slots].reverse().find((y) => y < cy - 1);
  if (next === undefined) return undefined;
  return { x: collisionRect.left, y: next - collisionRect.height / 2 };
};

const POINTER = { activationConstraint: { distance: 5 } };
const KEYBOARD = { coordinateGetter: keyboardCoordinates };

export interface DropHandlers {
  moveReply(t: number, r: number, toThread: number, toIndex: number): void;
  moveThread(t: number, toIndex: number): void;
  replyCount(t: number): number;
}

/** The drag-and-drop context around the thread list (memoized: rendering it is not cheap). */
export const ThreadsDnd = memo(function ThreadsDnd({ children, handlers }: { readonly children: ReactNode; readonly handlers: DropHandlers }) {
  // Constant options: new ones would make new sensors, a new context, and every card render again.
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  const [dragging, setDragging] = useState<DragItem | null>(null);
  const onMove = useCallback((event: DragMoveEvent) => {
    const item = event.active.data.current as DragItem;
    const over = event.over;
    const next: Indicator = over ? { id: String(over.id), position: positionOf(item, over, pointerY(event)) } : { id: null, position: null };
    const now = indicator.get();
    if (now.id !== next.id || now.position !== next.position) indicator.set(() => next);
  }, []);
  const onEnd = (event: DragEndEvent) => {
    const item = event.active.data.current as DragItem;
    const { id, position } = indicator.get();
    indicator.set(() => ({ id: null, position: null }));
    setDragging(null);
    const over = event.over;
    if (!over || String(over.id) !== id || !position) return;
    const target = over.data.current as DropTarget;
    if (item.kind === 'thread' && target.kind === 'thread') {
      const to = landingIndex(item.thread, target.thread, position === 'after');
      if (to !== item.thread) handlers.moveThread(item.thread, to);
    } else if (item.kind === 'reply') {
      const same = target.thread === item.thread;
      const to = target.kind === 'reply' ? landingIndex(same ? item.reply : -1, target.reply, position === 'after') : handlers.replyCount(target.thread) - (same ? 1 : 0);
      if (!same || to !== item.reply) handlers.moveReply(item.thread, item.reply, target.thread, to);
    }
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
        announcements: {
          onDragStart: ({ active }) => `Picked up ${(active.data.current as DragItem).label}. Arrow keys choose where it goes; Space drops it; Escape cancels.`,
          onDragOver: ({ active, over }) => `${(active.data.current as DragItem).label} ${over ? `is over ${describeTarget(over.data.current as DropTarget)}` : 'is not over a drop place'}.`,
          onDragEnd: ({ active, over }) => `${(active.data.current as DragItem).label} ${over ? `dropped at ${describeTarget(over.data.current as DropTarget)}` : 'dropped nowhere'}.`,
          onDragCancel: ({ active }) => `Moving ${(active.data.current as DragItem).label} was cancelled.`,
        },
      }}
    >
      {children}
      <DragOverlay dropAnimation={null}>{dragging ? <div className="drag-overlay">{dragging.label}</div> : null}</DragOverlay>
    </DndContext>
  );
});

function describeTarget(t: DropTarget): string {
  if (t.kind === 'reply') return `reply ${t.reply + 1} of thread ${t.thread + 1}`;
  if (t.kind === 'replyEnd') return `the end of thread ${t.thread + 1}`;
  return `thread ${t.thread + 1}`;
}

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
