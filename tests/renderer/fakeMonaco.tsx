// Stand-ins for the Monaco parts, which jsdom cannot run: the raw view's editor as a text area driven
// through the same RawSync, and the review's diff as plain text. Monaco itself is tested in Chromium.
import { useEffect, useState } from 'react';
import type { RawEditorProps } from '../../renderer/src/raw/rawEditorProps';
import type { DiffViewProps } from '../../renderer/src/review/DiffView';
import { lineDiff } from '../../renderer/src/diff/lineDiff';

/** The raw editor: typing goes through `sync` (committed after its pause), the store's text comes back through it. */
export function FakeRawEditor({ text, commits, sync, active, onCommand }: RawEditorProps) {
  const [value, setValue] = useState(sync.text);
  useEffect(() => {
    if (active) sync.follow(text, { replace: () => setValue(text) });
  }, [text, commits, active, sync]);
  return (
    <textarea
      aria-label="Raw text"
      value={value}
      onChange={(e) => {
        sync.edited([{ start: { lineNumber: 1, column: 1 }, end: sync.positionAt(sync.text.length), text: e.target.value }]);
        setValue(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.ctrlKey && e.key === 'z') {
          e.preventDefault();
          onCommand('undo');
        }
      }}
    />
  );
}

/** The diff: both texts, one after the other; its changes counted as runs of changed lines, the one shown in `data-at`. */
export function FakeDiffView({ original, modified, at = 0, onChanges }: DiffViewProps) {
  useEffect(() => {
    const lines = lineDiff(original, modified);
    onChanges?.(lines.filter((l, i) => l.kind !== 'same' && (i === 0 || lines[i - 1]!.kind === 'same')).length);
  }, [original, modified, onChanges]);
  return (
    <pre data-testid="diff" data-at={at}>
      {original}
      {'\n=====\n'}
      {modified}
    </pre>
  );
}
