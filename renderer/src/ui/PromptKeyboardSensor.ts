/** dnd-kit's keyboard sensor, listening for keys from the moment it picks an item up (see PromptKeyboardSensor). */
import { KeyboardSensor } from '@dnd-kit/core';
import type { KeyboardSensorProps, SensorInstance } from '@dnd-kit/core';

/** The members of dnd-kit 6's KeyboardSensor that PromptKeyboardSensor uses (private in its types). */
interface KeyboardSensorInternals extends SensorInstance {
  readonly props: KeyboardSensorProps;
  readonly listeners: { add(name: string, handler: (event: Event) => void): void };
  readonly windowListeners: { add(name: string, handler: (event: Event) => void): void };
  handleStart(): void;
  handleKeyDown(event: Event): void;
  handleCancel(event: Event): void;
  attach(): void;
}

const KeyboardSensorBase = KeyboardSensor as unknown as new (props: KeyboardSensorProps) => KeyboardSensorInternals;

/**
 * dnd-kit's KeyboardSensor, listening for keys from the moment it picks an item up. The stock sensor adds
 * its document keydown listener in a setTimeout, so that the Space that picks the item up does not drop
 * it at once. But picking up renders the list again (every reply and thread card: 50-200 ms on the
 * sample book), and Chromium runs the key presses waiting in its queue before timers: arrows pressed
 * meanwhile reached no listener and were lost, and the item did not move (unless the machine was slow
 * to send them). This one listens at once and skips the key press that picked the item up, still on its
 * way to the document, and that key's auto-repeats.
 */
export class PromptKeyboardSensor extends KeyboardSensorBase {
  static activators = KeyboardSensor.activators;

  override attach(): void {
    // If a dnd-kit update renames what this relies on, keep its own (delayed) listening rather than none.
    if (typeof this.listeners?.add !== 'function' || typeof this.windowListeners?.add !== 'function' || typeof this.handleStart !== 'function') return super.attach();
    this.handleStart();
    this.windowListeners.add('resize', this.handleCancel);
    this.windowListeners.add('visibilitychange', this.handleCancel);
    this.listeners.add('keydown', this.handleKeyDown);
  }

  override handleKeyDown(event: Event): void {
    const start = this.props.event as KeyboardEvent;
    if (event === start || (event instanceof KeyboardEvent && event.repeat && event.code === start.code)) return;
    super.handleKeyDown(event);
  }
}
