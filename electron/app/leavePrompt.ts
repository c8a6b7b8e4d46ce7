/** The question asked before unsaved work would be lost (closing, quitting, switching site). */
import type { MessageBoxOptions } from 'electron';

/** The answers, by button index. */
export const LEAVE_CHOICES = ['save', 'discard', 'cancel'] as const;

/** What the user chose. */
export type LeaveChoice = (typeof LEAVE_CHOICES)[number];

/** The message box asking whether to save `title` before `action` ("closing", "opening another site"). */
export function leavePrompt(title: string, action: string): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Save the changes to ${title.trim() || 'this book'} before ${action}?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}
