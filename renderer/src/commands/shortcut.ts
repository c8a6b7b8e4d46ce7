/** Tooltips with the key of their command, read from the command table. */
import { shortcutOf } from '../../../shared/commands';
import { keyLabel } from '../services/registry';

/** `Save (Ctrl+S)`: the text, and the command's key when it has one. */
export function withShortcut(text: string, command: string): string {
  const key = shortcutOf(command);
  return key ? `${text} (${keyLabel(key)})` : text;
}
