/**
 * A list reordered by drag and drop (pointer or keyboard: focus the handle, Space, arrows,
 * Space) with @dnd-kit/sortable. The items render their own Move up / Move down buttons.
 */
import { DndContext, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent } from '@dnd-kit/core';
import { SortableContext, horizontalListSortingStrategy, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, HTMLAttributes, ReactNode, Ref } from 'react';
import { PromptKeyboardSensor } from './PromptKeyboardSensor';

export interface HandleProps {
  readonly ref: Ref<HTMLButtonElement>;
  readonly props: HTMLAttributes<HTMLButtonElement>;
}

export interface ItemProps {
  readonly ref: Ref<HTMLElement>;
  readonly style: CSSProperties;
  readonly dragging: boolean;
}

interface Props {
  readonly ids: readonly string[];
  readonly onMove: (from: number, to: number) => void;
  readonly direction?: 'vertical' | 'horizontal';
  readonly renderItem: (index: number, item: ItemProps, handle: HandleProps) => ReactNode;
  /** What a screen reader hears about an item while it is dragged. */
  readonly describe: (index: number) => string;
}

// Constant options keep the sensors, and so the drag context, the same across renders.
const POINTER = { activationConstraint: { distance: 4 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

export function SortableList({ ids, onMove, direction = 'vertical', renderItem, describe }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(PromptKeyboardSensor, KEYBOARD));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  const at = (id: string | number) => describe(ids.indexOf(String(id)));
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        // The command that moves the item puts focus on its handle in the new slot; dnd-kit's own restore would pick the old slot.
        restoreFocus: false,
        announcements: {
          onDragStart: ({ active }) => `Picked up ${at(active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `${at(active.id)} is over position ${ids.indexOf(String(over.id)) + 1}.` : `${at(active.id)} is not over a position.`),
          onDragEnd: ({ active, over }) => (over ? `${at(active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1}.` : `${at(active.id)} dropped.`),
          onDragCancel: ({ active }) => `Moving ${at(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={ids as string[]} strategy={direction === 'vertical' ? verticalListSortingStrategy : horizontalListSortingStrategy}>
        {ids.map((id, i) => (
          <Sortable key={id} id={id} index={i} render={renderItem} />
        ))}
      </SortableContext>
    </DndContext>
  );
}

function Sortable({ id, index, render }: { id: string; index: number; render: Props['renderItem'] }) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 2 : undefined, position: 'relative' };
  return render(index, { ref: setNodeRef, style, dragging: isDragging }, { ref: setActivatorNodeRef, props: { ...attributes, ...listeners } });
}
