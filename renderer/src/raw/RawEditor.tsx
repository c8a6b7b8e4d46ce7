/**
 * The raw view's Monaco editor (its own chunk, loaded when the raw view first opens). It
 * shows the store's text through a RawSync, marks the core's diagnostics at their ranges,
 * and hands undo, redo and save to the app's commands: the store keeps the one history.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Editor } from '@monaco-editor/react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { COMMANDS } from '../../../shared/commands';
import { monaco } from './monaco';
import { rawBindings } from './monacoKeys';
import { BOOK_LANGUAGE } from './bookLanguage';
import { monacoTheme } from './monacoThemes';
import type { RawEditorProps } from './rawEditorProps';
import type { ModelPort } from './rawSync';
import { fixesAt } from './codeActions';
import type { Diagnostic, Fix } from '../../../shared/index';

let commandSeq = 0;
import { OPTIONS } from './editorOptions';


/** The app commands that replace Monaco's own bindings in this editor (undo, redo, save: the store keeps the one history). */
const COMMAND_KEYS = rawBindings(COMMANDS, monaco);

export default function RawEditor({ text, commits, sync, active, diagnostics, dark, reveal, onCursor, onCommand, onFix, readOnly = false }: RawEditorProps) {
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  // Set while the store's text is written into the model, so that change is not taken for typing.
  const following = useRef(false);
  const latest = useRef({ onCursor, onCommand, onFix, sync, diagnostics });
  latest.current = { onCursor, onCommand, onFix, sync, diagnostics };
  const disposables = useRef<{ dispose(): void }[]>([]);
  useEffect(() => () => disposables.current.splice(0).forEach((d) => d.dispose()), []);
  const initial = useMemo(() => sync.text, [sync]);
  // The wrapper hands changed options to Monaco: a read-only book's text cannot be typed into.
  const options = useMemo(() => ({ ...OPTIONS, readOnly }), [readOnly]);
  const [ready, setReady] = useState(false);

  const port = useMemo<ModelPort>(
    () => ({
      replace({ start, end, text: insert }) {
        const model = editorRef.current?.getModel();
        if (!model) return;
        following.current = true;
        try {
          model.applyEdits([{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: insert, forceMoveMarkers: false }]);
        } finally {
          following.current = false;
        }
      },
    }),
    [],
  );

  const onMount = (editor: MonacoEditor.IStandaloneCodeEditor) => {
    editorRef.current = editor;
    editor.onDidChangeModelContent((e) => {
      if (following.current) return;
      latest.current.sync.edited(e.changes.map((c) => ({ start: { lineNumber: c.range.startLineNumber, column: c.range.startColumn }, end: { lineNumber: c.range.endLineNumber, column: c.range.endColumn }, text: c.text })));
    });
    editor.onDidChangeCursorPosition((e) => {
      if (following.current || e.reason === monaco.editor.CursorChangeReason.ContentFlush) return;
      latest.current.onCursor(latest.current.sync.offsetAt(e.position));
    });
    editor.onDidBlurEditorText(() => latest.current.sync.flush());
    for (const { id, label, keybindings } of COMMAND_KEYS) editor.addAction({ id: `book.${id}`, label, keybindings, run: () => latest.current.onCommand(id) });
    // Quick fixes: the diagnostics' fixes at the cursor, applied by the page (the store's edit, one undo step), not as Monaco's own edit.
    const command = `book.applyFix.${++commandSeq}`;
    disposables.current.push(
      monaco.editor.registerCommand(command, (_accessor, d: Diagnostic, fix: Fix) => latest.current.onFix?.(d, fix)),
      monaco.languages.registerCodeActionProvider(
        BOOK_LANGUAGE,
        {
          provideCodeActions(model, range, context) {
            const { onFix: apply, sync: s, diagnostics: list } = latest.current;
            if (model !== editor.getModel() || !apply) return { actions: [], dispose() {} };
            const from = s.offsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
            const to = s.offsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
            const actions = fixesAt(list, from, to).map(({ diagnostic: d, fix, preferred }) => {
              const a = s.positionAt(d.range.from);
              const marker = context.markers.find((m) => m.code === d.code && m.startLineNumber === a.lineNumber && m.startColumn === a.column);
              return { title: fix.label, kind: 'quickfix', isPreferred: preferred, diagnostics: marker ? [marker] : [], command: { id: command, title: fix.label, arguments: [d, fix] } };
            });
            return { actions, dispose() {} };
          },
        },
        { providedCodeActionKinds: ['quickfix'] },
      ),
    );
    setReady(true);
  };

  // The store's text changed (a form edit, undo, a reload): only the changed span goes into the model.
  useEffect(() => {
    if (ready && active) sync.follow(text, port);
  }, [text, commits, active, sync, port, ready]);

  // The core's diagnostics as markers, at their ranges in the text.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!ready || !active || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'book',
      diagnostics.map((d) => {
        const a = sync.positionAt(d.range.from);
        const b = sync.positionAt(d.range.to);
        return {
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: d.message,
          code: d.code,
          source: 'Book',
          startLineNumber: a.lineNumber,
          startColumn: a.column,
          endLineNumber: b.lineNumber,
          endColumn: b.column,
        };
      }),
    );
  }, [diagnostics, active, ready, sync]);

  // A place to show (once per request, when on screen): select it, bring it to the middle, and take the keyboard when asked.
  const revealed = useRef(0);
  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || !active || !editor || !reveal || reveal.nonce === revealed.current) return;
    revealed.current = reveal.nonce;
    const a = sync.positionAt(reveal.from);
    const b = sync.positionAt(reveal.to);
    const range = new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Immediate);
    if (reveal.focus) editor.focus();
  }, [reveal, active, ready, sync]);

  return <Editor height="100%" defaultLanguage={BOOK_LANGUAGE} defaultValue={initial} theme={monacoTheme(dark)} options={options} onMount={onMount} loading={<p className="raw-loading muted">Loading the raw view…</p>} />;
}
