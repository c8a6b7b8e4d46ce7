/** The raw view's Monaco options (also what the benchmark's Monaco-alone page creates its editor with). */
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';

export const OPTIONS: MonacoEditor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Raw text',
  automaticLayout: true,
  fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Code', 'JetBrains Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  fontSize: 13,
  lineHeight: 20,
  padding: { top: 12, bottom: 12 },
  wordWrap: 'on',
  wrappingIndent: 'same',
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderWhitespace: 'trailing',
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
  tabSize: 2,
  insertSpaces: true,
  detectIndentation: false,
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  wordBasedSuggestions: 'off',
  links: false,
  fixedOverflowWidgets: true,
  'semanticHighlighting.enabled': false,
};
