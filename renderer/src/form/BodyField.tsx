/**
 * The body: the markdown after the front matter, as a field of the form. Typing replaces the
 * body only (one lossless edit through the store, `body.edit`; a burst of typing is one undo
 * step); the front matter's bytes never change. Rendered shows it (sanitized, as the
 * live preview renders it).
 */
import { memo, useId, useMemo, useState } from 'react';
import { renderMarkdown } from '../../../shared/preview/markdown';
import { useRun } from '../commands/useRun';
import { useEditor } from '../store/hooks';
import { formReadOnly } from '../store/editorStore';
import { AutoTextarea } from '../ui/AutoTextarea';

export const BodyField = memo(function BodyField() {
  const id = useId();
  const run = useRun();
  const body = useEditor((s) => s.book?.readable?.body ?? '');
  const readOnly = useEditor(formReadOnly);
  const [preview, setPreview] = useState(false);
  const html = useMemo(() => (preview ? renderMarkdown(body) : ''), [preview, body]);
  return (
    <section className="section body-field" aria-labelledby={`${id}-title`}>
      <header className="section-head">
        <h2 id={`${id}-title`}>Body</h2>
        <span className="muted">Markdown after the front matter</span>
        <div className="spacer" />
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" className={`seg${preview ? '' : ' on'}`} aria-pressed={!preview} onClick={() => setPreview(false)}>Markdown</button>
          <button type="button" className={`seg${preview ? ' on' : ''}`} aria-pressed={preview} onClick={() => setPreview(true)}>Rendered</button>
        </div>
      </header>
      {preview ? (
        <div className="body-preview" role="region" aria-label="Body preview" tabIndex={0} dangerouslySetInnerHTML={{ __html: html || '<p class="muted">The body is empty.</p>' }} />
      ) : (
        <AutoTextarea
          id={`${id}-text`}
          aria-labelledby={`${id}-title`}
          className="input body-text"
          data-path="body"
          value={body}
          readOnly={readOnly}
          spellCheck
          placeholder="The book's description in markdown"
          onChange={(e) => run('body.edit', { value: e.target.value })}
        />
      )}
    </section>
  );
});
