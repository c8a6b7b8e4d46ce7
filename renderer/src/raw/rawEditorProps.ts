/** What the raw view's editor (Monaco, loaded lazily) is given; tests render a stand-in with the same props. */
import type { Diagnostic, Fix } from '../../../shared/index';
import type { RawSync } from './rawSync';

export interface RawEditorProps {
  /** The store's text; the editor follows it through `sync`. */
  readonly text: string;
  /** How many drafts went to the store: after one, the text is followed even if it ends where it was (typing, then undo). */
  readonly commits: number;
  readonly sync: RawSync;
  /** Whether the view is on screen (a hidden editor catches up when shown). */
  readonly active: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly dark: boolean;
  /** A range of the text to select and reveal. */
  readonly reveal: { readonly from: number; readonly to: number; readonly focus: boolean; readonly nonce: number } | null;
  /** The cursor moved to this offset of the text. */
  readonly onCursor: (offset: number) => void;
  /** Runs a named command (undo, redo, save) through the registry. */
  readonly onCommand: (id: string) => void;
  /** Applies a diagnostic's fix chosen among Monaco's quick fixes (absent: none are offered). */
  readonly onFix?: (d: Diagnostic, fix: Fix) => void;
  /** The text may be read, not changed (a file that is not UTF-8). */
  readonly readOnly?: boolean;
}
