/**
 * The review's Monaco diff editor (its own chunk): the file on disk against what Save would
 * write, read-only, unchanged stretches folded away. It reports how many changes there are
 * and shows change number `at` (the first one when it opens).
 */
import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { monaco } from '../raw/monaco';
import { BOOK_LANGUAGE } from '../raw/bookLanguage';
import { monacoTheme } from '../raw/monacoThemes';

export interface DiffViewProps {
  readonly original: string;
  readonly modified: string;
  readonly sideBySide: boolean;
  readonly dark: boolean;
  /** What screen readers call the two sides (default: on disk, and what Save would write). */
  readonly labels?: { readonly original: string; readonly modified: string };
  /** Which change to show (0-based); the view scrolls to it and puts the cursor there. */
  readonly at?: number;
  /** Told how many changes there are, each time the diff is computed. */
  readonly onChanges?: (count: number) => void;
}

const OPTIONS: MonacoEditor.IStandaloneDiffEditorConstructionOptions = {
  readOnly: true,
  originalEditable: false,
  automaticLayout: true,
  ignoreTrimWhitespace: false,
  renderIndicators: true,
  hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 },
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  diffWordWrap: 'on',
  fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Code', 'JetBrains Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  fontSize: 13,
  lineHeight: 20,
  links: false,
  unicodeHighlight: { ambiguousCharacters: false },
  useInlineViewWhenSpaceIsLimited: false,
  originalAriaLabel: 'On disk',
  modifiedAriaLabel: 'To be saved',
};

/** Scrolls the diff to change `at` and puts the cursor on its first line (the disk's side for a removal). */
function reveal(editor: MonacoEditor.IStandaloneDiffEditor, at: number, sideBySide: boolean): void {
  const change = editor.getLineChanges()?.[at];
  if (!change) return;
  const onDisk = sideBySide && change.modifiedEndLineNumber === 0;
  const side = onDisk ? editor.getOriginalEditor() : editor.getModifiedEditor();
  const line = onDisk ? change.originalStartLineNumber : Math.max(1, change.modifiedStartLineNumber);
  side.revealLineInCenter(line);
  side.setPosition({ lineNumber: line, column: 1 });
}

export default function DiffView({ original, modified, sideBySide, dark, labels, at = 0, onChanges }: DiffViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<{ editor: MonacoEditor.IStandaloneDiffEditor; original: MonacoEditor.ITextModel; modified: MonacoEditor.ITextModel } | null>(null);
  const follow = useRef({ at, onChanges });
  follow.current = { at, onChanges };
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  // A new editor for each layout and each pair of texts: Monaco keeps the left side unwrapped after switching
  // from inline, and keeps unchanged stretches unfolded after its texts are set again.
  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(host.current!, { ...OPTIONS, renderSideBySide: sideBySide, ...(labelsRef.current ? { originalAriaLabel: labelsRef.current.original, modifiedAriaLabel: labelsRef.current.modified } : {}) });
    const models = { original: monaco.editor.createModel(original, BOOK_LANGUAGE), modified: monaco.editor.createModel(modified, BOOK_LANGUAGE) };
    editor.setModel(models);
    view.current = { editor, ...models };
    // Each time the diff is computed: its count goes up, and the change asked for is shown (the first one at the start).
    const updates = editor.onDidUpdateDiff(() => {
      follow.current.onChanges?.(editor.getLineChanges()?.length ?? 0);
      reveal(editor, follow.current.at, sideBySide);
    });
    return () => {
      updates.dispose();
      view.current = null;
      // The editor lets go of its models before they go.
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, [sideBySide, original, modified]);

  useEffect(() => {
    if (view.current) reveal(view.current.editor, at, sideBySide);
  }, [at, sideBySide]);

  useEffect(() => monaco.editor.setTheme(monacoTheme(dark)), [dark]);

  return <div ref={host} className="diff-host" />;
}
