/** The review's Monaco diff editor (its own chunk): the file on disk against what Save would write, read-only, unchanged stretches folded away. */
import { DiffEditor } from '@monaco-editor/react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import '../raw/monaco';
import { BOOK_LANGUAGE } from '../raw/bookLanguage';
import { monacoTheme } from '../raw/monacoThemes';

export interface DiffViewProps {
  readonly original: string;
  readonly modified: string;
  readonly sideBySide: boolean;
  readonly dark: boolean;
}

const BASE: MonacoEditor.IDiffEditorConstructionOptions = {
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
  renderOverviewRuler: true,
  links: false,
  unicodeHighlight: { ambiguousCharacters: false },
  originalAriaLabel: 'On disk',
  modifiedAriaLabel: 'To be saved',
};
const SIDE = { ...BASE, renderSideBySide: true, useInlineViewWhenSpaceIsLimited: false };
const INLINE = { ...BASE, renderSideBySide: false };

export default function DiffView({ original, modified, sideBySide, dark }: DiffViewProps) {
  return <DiffEditor height="100%" language={BOOK_LANGUAGE} original={original} modified={modified} theme={monacoTheme(dark)} options={sideBySide ? SIDE : INLINE} loading={<p className="muted">Loading the differences…</p>} />;
}
