/** Monaco themes in the app's colors: `book-light` and `book-dark`. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

/** The Monaco theme for the app's resolved theme. */
export const monacoTheme = (dark: boolean): string => (dark ? 'book-dark' : 'book-light');

/** Defines both themes (once is enough; defining again replaces them). */
export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme('book-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'metatag', foreground: '8a8f9c' },
      { token: 'type.yaml', foreground: '4c56d6' },
      { token: 'string.yaml', foreground: '23804f' },
      { token: 'keyword.md', foreground: '4c56d6', fontStyle: 'bold' },
      { token: 'string.link.md', foreground: '0b66d6' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorGutter.background': '#ffffff',
      'editorLineNumber.foreground': '#a5a9b3',
      'editorLineNumber.activeForeground': '#4c56d6',
      'editor.lineHighlightBackground': '#f4f5f9',
      'editor.lineHighlightBorder': '#00000000',
      'editor.selectionBackground': '#d9dcfb',
      'editor.inactiveSelectionBackground': '#e6e8fb',
      'editorCursor.foreground': '#4c56d6',
      'editorIndentGuide.background1': '#eceef2',
      'scrollbarSlider.background': '#1b1c2022',
      'diffEditor.insertedTextBackground': '#23804f33',
      'diffEditor.removedTextBackground': '#c93a3a33',
      'diffEditor.insertedLineBackground': '#23804f14',
      'diffEditor.removedLineBackground': '#c93a3a14',
    },
  });
  monaco.editor.defineTheme('book-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'metatag', foreground: '6d717c' },
      { token: 'type.yaml', foreground: '949bff' },
      { token: 'string.yaml', foreground: '8fd6a9' },
      { token: 'keyword.md', foreground: '949bff', fontStyle: 'bold' },
      { token: 'string.link.md', foreground: '6cb4ff' },
    ],
    colors: {
      'editor.background': '#1b1d22',
      'editorGutter.background': '#1b1d22',
      'editorLineNumber.foreground': '#555a66',
      'editorLineNumber.activeForeground': '#949bff',
      'editor.lineHighlightBackground': '#22242a',
      'editor.lineHighlightBorder': '#00000000',
      'editor.selectionBackground': '#3a3f78',
      'editor.inactiveSelectionBackground': '#2d3160',
      'editorCursor.foreground': '#949bff',
      'editorIndentGuide.background1': '#2a2d34',
      'scrollbarSlider.background': '#e5e6ea22',
      'diffEditor.insertedTextBackground': '#5fcf9233',
      'diffEditor.removedTextBackground': '#f07a7a33',
      'diffEditor.insertedLineBackground': '#5fcf9214',
      'diffEditor.removedLineBackground': '#f07a7a14',
    },
  });
}
