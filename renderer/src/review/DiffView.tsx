/** The review's Monaco diff editor (its own chunk): the file on disk against what Save would write, read-only, unchanged stretches folded away. */
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

export default function DiffView({ original, modified, sideBySide, dark, labels }: DiffViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<{ editor: MonacoEditor.IStandaloneDiffEditor; original: MonacoEditor.ITextModel; modified: MonacoEditor.ITextModel } | null>(null);
  const texts = useRef({ original, modified });
  texts.current = { original, modified };
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  // A new editor for each layout: Monaco keeps the left side unwrapped after switching from inline.
  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(host.current!, { ...OPTIONS, renderSideBySide: sideBySide, ...(labelsRef.current ? { originalAriaLabel: labelsRef.current.original, modifiedAriaLabel: labelsRef.current.modified } : {}) });
    const models = { original: monaco.editor.createModel(texts.current.original, BOOK_LANGUAGE), modified: monaco.editor.createModel(texts.current.modified, BOOK_LANGUAGE) };
    editor.setModel(models);
    view.current = { editor, ...models };
    return () => {
      view.current = null;
      // The editor lets go of its models before they go.
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, [sideBySide]);

  useEffect(() => {
    const v = view.current!;
    if (v.original.getValue() !== original) v.original.setValue(original);
    if (v.modified.getValue() !== modified) v.modified.setValue(modified);
  }, [original, modified]);

  useEffect(() => monaco.editor.setTheme(monacoTheme(dark)), [dark]);

  return <div ref={host} className="diff-host" />;
}
